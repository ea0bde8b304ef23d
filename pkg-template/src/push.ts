// The push channel's glue: one socket per client, driven by its state machine
// (push-session.js). The socket is the runtime's (WebSocket, ws, wx.connectSocket); timers are
// setTimeout; events go to the callbacks of client.subscribe.

import { IotExplorerError, loggedOutError, toIotExplorerError } from './errors.js';
import type { FrameEvent, PushEvent } from './push-events.js';
import type { ChannelCommand, ChannelWish, PushChannel } from './push-session.js';
import type { Session } from './session.js';
import { MAX_TIMER_MS } from './timeouts.js';
import { wxGlobal } from './wx-global.js';

export interface PushOptions {
  /** Default 50000 (the official SDK's interval). */
  heartbeatMs?: number;
  /** A reply, or a socket opening, that takes longer marks the link dead; default 20000. */
  replyTimeoutMs?: number;
  /** Reconnect after this, doubling per failure; default 2000. */
  reconnectMinMs?: number;
  /** Default 60000. */
  reconnectMaxMs?: number;
}

export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  close(): void;
}

/** Opens a socket to `url` and reports what happens to it through `on`. */
export type SocketOpener = (url: string, on: SocketHandlers) => { send(text: string): void; close(): void };

/** The SocketTask of wx.connectSocket, as far as the opener uses it. */
export interface WxSocketTask {
  onOpen(callback: () => void): void;
  onMessage(callback: (result: { data: string | ArrayBuffer }) => void): void;
  onClose(callback: () => void): void;
  onError(callback: () => void): void;
  send(options: { data: string }): void;
  close(options: object): void;
}

/** The push channel's link: up at first, down when it drops (or the app is hidden), up again. */
export type PushState = 'connected' | 'disconnected' | 'reconnected';

/** What createPushHub takes. */
export interface PushHubOptions {
  /** createPushChannel's. */
  channel: PushChannel;
  openSocket: SocketOpener;
  url: string;
  /** The client's Session (what the hub uses of it). */
  session: Pick<Session, 'accessToken' | 'replace' | 'onToken' | 'generation'>;
  /** Failures nobody awaits. */
  onError: (error: IotExplorerError) => void;
  /** The link went up, down, or up again. */
  onState?: (state: PushState) => void;
  /** The devices' current state as events, fetched once the channel is back (default: none). */
  resync?: (deviceIds: string[]) => Promise<PushEvent[]>;
}

/** A client's push channel, as the client drives it. */
export interface PushHub {
  subscribe(deviceIds: readonly string[], onEvent: (event: PushEvent) => void): Promise<() => void>;
  /** Drops every subscription and closes the socket (on logout). */
  clear(): void;
  /** The app went to the background: the socket closes until resume. */
  pause(): void;
  resume(): void;
}

type Listener = (event: PushEvent) => void;
type Socket = ReturnType<SocketOpener>;

/** A subscribe() waiting for the server's answer. */
interface Waiting {
  ids: string[];
  settle: (error?: IotExplorerError) => void;
}

// A token the push server refuses again this soon after it replaced a refused one is not
// replaced again: a server that refuses every token would otherwise mean a login per reply.
const MIN_REPLACE_INTERVAL_MS = 60 * 1000;

/** A socket opener over a WebSocket class (browsers, Node's global or the `ws` package). */
export function webSocketOpener(
  WebSocketImpl: new (
    url: string,
  ) => {
    onopen: unknown;
    onmessage: unknown;
    onclose: unknown;
    onerror: unknown;
    send(text: string): void;
    close(): void;
  },
): SocketOpener {
  return (url, on) => {
    const ws = new WebSocketImpl(url);
    ws.onopen = () => on.open();
    ws.onmessage = (e: { data: unknown }) => on.message(typeof e.data === 'string' ? e.data : String(e.data));
    ws.onclose = () => on.close();
    ws.onerror = () => on.close();
    return { send: (text) => ws.send(text), close: () => ws.close() };
  };
}

