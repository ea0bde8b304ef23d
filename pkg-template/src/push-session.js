// What the push channel should do next (sans-IO). Inputs are the caller's wishes (subscribe,
// token, pause), the socket's fate (opened, closed, a frame) and the time; outputs are commands
// for the glue (connect, send, close, event, subscribed, tokenRejected, failed) and the next
// time to call `tick`.
import { invalidInput, isAuthCode } from './errors.js';
import { heartbeatFrame, parseFrame, subscribeFrame } from './push-frames.js';

const DEFAULTS = {
  // The official SDK sends a heartbeat every 50 s.
  heartbeatMs: 50000,
  // A reply, or the socket's opening, that does not come in this time means the link is dead.
  replyTimeoutMs: 20000,
  // Reconnect after this, doubling per failure up to reconnectMaxMs.
  reconnectMinMs: 2000,
  reconnectMaxMs: 60000,
};

/** The push options with their defaults; each given one a positive integer. */
function configOf(options) {
  if (options === undefined || options === null) return { ...DEFAULTS };
  if (typeof options !== 'object' || Array.isArray(options)) throw invalidInput('push', 'push must be an object');
  const config = { ...DEFAULTS };
  for (const name of Object.keys(options)) {
    const ms = options[name];
    if (!(name in DEFAULTS)) throw invalidInput(name, `unknown option "${name}" in push`);
    if (ms === undefined || ms === null) continue;
    if (!Number.isInteger(ms) || ms <= 0) throw invalidInput(name, `${name} must be a positive integer`);
    config[name] = ms;
  }
  return config;
}

/**
 * A push channel: `step({ type, now, ids?, token?, text? }) → { commands, wakeAt }`, where type
 * is subscribe, unsubscribe, token, opened, closed, message, tick, pause or resume. `options`:
 * { heartbeatMs, replyTimeoutMs, reconnectMinMs, reconnectMaxMs }; `checkResponse(text)`
 * throws the API error of an App API response text.
 */
export function createPushChannel(options, checkResponse) {
  const config = configOf(options);
  // link: idle (no socket wanted), connecting (until deadline), open, waiting (retry at retryAt)
  let link = { state: 'idle' };
  let paused = false;
  let token = null;
  let devices = []; // sorted, no duplicates
  let nextId = 0;
  let pending = []; // requests awaiting a reply: { id, deadline, devices (subscriptions only), token }
  let heartbeatAt = null;
  let failures = 0;

  const wanted = () => !paused && token !== null && devices.length > 0;
  const reset = (next) => {
    link = next;
    pending = [];
    heartbeatAt = null;
  };

  /** Registers a request awaiting its reply; returns its id. */
  function expectReply(now, listed) {
    const id = `push-${++nextId}`;
    pending.push({ id, deadline: now + config.replyTimeoutMs, devices: listed, token });
    return id;
  }

  /** Brings the link in line with what is wanted: connect, (re)subscribe, or close. */
  function refresh(now) {
    const want = wanted();
    if (want && link.state === 'idle') {
      link = { state: 'connecting', deadline: now + config.replyTimeoutMs };
      return [{ type: 'connect' }];
    }
    if (want && link.state === 'open') {
      const id = expectReply(now, devices.slice());
      return [{ type: 'send', text: subscribeFrame(id, devices, token) }];
    }
    if (!want && link.state !== 'idle') {
      const hadSocket = link.state !== 'waiting';
      reset({ state: 'idle' });
      return hadSocket ? [{ type: 'close' }] : [];
    }
    return [];
  }

  /** The socket closed or failed (not at our request): reconnect later if still wanted. */
  function closed(now) {
    if (link.state === 'idle') return [];
    const delay = Math.min(config.reconnectMinMs * 2 ** Math.min(failures, 16), config.reconnectMaxMs);
    failures++;
    reset({ state: 'waiting', retryAt: now + delay });
    return [];
  }

  function received(text) {
    const { event, reply } = parseFrame(text, checkResponse);
    if (event) return [{ type: 'event', event }];
    const at = pending.findIndex((p) => p.id === reply.reqId);
    const request = at < 0 ? null : pending.splice(at, 1)[0];
    if (request && !reply.error) failures = 0; // the server answered us: the link really works
    const listed = request ? request.devices : null;
    if (!reply.error) return listed ? [{ type: 'subscribed', devices: listed }] : [];
    if (isAuthCode(reply.error.code)) {
      // A reply to no request we know of is about the token in use.
      const refused = request ? request.token : token;
      return refused === null ? [] : [{ type: 'tokenRejected', token: refused }];
    }
    return [{ type: 'failed', error: reply.error, devices: listed || [] }];
  }

  function tick(now) {
    if (link.state === 'waiting' && now >= link.retryAt) {
      link = { state: 'idle' };
      return refresh(now);
    }
    const overdue = link.state === 'connecting' ? now >= link.deadline : link.state === 'open' && pending.some((p) => now >= p.deadline);
    if (overdue) {
      // The socket never opened, or no reply came in time: the link is dead even if the
      // socket has not noticed. Retry as after a drop.
      closed(now);
      return [{ type: 'close' }];
    }
    if (link.state === 'open' && heartbeatAt !== null && now >= heartbeatAt) {
      heartbeatAt = now + config.heartbeatMs;
      if (token === null) return [];
      const id = expectReply(now, null);
      return [{ type: 'send', text: heartbeatFrame(id, devices, token) }];
    }
    return [];
  }

  /** When `tick` next has something to do, or null. */
  function nextWakeup() {
    const times = pending.map((p) => p.deadline);
    if (link.state === 'waiting') times.push(link.retryAt);
    if (link.state === 'connecting') times.push(link.deadline);
    if (heartbeatAt !== null) times.push(heartbeatAt);
    return times.length ? Math.ceil(Math.min(...times)) : null;
  }

  const steps = {
    subscribe: (input, now) => {
      devices = [...new Set([...devices, ...input.ids])].sort();
      return refresh(now);
    },
    unsubscribe: (input, now) => {
      devices = devices.filter((d) => !input.ids.includes(d));
      return refresh(now);
    },
    token: (input, now) => {
      token = input.token;
      return refresh(now);
    },
    opened: (input, now) => {
      if (link.state !== 'connecting') return [{ type: 'close' }]; // a socket nobody wants any more
      // Not a success yet: a server that accepts sockets and drops them at once must still see
      // the backoff grow. Only a reply resets it.
      link = { state: 'open' };
      heartbeatAt = now + config.heartbeatMs;
      return refresh(now);
    },
    closed: (input, now) => closed(now),
    message: (input) => received(input.text),
    tick: (input, now) => tick(now),
    // The app went to the background: close the socket until resume.
    pause: (input, now) => {
      paused = true;
      return refresh(now);
    },
    resume: (input, now) => {
      paused = false;
      failures = 0;
      return refresh(now);
    },
  };

  return {
    step(input) {
      const commands = steps[input.type](input, input.now);
      return { commands, wakeAt: nextWakeup() };
    },
  };
}
