// A local IoT Explorer App API on 127.0.0.1: POST /api/exploreropen/appapi (signature checked
// with its own code, see verify.mjs) and /api/exploreropen/tokenapi, state in memory, both
// response envelopes, a push channel, simulated devices, and fault injection for tests.
// The command is cli.mjs; the package's entry index.mjs.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { accountLifeActions } from './account-life.mjs';
import { accountActions, appApi } from './accounts.mjs';
import { asDeviceActions } from './as-device.mjs';
import { automationActions, automationsOnReport, runAutomationTimers } from './automations.mjs';
import { bindingActions, bindReportedDevice } from './binding.mjs';
import { bleComboDevice } from './ble-combo.mjs';
import { deviceActionActions } from './device-actions.mjs';
import { deviceActions } from './devices.mjs';
import { familyActions } from './families.mjs';
import { answerBefore, faultQueue, sendAnswer } from './faults.mjs';
import { firmwareActions } from './firmware.mjs';
import { gatewayActions, gatewayBindSignature } from './gateways.mjs';
import { historyActions } from './history.mjs';
import { locationActions, moveDevice } from './location.mjs';
import { deviceEvent, messageActions } from './messages.mjs';
import { ApiError, codeOf, invalid, missing } from './params.mjs';
import { productActions } from './products.mjs';
import { resourceActions, serveUpload } from './resources.mjs';
import { attachPush, loadWebSocketServer } from './push.mjs';
import { advanceRuns } from './runs.mjs';
import { sceneActions } from './scenes.mjs';
import { sharingActions } from './sharing.mjs';
import { startSoftApDevice } from './softap.mjs';
import { runTimers, timerActions } from './timers.mjs';
import { signatureMatches } from './verify.mjs';
import { CAMERA, serveVideo, videoActions } from './video.mjs';
import { deviceId, World } from './world.mjs';
import { createWxRadio } from './wx-radio.mjs';

export { ApiError } from './params.mjs';
export const DEMO_APP_KEY = 'DemoAppKey000001';
export const DEMO_APP_SECRET = 'DemoAppSecret-for-the-local-emulator';
const MAX_BODY = 1 << 20;
const NONCE_MEMORY_SECONDS = 600;
const TOKEN_API = {
  ...accountActions,
  ...accountLifeActions,
  ...familyActions,
  ...deviceActions,
  ...asDeviceActions,
  ...bindingActions,
  ...gatewayActions,
  ...productActions,
  ...sharingActions,
  ...timerActions,
  ...historyActions,
  ...locationActions,
  ...resourceActions,
  ...deviceActionActions,
  ...sceneActions,
  ...automationActions,
  ...messageActions,
};

/**
 * The signed requests' checks: the documented common parameters, a known AppKey, a Timestamp
 * within the window, a Nonce not replayed, the signature. The docs name no code for a bad
 * AppKey, a stale Timestamp, a bad signature or a replay: each is the documented generic
 * InvalidParameterValue, told apart by its message only.
 */
function appApiChecks(world, { apps, timestampWindowSeconds, lenientSignatures }) {
  // Replays are recognised by AppKey + Timestamp + Nonce: the official clients draw Nonce from
  // only 1..10000, so the Nonce alone repeats among honest requests.
  const seenNonces = new Map(); // "AppKey:Timestamp:Nonce" → seconds
  return (body) => {
    for (const name of ['AppKey', 'Timestamp', 'Nonce', 'RequestId', 'Signature']) {
      if (body[name] === undefined || body[name] === '') throw missing(name);
    }
    const secret = apps[body.AppKey];
    if (secret === undefined) throw invalid('AppKey 不存在');
    const now = world.now();
    // Timestamp (Int64) and Nonce (Int) are JSON integers, not their text.
    const ts = body.Timestamp;
    if (!Number.isInteger(ts)) throw invalid('Timestamp 应为整数');
    if (Math.abs(ts - now) > timestampWindowSeconds) throw invalid(`Timestamp 已过期 (server time ${now})`);
    const nonce = body.Nonce;
    if (!Number.isInteger(nonce) || nonce < 1 || nonce > 2147483647) throw invalid('Nonce 非法');
    if (!signatureMatches(body, secret, { lenient: lenientSignatures })) throw invalid('签名校验失败');
    const key = `${body.AppKey}:${ts}:${nonce}`;
    if (seenNonces.has(key) && now - seenNonces.get(key) < NONCE_MEMORY_SECONDS) throw invalid('Nonce 重复');
    seenNonces.set(key, now);
    if (seenNonces.size > 100000) {
      for (const [k, at] of seenNonces) if (now - at >= NONCE_MEMORY_SECONDS) seenNonces.delete(k);
    }
  };
}