/** A socket opener over wx.connectSocket (mini-programs). */
export function wxSocketOpener(wxApi?: { connectSocket(options: { url: string; fail?: () => void }): WxSocketTask }): SocketOpener {
  return (url, on) => {
    // A connectSocket that fails at once (say, a URL outside the domain list) may call `fail`
    // before this returns, and may never call onError: it counts as a close, a turn later.
    const task = (wxApi || wxGlobal())!.connectSocket({ url, fail: () => setTimeout(() => on.close(), 0) });
    task.onOpen(() => on.open());
    task.onMessage((res) => on.message(typeof res.data === 'string' ? res.data : ''));
    task.onClose(() => on.close());
    task.onError(() => on.close());
    return { send: (text) => task.send({ data: text }), close: () => task.close({}) };
  };
}

/**
 * channel: createPushChannel's; openSocket(url, {open, message, close}) → {send, close};
 * session: the client's Session; onError(error) for failures nobody awaits.
 */
export function createPushHub(options: PushHubOptions): PushHub {
  const hub = new Hub(options);
  return {
    subscribe: (deviceIds, onEvent) => hub.subscribe(deviceIds, onEvent),
    clear: () => hub.clear(),
    pause: () => hub.step({ type: 'pause' }),
    resume: () => hub.step({ type: 'resume' }),
  };
}

class Hub {
  declare options: PushHubOptions;
  /** Whose callbacks each device's events reach. */
  declare listeners: Listeners;
  declare socket: Socket | null;
  declare timer: ReturnType<typeof setTimeout> | null;
  declare token: string | null;
  /** The last token got for a refused one, and when. */
  declare replaced: { token: string | null; at: number };
  /** Steps running (a callback may step again); the outermost arms the timer. */
  declare depth: number;
  /** What the latest step asked for. */
  declare wakeAt: number | null;
  /** Each subscribe() until the server answers. */
  declare waiting: Waiting[];
  /** Whether the socket is open, whether it ever was, whether a resync waits for the next subscription. */
  declare link: { up: boolean; ever: boolean; resyncDue: boolean };

  constructor(options: PushHubOptions) {
    this.options = options;
    this.listeners = new Listeners((e) => this.report(e));
    this.socket = null;
    this.timer = null;
    this.token = null;
    this.replaced = { token: null, at: -Infinity };
    this.depth = 0;
    this.wakeAt = null;
    this.waiting = [];
    this.link = { up: false, ever: false, resyncDue: false };
    // A token the session refreshed for other calls. A session that lost its token (refused, none
    // to replace it) keeps the subscriptions, as calls keep going: the next connect logs in again.
    // Only clear() (a logout) ends them.
    options.session.onToken((fresh) => this.useToken(fresh));
  }

  report(e: unknown): void {
    try {
      this.options.onError(toIotExplorerError(e));
    } catch {
      // the app's error handler must not break the channel
    }
  }

  /** A login the channel asked for that a logout overtook is no failure to report. */
  reportUnlessLoggedOut(e: unknown): void {
    if (!(e && (e as { code?: unknown }).code === 'LoggedOut')) this.report(e);
  }

  /** Feeds `input` to the state machine and carries out its commands. */
  step(input: ChannelWish): void {
    const out = this.options.channel.step({ ...input, now: Date.now() });
    this.wakeAt = out.wakeAt;
    this.depth++;
    for (const command of out.commands) {
      try {
        this.run(command);
      } catch (e) {
        this.report(e); // a socket that throws on send or close
      }
    }
    this.depth--;
    if (this.depth > 0) return;
    clearTimeout(this.timer as ReturnType<typeof setTimeout>); // null: nothing to clear
    const { wakeAt } = this;
    // Capped (setTimeout fires at once past MAX_TIMER_MS): a later wake-up is taken in steps.
    this.timer = wakeAt === null ? null : setTimeout(() => this.step({ type: 'tick' }), Math.min(MAX_TIMER_MS, Math.max(0, wakeAt - Date.now())));
  }

  /** Settles the waiting subscribe()s whose devices are all in `devices`; returns how many. */
  answer(devices: string[], error?: IotExplorerError): number {
    const answered = this.waiting.filter((w) => w.ids.every((id) => devices.includes(id)));
    for (const w of answered) w.settle(error);
    return answered.length;
  }

