// The emulator's WebSocket push channel at /ws/explorer: ActivePush subscriptions checked
// against the token, YunApi heartbeats, and DeviceChange pushes (base64 JSON payloads, NUL
// padded like the real ones) when devices change.
import { recordEvent, recordReport } from './history.mjs';
import { deviceId } from './world.mjs';

/** The `ws` package's WebSocketServer: the emulator's one dependency, an optional peer of the package's. */
export async function loadWebSocketServer() {
  try {
    return (await import('ws')).WebSocketServer;
  } catch (e) {
    throw new Error(`the emulator's push channel needs the ws package: npm install --save-dev ws (${e.message})`, { cause: e });
  }
}

export function attachPush(server, world, WebSocketServer) {
  const wss = new WebSocketServer({ server, path: '/ws/explorer' });
  const subscribers = new Map(); // socket → { userId, devices: Set }
  const stats = { connections: 0, subscribes: 0, heartbeats: 0 };
  let seq = 0;
  let refusal = null; // fault injection: the error the next ActivePush gets
  let dropping = false; // fault injection: accept every socket and drop it at once

  const reply = (socket, reqId, error, data = {}) =>
    socket.send(JSON.stringify({ reqId, error: error ? error.code : '', error_message: error ? error.message : '', data }));

  wss.on('connection', (socket) => {
    stats.connections++;
    if (dropping) return socket.terminate();
    socket.on('message', (raw) => {
      let frame;
      try {
        frame = JSON.parse(String(raw));
      } catch {
        return reply(socket, null, { code: '-1', message: 'frame is not JSON' });
      }
      const { action, reqId, params = {} } = frame || {};
      const token = action === 'YunApi' ? params.ActionParams && params.ActionParams.AccessToken : params.AccessToken;
      const user = typeof token === 'string' ? world.userOf(token) : null;
      if (action === 'ActivePush') {
        if (!user) return reply(socket, reqId, { code: 'InvalidParameterValue.InvalidAccessToken', message: 'Token 无效' });
        if (refusal) {
          const error = refusal;
          refusal = null;
          return reply(socket, reqId, error);
        }
        // The ids as asked; whether the user may see a device is judged at each push (a device
        // bound after the subscription is then heard: its Bind push first).
        const devices = new Set((params.DeviceIds || []).filter((id) => typeof id === 'string'));
        subscribers.set(socket, { userId: user.UserID, devices });
        stats.subscribes++;
        return reply(socket, reqId, null, {});
      }
      if (action === 'YunApi' && params.Action === 'AppDeviceTraceHeartBeat') {
        stats.heartbeats++;
        const Response = user
          ? { RequestId: params.ActionParams.RequestId }
          : { Error: { Code: 'InvalidParameterValue.InvalidAccessToken', Message: 'Token 无效' }, RequestId: params.ActionParams && params.ActionParams.RequestId };
        return reply(socket, reqId, null, { Response });
      }
      return reply(socket, reqId, { code: '-1', message: `unknown action ${action}` });
    });
    socket.on('close', () => subscribers.delete(socket));
  });

  /** Sends a DeviceChange push to everyone subscribed to the device. */
  function push(device, Type, SubType, payload) {
    send(deviceId(device), Type, SubType, payload);
  }

  /** Sends a DeviceChange push for the device id to everyone subscribed to it. */
  function send(id, Type, SubType, payload) {
    const Payload = Buffer.concat([Buffer.from(JSON.stringify(payload)), Buffer.alloc(2)]).toString('base64');
    const frame = JSON.stringify({
      push: true,
      action: 'DeviceChange',
      params: { Time: new Date(world.clock()).toISOString(), Type, SubType, Topic: `$thing/up/property/${id}`, Payload, Seq: ++seq, DeviceId: id },
    });
    for (const [socket, sub] of subscribers) {
      if (sub.devices.has(id) && world.deviceFor(sub.userId, { DeviceId: id })) socket.send(frame);
    }
  }

  return {
    stats,
    /** A control reached the device, which then reports its new state. */
    controlled(device, params) {
      recordReport(world, device, params);
      push(device, 'Property', 'Push', { method: 'control', clientToken: `c${seq}`, params });
      push(device, 'Property', 'Report', { method: 'report', clientToken: `r${seq}`, params });
    },
    report(device, params) {
      recordReport(world, device, params);
      push(device, 'Property', 'Report', { method: 'report', params });
    },
    /** The device posted an event: recorded, pushed; returns the history's entry. */
    event(device, eventId, params) {
      const entry = recordEvent(world, device, eventId, params);
      push(device, 'Event', 'Report', { method: 'event_post', eventId, params });
      return entry;
    },
    status: (device, online) => push(device, 'StatusChange', online ? 'Online' : 'Offline', {}),
    change: send,
    dropOnConnect: (on) => (dropping = Boolean(on)),
    /** Fault injection: send any text to every subscriber, or drop every socket. */
    raw: (text) => subscribers.forEach((_, socket) => socket.send(text)),
    refuseNextSubscription: (code, message) => (refusal = { code, message }),
    dropAll: () => wss.clients.forEach((socket) => socket.terminate()),
    openSockets: () => wss.clients.size,
    close: () => new Promise((resolve) => {
      wss.clients.forEach((socket) => socket.terminate());
      wss.close(resolve);
    }),
  };
}
