// The push channel's glue: one socket per client, driven by its state machine
// (push-session.js). The socket is the runtime's (WebSocket, ws, wx.connectSocket); timers are
// setTimeout; events go to the callbacks of client.subscribe.
import { IotExplorerError, loggedOutError, toIotExplorerError } from './errors.js';

// setTimeout fires at once past this; a later wake-up is simply taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;
// A token the push server refuses again this soon after it replaced a refused one is not
// replaced again: a server that refuses every token would otherwise mean a login per reply.
const MIN_REPLACE_INTERVAL_MS = 60 * 1000;

export const DEFAULT_PUSH_URL = 'wss://iot.cloud.tencent.com/ws/explorer';
// The overseas API's host with the China path: no document names an overseas push URL, but the
// China one would receive overseas tokens. `pushUrl` overrides it.
const OVERSEA_PUSH_URL = 'wss://oversea.iotcloud.tencentiotcloud.com/ws/explorer';

/** The push URL that goes with an API endpoint: the official one, or ws(s)://host/ws/explorer. */
export function pushUrlFor(endpoint) {
  if (endpoint === 'oversea') return OVERSEA_PUSH_URL;
  const m = /^(https?):\/\/([^/]+)/.exec(endpoint || '');
  if (!m) return DEFAULT_PUSH_URL;
  return `${m[1] === 'https' ? 'wss' : 'ws'}://${m[2]}/ws/explorer`;
}

/** A socket opener over a WebSocket class (browsers, Node's global or the `ws` package). */
export function webSocketOpener(WebSocketImpl) {
  return (url, on) => {
    const ws = new WebSocketImpl(url);
    ws.onopen = () => on.open();
    ws.onmessage = (e) => on.message(typeof e.data === 'string' ? e.data : String(e.data));
    ws.onclose = () => on.close();
    ws.onerror = () => on.close();
    return { send: (text) => ws.send(text), close: () => ws.close() };
  };
}

