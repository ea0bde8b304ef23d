#!/usr/bin/env node
// A local IoT Explorer App API on 127.0.0.1: POST /api/exploreropen/appapi (signature checked
// with its own code, see verify.mjs) and /api/exploreropen/tokenapi, state in memory, both
// response envelopes, and fault injection for tests.
//   node tests/emulator/server.mjs [--port N] [--envelope wire|documented] [--token-ttl S] [--lenient-signatures] [--quiet]
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApiError, appApi, tokenApi as accountActions } from './actions.mjs';
import { deviceActionActions } from './device-actions.mjs';
import { deviceActions } from './devices.mjs';
import { familyActions } from './family.mjs';
import { firmwareActions } from './firmware.mjs';
import { historyActions } from './history.mjs';
import { sharingActions } from './sharing.mjs';
import { runTimers, timerActions } from './timers.mjs';
import { attachPush } from './push.mjs';
import { signatureMatches } from './verify.mjs';
import { World, deviceId } from './world.mjs';

export const DEMO_APP_KEY = 'DemoAppKey000001';
export const DEMO_APP_SECRET = 'DemoAppSecret-for-the-local-emulator';
const MAX_BODY = 1 << 20;
const NONCE_MEMORY_SECONDS = 600;
const tokenApiBase = { ...accountActions, ...deviceActions, ...familyActions, ...sharingActions, ...timerActions, ...historyActions, ...deviceActionActions };


