// The push channel's glue: one socket per client, driven by the core's state machine
// (PushChannel.step). The socket is the runtime's (WebSocket, ws, wx.connectSocket); timers are
// setTimeout; events go to the callbacks of client.subscribe.
import { toIotExplorerError } from './errors.js';

export const DEFAULT_PUSH_URL = 'wss://iot.cloud.tencent.com/ws/explorer';

/** The push URL that goes with an API endpoint: the official one, or ws(s)://host/ws/explorer. */
export function pushUrlFor(endpoint) {
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
    const task = (wxApi || wx).connectSocket({ url });
    task.onOpen(() => on.open());
    task.onMessage((res) => on.message(typeof res.data === 'string' ? res.data : ''));
    task.onClose(() => on.close());
    task.onError(() => on.close());
    return { send: (text) => task.send({ data: text }), close: () => task.close({}) };
  };
}

/**
 * channel: a PushChannel; openSocket(url, {open, message, close}) → {send, close};
 * session: the client's Session; onError(error) for failures nobody awaits.
 */
export function createPushHub({ channel, openSocket, url, session, onError, replyTimeoutMs = 20000, clock = () => Date.now() }) {
  const listeners = new Map(); // deviceId → Set of callbacks
  let socket = null;
  let timer = null;
  let token = null;
  const waiting = []; // resolvers of subscribe() calls until the server confirms

  const report = (e) => {
    try {
      onError(toIotExplorerError(e));
    } catch {
      // the app's error handler must not break the channel
    }
  };

  function deliver(event) {
    const targets = event.deviceId ? listeners.get(event.deviceId) || [] : [...listeners.values()].flatMap((s) => [...s]);
    for (const callback of new Set(targets)) {
      try {
        callback(event);
      } catch (e) {
        report(e);
      }
    }
  }

  function step(input) {
    let out;
    try {
      out = channel.step({ ...input, now: Math.floor(clock()) });
    } catch (e) {
      return report(e);
    }
    for (const command of out.commands) run(command);
    clearTimeout(timer);
    timer = out.wakeAt === null ? null : setTimeout(() => step({ type: 'tick' }), Math.max(0, out.wakeAt - clock()));
  }

  function run(command) {
    switch (command.type) {
      case 'connect': {
        const mine = {};
        const alive = () => socket === mine.socket;
        mine.socket = socket = openSocket(url, {
          open: () => alive() && step({ type: 'opened' }),
          message: (text) => alive() && step({ type: 'message', text }),
          close: () => {
            if (!alive()) return;
            socket = null;
            step({ type: 'closed' });
          },
        });
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
        waiting.splice(0).forEach((resolve) => resolve());
        break;
      case 'tokenRejected':
        session.replace(token).then(useToken, report);
        break;
      case 'failed':
        report({ name: 'IotExplorerError', kind: 'Api', code: command.code, message: command.message });
        break;
    }
  }

  function useToken(fresh) {
    if (fresh === token) return;
    token = fresh;
    step({ type: 'token', token });
  }

  return {
    /** Waits for login, then subscribes; resolves to the unsubscribe function. */
    async subscribe(deviceIds, onEvent) {
      const ids = [...new Set(deviceIds)];
      useToken(await session.accessToken());
      for (const id of ids) {
        if (!listeners.has(id)) listeners.set(id, new Set());
        listeners.get(id).add(onEvent);
      }
      // Resolves when the server confirms, or after the reply timeout (the channel keeps trying).
      const confirmed = new Promise((resolve) => {
        const timeout = setTimeout(done, replyTimeoutMs);
        function done() {
          clearTimeout(timeout);
          resolve();
        }
        waiting.push(done);
      });
      step({ type: 'subscribe', ids });
      await confirmed;
      return () => {
        const gone = ids.filter((id) => {
          const set = listeners.get(id);
          if (set) set.delete(onEvent);
          if (set && set.size === 0) listeners.delete(id);
          return !listeners.has(id);
        });
        if (gone.length) step({ type: 'unsubscribe', ids: gone });
      };
    },
    /** Drops every subscription and closes the socket (on logout). */
    clear() {
      const ids = [...listeners.keys()];
      listeners.clear();
      waiting.splice(0).forEach((resolve) => resolve());
      if (ids.length) step({ type: 'unsubscribe', ids });
    },
    pause: () => step({ type: 'pause' }),
    resume: () => step({ type: 'resume' }),
  };
}
