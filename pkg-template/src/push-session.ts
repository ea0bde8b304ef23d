// What the push channel should do next (sans-IO). Inputs are the caller's wishes (subscribe,
// token, pause), the socket's fate (opened, closed, a frame) and the time; outputs are commands
// for the glue (connect, send, close, event, subscribed, tokenRejected, failed) and the next
// time to call `tick`.
import { type IotExplorerError, invalidInput } from './errors.js';
import type { PushOptions } from './push.js';
import type { FrameEvent } from './push-events.js';
import { type CheckResponse, heartbeatFrame, parseFrame, subscribeFrame } from './push-frames.js';

/** What the glue tells the channel: a wish of the caller's, or what happened to the socket. */
export type ChannelWish =
  | { type: 'subscribe'; ids: readonly string[] }
  | { type: 'unsubscribe'; ids: readonly string[] }
  | { type: 'token'; token: string }
  | { type: 'opened' }
  | { type: 'closed' }
  | { type: 'message'; text: string }
  | { type: 'tick' }
  | { type: 'pause' }
  | { type: 'resume' };

/** A wish with the time it is told at (ms). */
export type ChannelInput = ChannelWish & { now: number };

/** What the channel tells the glue to do. */
export type ChannelCommand =
  | { type: 'connect' }
  | { type: 'send'; text: string }
  | { type: 'close' }
  | { type: 'event'; event: FrameEvent }
  | { type: 'subscribed'; devices: string[] }
  | { type: 'tokenRejected'; token: string }
  | { type: 'failed'; error: IotExplorerError; devices: string[] };

export interface PushChannel {
  /** The commands for `input`, and when to call `tick` next (ms), or null. */
  step(input: ChannelInput): { commands: ChannelCommand[]; wakeAt: number | null };
  /** How long a subscription waits for the server's answer (the checked option). */
  readonly replyTimeoutMs: number;
}

type PushConfig = Required<PushOptions>;

/** The link's states (see createPushChannel), with the time each waits for. */
type Link = { state: 'idle' } | { state: 'connecting'; deadline: number } | { state: 'open' } | { state: 'waiting'; retryAt: number };

/** A request awaiting a reply. */
interface Pending {
  id: string;
  deadline: number;
  /** The devices a subscription listed; null for a heartbeat. */
  devices: string[] | null;
  token: string | null;
}

const DEFAULTS: PushConfig = {
  // The official SDK sends a heartbeat every 50 s.
  heartbeatMs: 50000,
  // A reply, or the socket's opening, that does not come in this time means the link is dead.
  replyTimeoutMs: 20000,
  // Reconnect after this, doubling per failure up to reconnectMaxMs.
  reconnectMinMs: 2000,
  reconnectMaxMs: 60000,
};

/** The push options with their defaults; each given one a positive integer. */
function configOf(options: PushOptions | null | undefined): PushConfig {
  if (options === undefined || options === null) return { ...DEFAULTS };
  if (typeof options !== 'object' || Array.isArray(options)) throw invalidInput('push', 'push must be an object');
  const config = { ...DEFAULTS };
  for (const name of Object.keys(options)) {
    const ms = (options as { [name: string]: unknown })[name];
    if (!(name in DEFAULTS)) throw invalidInput(name, `unknown option "${name}" in push`);
    if (ms === undefined || ms === null) continue;
    if (!Number.isInteger(ms) || (ms as number) <= 0) throw invalidInput(name, `${name} must be a positive integer`);
    config[name as keyof PushConfig] = ms as number;
  }
  return config;
}

/**
 * A push channel: `step({ type, now, ids?, token?, text? }) → { commands, wakeAt }`, where type
 * is subscribe, unsubscribe, token, opened, closed, message, tick, pause or resume. `options`:
 * { heartbeatMs, replyTimeoutMs, reconnectMinMs, reconnectMaxMs }; `checkResponse(text)`
 * throws the API error of an App API response text.
 */
export function createPushChannel(options: PushOptions | null | undefined, checkResponse: CheckResponse): PushChannel {
  return new Channel(configOf(options), checkResponse);
}

class Channel implements PushChannel {
  declare config: PushConfig;
  declare checkResponse: CheckResponse;
  /** idle (no socket wanted), connecting (until deadline), open, waiting (retry at retryAt) */
  declare link: Link;
  declare paused: boolean;
  declare token: string | null;
  /** Sorted, no duplicates. */
  declare devices: string[];
  declare nextId: number;
  /** Requests awaiting a reply. */
  declare pending: Pending[];
  declare heartbeatAt: number | null;
  declare failures: number;

  get replyTimeoutMs(): number {
    return this.config.replyTimeoutMs;
  }

  constructor(config: PushConfig, checkResponse: CheckResponse) {
    this.config = config;
    this.checkResponse = checkResponse;
    this.link = { state: 'idle' };
    this.paused = false;
    this.token = null;
    this.devices = [];
    this.nextId = 0;
    this.pending = [];
    this.heartbeatAt = null;
    this.failures = 0;
  }

  step(input: ChannelInput): { commands: ChannelCommand[]; wakeAt: number | null } {
    return { commands: this.commandsFor(input), wakeAt: this.nextWakeup() };
  }