export async function startEmulator({
  port = 0,
  apps = { [DEMO_APP_KEY]: DEMO_APP_SECRET },
  tokenTtlSeconds = 7200,
  envelope = 'wire',
  clock = () => Date.now(),
  timestampWindowSeconds = 300,
  // The documented signing rule only, unless the official Node SDK's (empty values kept) is asked for.
  lenientSignatures = false,
  log = () => {},
  // Timers fire at their TimePoint in this zone (minutes east of UTC); the clock is checked
  // every `timerCheckMs` of real time, or at once with `timers.run()`.
  timerUtcOffsetMinutes = 480,
  timerCheckMs = 250,
  // A firmware upgrade moves one step (sent, downloading, downloading, burning, done) per this many ms of the clock.
  firmwareStepMs = 200,
} = {}) {
  const world = new World({ clock, tokenTtlSeconds });
  // Replays are recognised by AppKey + Timestamp + Nonce: the official clients draw Nonce from
  // only 1..10000, so the Nonce alone repeats among honest requests.
  const seenNonces = new Map(); // "AppKey:Timestamp:Nonce" → seconds
  const faults = [];
  const tokenApi = { ...tokenApiBase, ...firmwareActions({ stepMs: firmwareStepMs }) };
  const settings = { envelope };

  function takeFault(api, action) {
    const i = faults.findIndex((f) => (!f.api || f.api === api) && (!f.action || f.action === action));
    if (i < 0) return null;
    const fault = faults[i];
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults.splice(i, 1);
    return fault;
  }

  // The docs name no code for a bad AppKey, a stale Timestamp, a bad signature or a replay:
  // each is the documented generic InvalidParameterValue, told apart by its message only.
  function checkAppApi(body) {
    for (const name of ['AppKey', 'Timestamp', 'Nonce', 'RequestId', 'Signature']) {
      if (body[name] === undefined || body[name] === '') throw new ApiError('ErrorRequiredParamNotFound', `缺少必选参数 ${name}`);
    }
    const secret = apps[body.AppKey];
    if (secret === undefined) throw new ApiError('InvalidParameterValue', 'AppKey 不存在');
    const now = world.now();
    // Timestamp (Int64) and Nonce (Int) are JSON integers, not their text.
    const ts = body.Timestamp;
    if (!Number.isInteger(ts)) throw new ApiError('InvalidParameterValue', 'Timestamp 应为整数');
    if (Math.abs(ts - now) > timestampWindowSeconds) throw new ApiError('InvalidParameterValue', `Timestamp 已过期 (server time ${now})`);
    const nonce = body.Nonce;
    if (!Number.isInteger(nonce) || nonce < 1 || nonce > 2147483647) throw new ApiError('InvalidParameterValue', 'Nonce 非法');
    if (!signatureMatches(body, secret, { lenient: lenientSignatures })) throw new ApiError('InvalidParameterValue', '签名校验失败');
    const key = `${body.AppKey}:${ts}:${nonce}`;
    if (seenNonces.has(key) && now - seenNonces.get(key) < NONCE_MEMORY_SECONDS) {
      throw new ApiError('InvalidParameterValue', 'Nonce 重复');
    }
    seenNonces.set(key, now);
    if (seenNonces.size > 100000) {
      for (const [k, at] of seenNonces) if (now - at >= NONCE_MEMORY_SECONDS) seenNonces.delete(k);
    }
  }

  /** → [status, content] where content is the inside of the response. */
  function handle(api, text) {
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError('InvalidParameterValue.InvalidJSON', '请求格式不是 JSON');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('InvalidParameterValue.InvalidJSON', '请求格式不是 JSON 对象');
    if (typeof body.Action !== 'string' || !body.Action) throw new ApiError('ErrorRequiredParamNotFound', '缺少必选参数 Action');
    const table = api === 'appapi' ? appApi : tokenApi;
    const handler = Object.hasOwn(table, body.Action) ? table[body.Action] : null;
    if (!handler) throw new ApiError('InvalidAction', `Action ${body.Action} 非法`);
    if (api === 'appapi') {
      checkAppApi(body);
      return handler({ body, world });
    }
    const token = body.AccessToken;
    const user = typeof token === 'string' ? world.userOf(token) : null;
    if (!user) throw new ApiError('InvalidParameterValue.InvalidAccessToken', 'Token 无效');
    return handler({ body, user, world, token });
  }

  function wrap(content, requestId, error) {
    const inner = error
      ? { Error: { Code: error.code, Message: error.message }, RequestId: requestId }
      : { ...content, RequestId: requestId };
    if (settings.envelope === 'documented') return { Response: inner };
    return error ? { code: -1000, msg: error.message, data: inner } : { code: 0, msg: '', data: inner };
  }

  const server = createServer((req, res) => {
    const path = (req.url || '').split('?')[0];
    // Browsers call the API cross-origin (the web demo, the Chromium tests), and may read `Date`.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    res.setHeader('access-control-expose-headers', 'date');
    // The emulator's own clock (a test may set it off), as every HTTP server sends it.
    res.setHeader('date', new Date(clock()).toUTCString());
    if (req.method === 'OPTIONS') return res.writeHead(204, { 'access-control-allow-methods': 'POST' }).end();
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      // Test hook: the code sent for ?type=register|resetpass&to=86:138…|email, as the SMS would show it.
      if (path === '/__emulator/codes' && req.method === 'GET') {
        const q = new URL(req.url, 'http://x').searchParams;
        const sent = world.codes.get(`${q.get('type')}:${q.get('to')}`);
        return res.writeHead(sent ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(sent ? { code: sent.code } : {}));
      }
      // Test hook for pages and mini-programs: the simulated device takes the bind token.
      if (path === '/__emulator/provision' && req.method === 'POST') {
        const { Token, ProductId, DeviceName, delayMs } = JSON.parse(text || '{}');
        world.provision(Token, { ProductId, DeviceName, delayMs });
        return res.writeHead(204).end();
      }
      if (path === '/__emulator/faults' && req.method === 'POST') {
        faults.push(JSON.parse(text || '{}'));
        return res.writeHead(204).end();
      }
      const match = /^\/api\/exploreropen\/(appapi|tokenapi)$/.exec(path);
      if (!match || req.method !== 'POST') return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      if (size > MAX_BODY) return res.writeHead(413, { 'content-type': 'text/plain' }).end('Payload Too Large');
      const api = match[1];
      let action = null;
      let requestId = randomUUID();
      try {
        const peek = JSON.parse(text);
        action = typeof peek.Action === 'string' ? peek.Action : null;
        if (typeof peek.RequestId === 'string' && peek.RequestId) requestId = peek.RequestId;
      } catch {
        // reported by handle()
      }
      const fault = takeFault(api, action);
      if (fault && fault.type === 'drop') return req.socket.destroy();
      if (fault && fault.type === 'delay') await new Promise((r) => setTimeout(r, fault.ms ?? 1000));
      if (fault && fault.type === 'html502') {
        return res.writeHead(502, { 'content-type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
      }
      if (fault && fault.type === 'empty') return res.writeHead(200, { 'content-type': 'application/json' }).end();
      // Envelopes the service was never seen sending, which the official clients still handle.
      if (fault && fault.type === 'codeWithoutError') {
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: fault.code ?? 1001, msg: fault.message ?? 'failed', data: { RequestId: requestId } }));
      }
      if (fault && fault.type === 'errorWithCodeZero') {
        const Error = { Code: fault.code ?? 'InternalError', Message: fault.message ?? '内部错误' };
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 0, msg: '', data: { Error, RequestId: requestId } }));
      }
      let out;
      try {
        // An API error in the usual envelope, e.g. UnauthorizedOperation.APPNoPermissionToStudioProduct.
        if (fault && fault.type === 'apiError') throw new ApiError(fault.code, fault.message ?? fault.code);
        out = wrap(handle(api, text), requestId, null);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        out = wrap(null, requestId, e);
      }
      log(`${api} ${action ?? '-'} → ${out.code === 0 || (out.Response && !out.Response.Error) ? 'ok' : JSON.stringify((out.data || out.Response).Error)}`);
      const json = JSON.stringify(out);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      if (fault && fault.type === 'truncate') return res.end(json.slice(0, Math.floor(json.length / 2)));
      if (fault && fault.type === 'slowBody') {
        res.write(json.slice(0, 10));
        return setTimeout(() => res.end(json.slice(10)), fault.ms ?? 1000);
      }
      res.end(json);
    });
  });
  server.keepAliveTimeout = 1000;
  const pushChannel = attachPush(server, world);
  world.onControl = (device, params) => pushChannel.controlled(device, params);
  world.onBind = (device) => pushChannel.change(deviceId(device), 'StatusChange', 'Bind', { FamilyId: device.FamilyId, RoomId: device.RoomId });
  world.onActionPush = (device, payload) => pushChannel.change(deviceId(device), 'Action', 'Push', payload);
  world.onActionReply = (device, payload) => pushChannel.change(deviceId(device), 'Action', 'Report', payload);
  world.onUnbind = (device) => pushChannel.change(deviceId(device), 'StatusChange', 'Unbind', { FamilyId: device.FamilyId });
  const runDueTimers = () => runTimers(world, timerUtcOffsetMinutes);
  const timerCheck = setInterval(runDueTimers, timerCheckMs);
  timerCheck.unref();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    endpoint: `${url}/api/exploreropen`,
    world,
    /**
     * Queues a fault: { type: delay|drop|html502|truncate|empty|slowBody|codeWithoutError|
     * errorWithCodeZero|apiError, api?, action?, ms?, code?, message?, times? }.
     */
    addFault: (fault) => faults.push({ ...fault }),
    clearFaults: () => faults.splice(0),
    setEnvelope: (mode) => (settings.envelope = mode),
    /** The simulated devices: take a bind token, make a device (with its PSK) or its QR signature. */
    devices: {
      provision: (Token, options) => world.provision(Token, options),
      make: (ProductId, DeviceName) => world.makeDevice(ProductId, DeviceName),
      qrSignature: (ProductId, DeviceName) => world.qrSignature(ProductId, DeviceName),
    },
    /** The WebSocket channel: stats, and hooks that make devices report, go offline, or drop sockets. */
    push: {
      stats: pushChannel.stats,
      report: (id, params) => pushChannel.report(world.devices.get(id), params),
      event: (id, eventId, params) => pushChannel.event(world.devices.get(id), eventId, params),
      setOnline(id, online) {
        world.devices.get(id).online = online;
        pushChannel.status(world.devices.get(id), online);
      },
      raw: pushChannel.raw,
      /** Any DeviceChange push ({ Type, SubType, payload }): Bind, Unbind, Action, Gateway frames. */
      change: (id, Type, SubType, payload) => pushChannel.change(id, Type, SubType, payload),
      /** While on, every socket is accepted and dropped at once (a broken push server). */
      dropOnConnect: (on) => pushChannel.dropOnConnect(on),
      refuseNextSubscription: pushChannel.refuseNextSubscription,
      dropAll: pushChannel.dropAll,
      openSockets: pushChannel.openSockets,
    },
    /** Firmware: the next upgrade of a device fails (Status 5 with `message`) or stalls at downloading. */
    firmware: {
      failNext: (id, message = '固件校验失败') => world.firmwarePlans.set(id, { fail: message }),
      stallNext: (id) => world.firmwarePlans.set(id, { stall: true }),
    },
    /** Timers: `run()` fires those due by the emulator's clock now (returns their TimerIds). */
    timers: { run: runDueTimers },
    close: async () => {
      clearInterval(timerCheck);
      await pushChannel.close();
      await new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const emulator = await startEmulator({
    port: Number(arg('port', 0)),
    envelope: arg('envelope', 'wire'),
    tokenTtlSeconds: Number(arg('token-ttl', 7200)),
    lenientSignatures: process.argv.includes('--lenient-signatures'),
    log: process.argv.includes('--quiet') ? () => {} : (line) => console.log(`emulator: ${line}`),
  });
  console.log(`emulator: IoT Explorer App API on ${emulator.endpoint} (AppKey ${DEMO_APP_KEY})`);
  const stop = () => emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