/** The request body parsed once: { body }, or { malformed: true } when it is not JSON. */
function parseBody(text) {
  try {
    return { body: JSON.parse(text), malformed: false };
  } catch {
    return { body: undefined, malformed: true };
  }
}

/** The action's answer (the inside of the response), or throws an ApiError. */
function handle(world, api, { body, malformed }, checkSigned, tokenApi) {
  if (malformed) throw invalid('请求格式不是 JSON', 'InvalidParameterValue.InvalidJSON');
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('请求格式不是 JSON 对象', 'InvalidParameterValue.InvalidJSON');
  if (typeof body.Action !== 'string' || !body.Action) throw missing('Action');
  const table = api === 'appapi' ? appApi : tokenApi;
  const handler = Object.hasOwn(table, body.Action) ? table[body.Action] : null;
  if (!handler) throw new ApiError('InvalidAction', `Action ${body.Action} 非法`);
  if (api === 'appapi') {
    checkSigned(body);
    return handler({ body, world });
  }
  const token = body.AccessToken;
  const user = typeof token === 'string' ? world.userOf(token) : null;
  if (!user) throw invalid('Token 无效', 'InvalidParameterValue.InvalidAccessToken');
  return handler({ body, user, world, token });
}

/** The answer in the wire envelope (`{code, msg, data}`, what every official client reads) or the documented one. */
function wrap(envelope, api, content, requestId, error) {
  const inner = error ? { Error: { Code: codeOf(error, api), Message: error.message }, RequestId: requestId } : { ...content, RequestId: requestId };
  if (envelope === 'documented') return { Response: inner };
  return error ? { code: -1000, msg: error.message, data: inner } : { code: 0, msg: '', data: inner };
}

/** The request's Action and RequestId, as far as its body says (for faults and logs). */
function peek({ body }) {
  if (!body || typeof body !== 'object') return { action: null, requestId: null };
  return { action: typeof body.Action === 'string' ? body.Action : null, requestId: typeof body.RequestId === 'string' && body.RequestId ? body.RequestId : null };
}

/** Hooks for pages and mini-programs under test; true when `path` was one. */
function testHook(world, faults, req, res, path, text) {
  // The code sent for ?type=register|resetpass&to=86:138…|email, as the SMS would show it.
  if (path === '/__emulator/codes' && req.method === 'GET') {
    const q = new URL(req.url, 'http://x').searchParams;
    const sent = world.codes.get(`${q.get('type')}:${q.get('to')}`);
    res.writeHead(sent ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(sent ? { code: sent.code } : {}));
    return true;
  }
  // The simulated device takes the bind token.
  if (path === '/__emulator/provision' && req.method === 'POST') {
    const { Token, ProductId, DeviceName, delayMs } = JSON.parse(text || '{}');
    world.provision(Token, { ProductId, DeviceName, delayMs });
    res.writeHead(204).end();
    return true;
  }
  if (serveVideo(world, req, res, path)) return true;
  if (serveUpload(world, req, res, path, text.length)) return true;
  if (path === '/__emulator/faults' && req.method === 'POST') {
    faults.add(JSON.parse(text || '{}'));
    res.writeHead(204).end();
    return true;
  }
  return false;
}