  run(command: ChannelCommand): void {
    switch (command.type) {
      case 'connect':
        this.connect();
        break;
      case 'send':
        if (this.socket) this.socket.send(command.text);
        break;
      case 'close':
        if (this.socket) {
          const closing = this.socket;
          this.socket = null;
          this.linkDown();
          closing.close();
        }
        break;
      case 'event':
        this.listeners.deliver(command.event);
        break;
      case 'subscribed':
        this.answer(command.devices);
        if (this.link.resyncDue) this.resync();
        break;
      case 'tokenRejected':
        this.tokenRejected(command.token);
        break;
      case 'failed':
        if (this.answer(command.devices, command.error) === 0) this.report(command.error);
        break;
    }
  }

  connect(): void {
    const mine: { socket?: Socket } = {};
    const alive = () => this.socket === mine.socket;
    try {
      mine.socket = this.socket = this.options.openSocket(this.options.url, {
        open: () => {
          if (!alive()) return;
          this.linkUp();
          this.step({ type: 'opened' });
        },
        message: (text) => alive() && this.step({ type: 'message', text }),
        close: () => {
          if (!alive()) return;
          this.socket = null;
          this.linkDown();
          this.step({ type: 'closed' });
        },
      });
    } catch (e) {
      // As if it closed at once (the core retries later), once this step is done.
      this.socket = null;
      this.report(e);
      Promise.resolve().then(() => this.step({ type: 'closed' }));
      return;
    }
    // A token that expired while the socket was down is replaced before it is sent.
    this.options.session
      .accessToken()
      .then((fresh) => this.useToken(fresh))
      .catch((e: unknown) => this.reportUnlessLoggedOut(e));
  }

  linkUp(): void {
    const again = this.link.ever;
    this.link = { up: true, ever: true, resyncDue: again };
    this.tellState(again ? 'reconnected' : 'connected');
  }

  linkDown(): void {
    if (!this.link.up) return;
    this.link.up = false;
    this.tellState('disconnected');
  }

  tellState(state: PushState): void {
    try {
      if (this.options.onState) this.options.onState(state);
    } catch (e) {
      this.report(e);
    }
  }

  /**
   * The channel is back and the server has the subscriptions again: what the devices reported
   * while it was down reaches their listeners as Resync events, fetched now.
   */
  resync(): void {
    this.link.resyncDue = false;
    const ids = this.listeners.ids();
    if (!ids.length || !this.options.resync) return;
    const epoch = this.listeners.epoch;
    this.options
      .resync(ids)
      .then((events) => {
        if (epoch !== this.listeners.epoch) return; // a logout came first
        for (const event of events) this.listeners.deliver(event);
      })
      .catch((e: unknown) => this.reportUnlessLoggedOut(e));
  }

  tokenRejected(refused: string): void {
    if (refused === this.replaced.token && Date.now() - this.replaced.at < MIN_REPLACE_INTERVAL_MS) {
      this.refuseToken('the push server refuses the token the login just gave; not logging in again');
      return;
    }
    this.options.session
      .replace(refused)
      .then((fresh) => {
        this.replaced = { token: fresh, at: Date.now() };
        if (fresh === refused) this.refuseToken('the push server refuses the token, and the login gave the same one again');
        else this.useToken(fresh);
      })
      .catch((e: unknown) => {
        if (e && (e as { code?: unknown }).code === 'LoggedOut') return; // the logout settled every subscribe already
        for (const w of this.waiting.slice()) w.settle(toIotExplorerError(e));
        this.report(e);
      });
  }

  /**
   * The push server refuses the token after the session's one new login: every subscribe()
   * still waiting fails with the auth error (each listed this token), and onPushError hears it.
   * The channel keeps its subscriptions and asks for a login again at its next connect.
   */
  refuseToken(message: string): void {
    const error = new IotExplorerError(message, { kind: 'Api', code: 'InvalidParameterValue.InvalidAccessToken', isAuthError: true });
    for (const w of this.waiting.slice()) w.settle(error);
    this.report(error);
  }

  useToken(fresh: string): void {
    if (fresh === this.token) return;
    this.token = fresh;
    this.step({ type: 'token', token: fresh });
  }

  /** Drops every subscription and closes the socket (on logout). */
  clear(): void {
    // The next connection (after a login) is a first one again.
    this.link.ever = false;
    this.link.resyncDue = false;
    const ids = this.listeners.clear();
    for (const w of this.waiting.splice(0)) w.settle(loggedOutError('subscribing'));
    if (ids.length) this.step({ type: 'unsubscribe', ids });
  }