  commandsFor(input: ChannelInput): ChannelCommand[] {
    const { now } = input;
    switch (input.type) {
      case 'subscribe':
        this.devices = [...new Set([...this.devices, ...input.ids])].sort();
        return this.refresh(now);
      case 'unsubscribe':
        this.devices = this.devices.filter((d) => !input.ids.includes(d));
        return this.refresh(now);
      case 'token':
        this.token = input.token;
        return this.refresh(now);
      case 'opened':
        if (this.link.state !== 'connecting') return [{ type: 'close' }]; // a socket nobody wants any more
        // Not a success yet: a server that accepts sockets and drops them at once must still see
        // the backoff grow. Only a reply resets it.
        this.link = { state: 'open' };
        this.heartbeatAt = now + this.config.heartbeatMs;
        return this.refresh(now);
      case 'closed':
        return this.closed(now);
      case 'message':
        return this.received(input.text);
      case 'tick':
        return this.tick(now);
      case 'pause': // the app went to the background: close the socket until resume
        this.paused = true;
        return this.refresh(now);
      case 'resume':
        this.paused = false;
        this.failures = 0;
        return this.refresh(now);
    }
  }

  wanted(): boolean {
    return !this.paused && this.token !== null && this.devices.length > 0;
  }

  reset(next: Link): void {
    this.link = next;
    this.pending = [];
    this.heartbeatAt = null;
  }

  /** Registers a request awaiting its reply; returns its id. */
  expectReply(now: number, listed: string[] | null): string {
    const id = `push-${++this.nextId}`;
    this.pending.push({ id, deadline: now + this.config.replyTimeoutMs, devices: listed, token: this.token });
    return id;
  }

  /** Brings the link in line with what is wanted: connect, (re)subscribe, or close. */
  refresh(now: number): ChannelCommand[] {
    const want = this.wanted();
    if (want && this.link.state === 'idle') {
      this.link = { state: 'connecting', deadline: now + this.config.replyTimeoutMs };
      return [{ type: 'connect' }];
    }
    if (want && this.link.state === 'open') {
      const id = this.expectReply(now, this.devices.slice());
      return [{ type: 'send', text: subscribeFrame(id, this.devices, this.token!) }]; // wanted(): a token
    }
    if (!want && this.link.state !== 'idle') {
      const hadSocket = this.link.state !== 'waiting';
      this.reset({ state: 'idle' });
      return hadSocket ? [{ type: 'close' }] : [];
    }
    return [];
  }

  /** The socket closed or failed (not at our request): reconnect later if still wanted. */
  closed(now: number): ChannelCommand[] {
    if (this.link.state === 'idle') return [];
    const { reconnectMinMs, reconnectMaxMs } = this.config;
    const delay = Math.min(reconnectMinMs * 2 ** Math.min(this.failures, 16), reconnectMaxMs);
    this.failures++;
    this.reset({ state: 'waiting', retryAt: now + delay });
    return [];
  }

  received(text: string): ChannelCommand[] {
    const { event, reply } = parseFrame(text, this.checkResponse);
    if (event) return [{ type: 'event', event }];
    const at = this.pending.findIndex((p) => p.id === reply.reqId);
    const request = at < 0 ? null : this.pending.splice(at, 1)[0];
    if (request && !reply.error) this.failures = 0; // the server answered us: the link really works
    const listed = request ? request.devices : null;
    if (!reply.error) return listed ? [{ type: 'subscribed', devices: listed }] : [];
    if (reply.error.isAuthError) {
      // A reply to no request we know of is about the token in use.
      const refused = request ? request.token : this.token;
      return refused === null ? [] : [{ type: 'tokenRejected', token: refused }];
    }
    return [{ type: 'failed', error: reply.error, devices: listed || [] }];
  }

  tick(now: number): ChannelCommand[] {
    const { link } = this;
    if (link.state === 'waiting' && now >= link.retryAt) {
      this.link = { state: 'idle' };
      return this.refresh(now);
    }
    const overdue = link.state === 'connecting' ? now >= link.deadline : link.state === 'open' && this.pending.some((p) => now >= p.deadline);
    if (overdue) {
      // The socket never opened, or no reply came in time: the link is dead even if the
      // socket has not noticed. Retry as after a drop.
      this.closed(now);
      return [{ type: 'close' }];
    }
    if (link.state === 'open' && this.heartbeatAt !== null && now >= this.heartbeatAt) {
      this.heartbeatAt = now + this.config.heartbeatMs;
      if (this.token === null) return [];
      const id = this.expectReply(now, null);
      return [{ type: 'send', text: heartbeatFrame(id, this.devices, this.token) }];
    }
    return [];
  }

  /** When `tick` next has something to do, or null. */
  nextWakeup(): number | null {
    const times = this.pending.map((p) => p.deadline);
    if (this.link.state === 'waiting') times.push(this.link.retryAt);
    if (this.link.state === 'connecting') times.push(this.link.deadline);
    if (this.heartbeatAt !== null) times.push(this.heartbeatAt);
    return times.length ? Math.ceil(Math.min(...times)) : null;
  }
}