/** A socket opener over wx.connectSocket (mini-programs). */
export function wxSocketOpener(wxApi) {
  return (url, on) => {
    // A connectSocket that fails at once (say, a URL outside the domain list) may call `fail`
    // before this returns, and may never call onError: it counts as a close, a turn later.
    const task = (wxApi || wx).connectSocket({ url, fail: () => setTimeout(() => on.close(), 0) });
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
export function createPushHub({ channel, openSocket, url, session, onError, replyTimeoutMs = 20000, clock = () => Date.now() }) {
  // deviceId → (callback → how many subscribe() calls hold it): each call's unsubscribe undoes
  // exactly that call, however the calls overlap.
  const listeners = new Map();
  let epoch = 0; // bumped by clear(): an unsubscribe from before it must not touch later holds
  let socket = null;
  let timer = null;
  let token = null;
  let replaced = { token: null, at: -Infinity }; // the last token got for a refused one
  let depth = 0; // steps running (a callback may step again); the outermost arms the timer
  let wakeAt = null; // what the latest step asked for
  const waiting = []; // { ids, settle(error?) } of each subscribe() until the server answers
  const loggedOut = () => loggedOutError('subscribing');

  const report = (e) => {
    try {
      onError(toIotExplorerError(e));
    } catch {
      // the app's error handler must not break the channel
    }
  };
  // A login the channel asked for that a logout overtook is no failure to report.
  const reportUnlessLoggedOut = (e) => (e && e.code === 'LoggedOut') || report(e);

  /** Whether `callback` still listens for `event` (an earlier callback may have unsubscribed it). */
  function listening(callback, event) {
    const held = listeners.get(event.deviceId);
    return Boolean(held && held.has(callback));
  }

  /**
   * An event reaches the callbacks of its device only. A frame that names no valid device is
   * nobody's: it goes to onPushError, so it is not lost.
   */
  function deliver(event) {
    if (!event.deviceId) {
      const excerpt = event.raw.length > 200 ? `${event.raw.slice(0, 200)}…` : event.raw;
      report(new IotExplorerError('a push frame this SDK cannot read, for no device', { kind: 'Parse', excerpt }));
      return;
    }
    for (const callback of [...(listeners.get(event.deviceId) || new Map()).keys()]) {
      if (!listening(callback, event)) continue;
      try {
        callback(event);
      } catch (e) {
        report(e);
      }
    }
  }

  /** Feeds `input` to the state machine and carries out its commands. */
  function step(input) {
    const out = channel.step({ ...input, now: Math.floor(clock()) });
    wakeAt = out.wakeAt;
    depth++;
    for (const command of out.commands) {
      try {
        run(command);
      } catch (e) {
        report(e); // a socket that throws on send or close
      }
    }
    depth--;
    if (depth > 0) return;
    clearTimeout(timer);
    timer = wakeAt === null ? null : setTimeout(() => step({ type: 'tick' }), Math.min(MAX_TIMER_MS, Math.max(0, wakeAt - clock())));
  }

  /** Settles the waiting subscribe()s whose devices are all in `devices`; returns how many. */
  function answer(devices, error) {
    const answered = waiting.filter((w) => w.ids.every((id) => devices.includes(id)));
    answered.forEach((w) => w.settle(error));
    return answered.length;
  }

  function run(command) {
    switch (command.type) {
      case 'connect': {
        const mine = {};
        const alive = () => socket === mine.socket;
        try {
          mine.socket = socket = openSocket(url, {
            open: () => alive() && step({ type: 'opened' }),
            message: (text) => alive() && step({ type: 'message', text }),
            close: () => {
              if (!alive()) return;
              socket = null;
              step({ type: 'closed' });
            },
          });
        } catch (e) {
          // As if it closed at once (the core retries later), once this step is done.
          socket = null;
          report(e);
          Promise.resolve().then(() => step({ type: 'closed' }));
          break;
        }
        // A token that expired while the socket was down is replaced before it is sent.
        session.accessToken().then(useToken).catch(reportUnlessLoggedOut);
        break;
      }
      case 'send':
        if (socket) socket.send(command.text);
        break;
      case 'close':
        if (socket) {
          const closing = socket;
          socket = null;
          closing.close();
        }
        break;
      case 'event':
        deliver(command.event);
        break;
      case 'subscribed':
        answer(command.devices);
        break;
      case 'tokenRejected': {
        if (command.token === replaced.token && clock() - replaced.at < MIN_REPLACE_INTERVAL_MS) {
          refuseToken('the push server refuses the token the login just gave; not logging in again');
          break;
        }
        session
          .replace(command.token)
          .then((fresh) => {
            replaced = { token: fresh, at: clock() };
            if (fresh === command.token) refuseToken('the push server refuses the token, and the login gave the same one again');
            else useToken(fresh);
          })
          .catch((e) => {
            if (e && e.code === 'LoggedOut') return; // the logout settled every subscribe already
            waiting.slice().forEach((w) => w.settle(toIotExplorerError(e)));
            report(e);
          });
        break;
      }
      case 'failed': {
        if (answer(command.devices, command.error) === 0) report(command.error);
        break;
      }
    }
  }

  /**
   * The push server refuses the token after the session's one new login: every subscribe()
   * still waiting fails with the auth error (each listed this token), and onPushError hears it.
   * The channel keeps its subscriptions and asks for a login again at its next connect.
   */
  function refuseToken(message) {
    const error = new IotExplorerError(message, { kind: 'Api', code: 'InvalidParameterValue.InvalidAccessToken' });
    waiting.slice().forEach((w) => w.settle(error));
    report(error);
  }

  function useToken(fresh) {
    if (fresh === token) return;
    token = fresh;
    step({ type: 'token', token });
  }

  /** Drops every subscription and closes the socket (on logout). */
  function clear() {
    const ids = [...listeners.keys()];
    listeners.clear();
    epoch++;
    waiting.splice(0).forEach((w) => w.settle(loggedOut()));
    if (ids.length) step({ type: 'unsubscribe', ids });
  }

  /** Adds (+1) or takes back (-1) one hold of `callback` on each of `ids`; returns the ids nobody holds any more. */
  function hold(ids, callback, change) {
    return ids.filter((id) => {
      const held = listeners.get(id) || new Map();
      const count = (held.get(callback) || 0) + change;
      if (count > 0) held.set(callback, count);
      else held.delete(callback);
      if (held.size > 0) listeners.set(id, held);
      else listeners.delete(id);
      return !listeners.has(id);
    });
  }

  // A token the session refreshed for other calls. A session that lost its token (refused, none
  // to replace it) keeps the subscriptions, as calls keep going: the next connect logs in again.
  // Only logout() ends them.
  session.onToken(useToken);

  return {
    /**
     * Waits for login, then subscribes; resolves to the unsubscribe function once the server
     * confirms, or after the reply timeout (the channel keeps trying); rejects when the server
     * refuses the subscription. Every
     * request lists all devices, so a refusal rejects every subscribe() it listed.
     */
    async subscribe(deviceIds, onEvent) {
      const ids = [...new Set(deviceIds)];
      const generation = session.generation;
      const fresh = await session.accessToken();
      if (generation !== session.generation) throw loggedOut();
      useToken(fresh);
      hold(ids, onEvent, +1);
      let held = true;
      const mine = epoch;
      const unsubscribe = () => {
        if (!held || mine !== epoch) return; // once per call, and not after a logout cleared it all
        held = false;
        const gone = hold(ids, onEvent, -1);
        if (gone.length) step({ type: 'unsubscribe', ids: gone });
      };
      let settle;
      const answered = new Promise((resolve, reject) => {
        const timeout = setTimeout(() => settle(), Math.min(MAX_TIMER_MS, replyTimeoutMs));
        const entry = { ids };
        settle = entry.settle = (error) => {
          clearTimeout(timeout);
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          if (error) {
            unsubscribe(); // at once: no event for a refused subscription after this
            reject(error);
          } else {
            resolve();
          }
        };
        waiting.push(entry);
      });
      step({ type: 'subscribe', ids });
      try {
        await answered;
      } catch (e) {
        unsubscribe();
        throw e;
      }
      return unsubscribe;
    },
    clear,
    pause: () => step({ type: 'pause' }),
    resume: () => step({ type: 'resume' }),
  };
}