/** Reads the request body (up to MAX_BODY kept); resolves to its text and whole size. */
function bodyOf(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), size }));
  });
}

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
  // Timers (and automations' timer conditions and hours) are in this zone (minutes east of UTC);
  // the clock is checked every `timerCheckMs` of real time (timers due, automations' timers,
  // scenes' delays), or at once with `timers.run()` and `smart.run()`.
  timerUtcOffsetMinutes = 480,
  timerCheckMs = 250,
  // A firmware upgrade moves one step (sent, downloading, downloading, burning, done) per this many ms of the clock.
  firmwareStepMs = 200,
  // Bounds no doc states, each off unless given: deviceIdsPerCall, nameLength, historyPageSize,
  // eventPageSize, deviceTimestampWindowSeconds.
  limits = {},
} = {}) {
  const WebSocketServer = await loadWebSocketServer();
  const closing = []; // simulated devices with sockets of their own
  const bleDevices = []; // BLE combo devices in reach of emulator.wx()
  const softApDevices = []; // SoftAP devices whose hotspots emulator.wx() can join
  const world = new World({ clock, tokenTtlSeconds, limits });
  const faults = faultQueue();
  const tokenApi = { ...TOKEN_API, ...firmwareActions({ stepMs: firmwareStepMs }), ...videoActions({ offsetMinutes: timerUtcOffsetMinutes }) };
  const checkSigned = appApiChecks(world, { apps, timestampWindowSeconds, lenientSignatures });
  const settings = { envelope };

  const server = createServer(async (req, res) => {
    const path = (req.url || '').split('?')[0];
    // Browsers call the API cross-origin (the web demo, the Chromium tests), and may read `Date`.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    res.setHeader('access-control-expose-headers', 'date');
    // The emulator's own clock (a test may set it off), as every HTTP server sends it.
    res.setHeader('date', new Date(clock()).toUTCString());
    if (req.method === 'OPTIONS') return res.writeHead(204, { 'access-control-allow-methods': 'POST' }).end();
    const { text, size } = await bodyOf(req);
    if (testHook(world, faults, req, res, path, text)) return;
    const match = /^\/api\/exploreropen\/(appapi|tokenapi)$/.exec(path);
    if (!match || req.method !== 'POST') return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    if (size > MAX_BODY) return res.writeHead(413, { 'content-type': 'text/plain' }).end('Payload Too Large');
    const api = match[1];
    const request = parseBody(text);
    const { action, requestId } = peek(request);
    const id = requestId || randomUUID();
    const fault = faults.take(api, action);
    if (await answerBefore(fault, req, res, id)) return;
    let out;
    try {
      // An API error in the usual envelope, e.g. UnauthorizedOperation.APPNoPermissionToStudioProduct.
      if (fault && fault.type === 'apiError') throw new ApiError(fault.code, fault.message ?? fault.code);
      out = wrap(settings.envelope, api, handle(world, api, request, checkSigned, tokenApi), id, null);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      out = wrap(settings.envelope, api, null, id, e);
    }
    log(`${api} ${action ?? '-'} → ${out.code === 0 || (out.Response && !out.Response.Error) ? 'ok' : JSON.stringify((out.data || out.Response).Error)}`);
    sendAnswer(fault, res, JSON.stringify(out));
  });
  server.keepAliveTimeout = 1000;
  const pushChannel = attachPush(server, world, WebSocketServer);
  world.onReport = (device, params, { controlled, cause }) => {
    if (controlled) pushChannel.controlled(device, params);
    else pushChannel.report(device, params);
    automationsOnReport(world, device, params, cause, timerUtcOffsetMinutes);
  };
  world.onBind = (device) => pushChannel.change(deviceId(device), 'StatusChange', 'Bind', { FamilyId: device.FamilyId, RoomId: device.RoomId });
  world.onActionPush = (device, payload) => pushChannel.change(deviceId(device), 'Action', 'Push', payload);
  world.onActionReply = (device, payload) => pushChannel.change(deviceId(device), 'Action', 'Report', payload);
  world.onEvent = (device, eventId, params) => deviceEvent(world, device, pushChannel.event(device, eventId, params));
  world.onMultiTokenReport = (entry, key) => bindReportedDevice(world, entry, key);
  world.onGatewayChange = (gateway, action, subDevices) => pushChannel.change(deviceId(gateway), 'Gateway', action, subDevices);
  world.onUnbind = (device) => pushChannel.change(deviceId(device), 'StatusChange', 'Unbind', { FamilyId: device.FamilyId });
  const runDueTimers = () => runTimers(world, timerUtcOffsetMinutes);
  /** Automations whose timer came due fire, runs waiting out a delay move on. */
  const runSmart = () => {
    const fired = runAutomationTimers(world, timerUtcOffsetMinutes);
    advanceRuns(world);
    return fired;
  };
  const timerCheck = setInterval(() => {
    runDueTimers();
    runSmart();
  }, timerCheckMs);
  timerCheck.unref();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  world.publicUrl = url;
  return {
    url,
    endpoint: `${url}/api/exploreropen`,
    world,
    /**
     * Queues a fault: { type: delay|drop|html502|truncate|empty|slowBody|codeWithoutError|
     * errorWithCodeZero|apiError, api?, action?, ms?, code?, message?, times? }.
     */
    addFault: faults.add,
    clearFaults: faults.clear,
    setEnvelope: (mode) => (settings.envelope = mode),
    /** The simulated devices: take a bind token, make a device (with its PSK) or its QR signature. */
    devices: {
      provision: (Token, options) => world.provision(Token, options),
      make: (ProductId, DeviceName) => world.makeDevice(ProductId, DeviceName),
      qrSignature: (ProductId, DeviceName) => world.qrSignature(ProductId, DeviceName),
      /** A gateway with `count` sub-devices it has bound, all in no family: { gateway, subDevices }. */
      gateway: (DeviceName, count) => world.makeGateway(DeviceName, count),
      /** The device reports where it is: its location history, and its fences' alerts. */
      moveTo: (id, point) => moveDevice(world, world.devices.get(id), point),
      /**
       * A device in SoftAP mode on a UDP port of 127.0.0.1: { ProductId, DeviceName, homeWifi,
       * region, failure: 'silent' | 'currentError' | 'previousError', replyEveryMs, reportDelayMs }.
       * Resolves to { address, port, received, close() } (closed with the emulator too).
       */
      softAp: async (options) => {
        const device = await startSoftApDevice(world, options);
        closing.push(device.close);
        softApDevices.push(device);
        return device;
      },
      /**
       * A BLE combo (LLSync) device in reach of emulator.wx(): { ProductId, DeviceName, mac,
       * homeWifi, mtu, mustSetMtu, maxMtu, failure: 'silent' | 'cloudUnreachable', joinDelayMs, reportDelayMs }.
       */
      bleCombo: (options) => {
        const device = bleComboDevice(world, options);
        bleDevices.push(device);
        return device;
      },
      /** A camera (in no family) with two days of cloud recordings before it is bound. */
      camera: (DeviceName) => world.makeDevice(CAMERA, DeviceName),
      /** The dynamic signature a sub-device makes for AppSigGatewayBindDevice: { ProductId, DeviceName, DeviceTimestamp, Nonce }. */
      gatewaySignature: gatewayBindSignature,
    },
    /** The WebSocket channel: stats, and hooks that make devices report, go offline, or drop sockets. */
    push: {
      stats: pushChannel.stats,
      /** The device reports property values: its state, its history, the pushes and the automations follow. */
      report: (id, params) => world.report(world.devices.get(id), params),
      /** The device posts an event: its history, the push, and for an alert a message to its family (101). */
      event: (id, eventId, params) => world.event(world.devices.get(id), eventId, params),
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
    /**
     * Scenes and automations: `run()` fires the automations whose timer is due by the emulator's
     * clock now (returns their AutomationIds) and moves on the runs whose delay is over.
     */
    smart: { run: runSmart },
    /**
     * WeChat's radio APIs (Bluetooth in front of devices.bleCombo(), UDP, Wi-Fi: once joined to a
     * devices.softAp() hotspot, 192.168.4.1:8266 is that device), `calls` (each call made) and
     * `connectedWifi()` (the SSID the phone is on, null before any).
     */
    wx: (options = {}) => {
      const radio = createWxRadio({ ...options, devices: () => bleDevices, hotspots: () => softApDevices });
      return Object.assign(radio.wx, { calls: radio.calls, connectedWifi: radio.connectedWifi });
    },
    close: async () => {
      clearInterval(timerCheck);
      await Promise.all(closing.splice(0).map((close) => close()));
      await pushChannel.close();
      await new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      });
    },
  };
}