  /**
   * Waits for login, then subscribes; resolves to the unsubscribe function once the server
   * confirms, or after the reply timeout (the channel keeps trying); rejects when the server
   * refuses the subscription. Every request lists all devices, so a refusal rejects every
   * subscribe() it listed.
   */
  async subscribe(deviceIds: readonly string[], onEvent: Listener): Promise<() => void> {
    const ids = [...new Set(deviceIds)];
    const { session } = this.options;
    const generation = session.generation;
    const fresh = await session.accessToken();
    if (generation !== session.generation) throw loggedOutError('subscribing');
    this.useToken(fresh);
    const unsubscribe = this.listeners.hold(ids, onEvent, (gone) => this.step({ type: 'unsubscribe', ids: gone }));
    const answered = this.answerOf(ids, unsubscribe);
    this.step({ type: 'subscribe', ids });
    try {
      await answered;
    } catch (e) {
      unsubscribe();
      throw e;
    }
    return unsubscribe;
  }

  /** Settles when the server answers a subscription of `ids`, or after the reply timeout. */
  answerOf(ids: string[], unsubscribe: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry = { ids } as Waiting;
      const timeout = setTimeout(() => entry.settle(), Math.min(MAX_TIMER_MS, this.options.channel.replyTimeoutMs));
      entry.settle = (error) => {
        clearTimeout(timeout);
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        if (error) {
          unsubscribe(); // at once: no event for a refused subscription after this
          reject(error);
        } else {
          resolve();
        }
      };
      this.waiting.push(entry);
    });
  }
}

/**
 * deviceId → (callback → how many subscribe() calls hold it): each call's unsubscribe undoes
 * exactly that call, however the calls overlap.
 */
class Listeners {
  declare report: (e: unknown) => void;
  declare held: Map<string, Map<Listener, number>>;
  /** Bumped by clear(): an unsubscribe from before it must not touch later holds. */
  declare epoch: number;

  constructor(report: (e: unknown) => void) {
    this.report = report;
    this.held = new Map();
    this.epoch = 0;
  }

  /**
   * Holds `callback` on each of `ids`; returns the function that lets go (once, and not after a
   * clear()), which calls `gone` with the ids nobody holds any more.
   */
  hold(ids: string[], callback: Listener, gone: (ids: string[]) => void): () => void {
    this.change(ids, callback, +1);
    let holding = true;
    const mine = this.epoch;
    return () => {
      if (!holding || mine !== this.epoch) return;
      holding = false;
      const left = this.change(ids, callback, -1);
      if (left.length) gone(left);
    };
  }

  /** Adds (+1) or takes back (-1) one hold of `callback` on each of `ids`; returns the ids nobody holds any more. */
  change(ids: readonly string[], callback: Listener, change: number): string[] {
    return ids.filter((id) => {
      const held = this.held.get(id) || new Map<Listener, number>();
      const count = (held.get(callback) || 0) + change;
      if (count > 0) held.set(callback, count);
      else held.delete(callback);
      if (held.size > 0) this.held.set(id, held);
      else this.held.delete(id);
      return !this.held.has(id);
    });
  }

  /** The ids someone holds. */
  ids(): string[] {
    return [...this.held.keys()];
  }

  /** Lets go of everything; returns the ids that were held. */
  clear(): string[] {
    const ids = [...this.held.keys()];
    this.held.clear();
    this.epoch++;
    return ids;
  }

  /**
   * An event reaches the callbacks of its device only, each still listening when its turn comes
   * (an earlier callback may have unsubscribed it). A frame that names no valid device is
   * nobody's: it goes to onPushError, so it is not lost.
   */
  deliver(event: FrameEvent): void {
    if (!event.deviceId) {
      // An Unknown event (the others name their device).
      const { raw } = event as { raw: string };
      const excerpt = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
      this.report(new IotExplorerError('a push frame this SDK cannot read, for no device', { kind: 'Parse', excerpt }));
      return;
    }
    for (const callback of [...(this.held.get(event.deviceId) || new Map<Listener, number>()).keys()]) {
      const held = this.held.get(event.deviceId);
      if (!(held && held.has(callback))) continue;
      try {
        callback(event);
      } catch (e) {
        this.report(e);
      }
    }
  }
}
