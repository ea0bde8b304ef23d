// The mini-program build (pkg/miniprogram_dist) in a faithful mini-program sandbox, against the
// local App API emulator. Each test loads a fresh copy of the package: init state is per copy.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from '../../emulator/server.mjs';
import { AVATAR, cloudFunction } from './cloud-function.mjs';
import { PACKAGE_NAME, REPO, createProject, createSandbox } from './sandbox.mjs';
import { MAX_IN_FLIGHT } from './wx.mjs';

const WASM_PATH = `/miniprogram_npm/${PACKAGE_NAME}/iot_explorer_app_bg.wasm.br`;
// Where a project on base library 2.13.x puts the raw .wasm it copied from the package's dist/.
const RAW_WASM_PATH = '/wasm/iot_explorer_app_bg.wasm';
const SESSION_KEY = 'iot-explorer-app:session';
const OFFICIAL_ENDPOINT = 'https://iot.cloud.tencent.com/api/exploreropen';
const T = { timeout: 20000 };

let emulator;
let root;
before(async () => {
  emulator = await startEmulator();
  root = createProject();
  mkdirSync(join(root, 'wasm'));
  copyFileSync(join(REPO, 'pkg', 'dist', 'iot_explorer_app_bg.wasm'), join(root, RAW_WASM_PATH));
});
afterEach(() => emulator?.clearFaults()); // a fault a failed test left must not reach the next
after(async () => {
  await emulator?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const sandbox = (options) => createSandbox({ root, domains: [emulator.url], ...options });

function loadPackage(sandboxOptions) {
  const sb = sandbox(sandboxOptions);
  return { sb, app: sb.require(PACKAGE_NAME) };
}

async function ready(initOptions) {
  const loaded = loadPackage();
  await loaded.app.init(initOptions);
  return loaded;
}

/** The error `fn` throws (or its promise rejects with); fails when there is none. */
async function failure(fn) {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

function assertIotError(app, e, fields) {
  assert.ok(e instanceof app.IotExplorerError, `not an IotExplorerError: ${e && e.stack}`);
  for (const [k, v] of Object.entries(fields)) assert.equal(e[k], v, `${k} (${e.message})`);
}

test('the sandbox has what a mini-program has, and nothing more', T, () => {
  const sb = sandbox();
  const absent = [
    ...['WebAssembly', 'TextEncoder', 'TextDecoder', 'fetch', 'URL', 'crypto', 'performance', 'Response'],
    ...['queueMicrotask', 'process', 'Buffer', 'require', 'window', 'self'],
  ];
  for (const name of absent) assert.equal(sb.evaluate(`typeof ${name}`), 'undefined', name);
  for (const name of ['wx', 'WXWebAssembly', 'console']) assert.equal(sb.evaluate(`typeof ${name}`), 'object', name);
  for (const name of ['setTimeout', 'clearTimeout']) assert.equal(sb.evaluate(`typeof ${name}`), 'function', name);
  assert.throws(() => sb.evaluate('eval("1")'), { name: 'EvalError' });
  writeFileSync(join(root, 'probe.js'), 'module.exports = typeof require;');
  assert.equal(sb.require('/probe.js'), 'function', 'modules get the require shim');
});

test('WXWebAssembly takes only package paths to MVP modules', T, async () => {
  const { instantiate } = sandbox().evaluate('WXWebAssembly');
  const bytes = readFileSync(join(root, RAW_WASM_PATH));
  for (const source of [bytes.buffer, new Uint8Array(bytes), 'http://127.0.0.1/x.wasm', 'https://a.b/x.wasm', 'wxfile://usr/x.wasm']) {
    await assert.rejects(instantiate(source, {}), /not support wxfile: or http: path/);
  }
  // (func (param i32) (result i32) local.get 0 i32.extend8_s): valid in Node, but sign-ext is post-MVP.
  const signExt = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f, 3, 2, 1, 0, 10, 7, 1, 5, 0, 0x20, 0, 0xc0, 0x0b];
  writeFileSync(join(root, 'sign-ext.wasm'), new Uint8Array(signExt));
  await assert.rejects(instantiate('/sign-ext.wasm', {}), /beyond MVP/);
});

test('wx.request: whitelist, async callbacks, 10 in flight at most', T, async () => {
  const { wx } = sandbox();
  let sync = true;
  const send = (url) =>
    new Promise((resolve) => {
      const answer = (res) => resolve({ res, sync });
      wx.request({ url, method: 'POST', data: { Action: 'AppGetUser' }, success: answer, fail: answer });
    });
  const blocked = send(`${OFFICIAL_ENDPOINT}/tokenapi`);
  const sent = Array.from({ length: MAX_IN_FLIGHT + 1 }, () => send(`${emulator.endpoint}/tokenapi`));
  sync = false;
  const answers = await Promise.all([blocked, ...sent]);
  assert.ok(answers.every((a) => !a.sync), 'callbacks never run synchronously');
  const [whitelist, ...results] = answers.map((a) => a.res);
  assert.deepEqual(whitelist, { errMsg: 'request:fail url not in domain list', errno: 600002 });
  for (const res of results.slice(0, MAX_IN_FLIGHT)) {
    assert.equal(res.statusCode, 200);
    assert.equal(res.data.data.Error.Code, 'InvalidParameterValue.InvalidAccessToken', 'dataType json parses the body');
  }
  assert.match(results[MAX_IN_FLIGHT].errMsg, /^request:fail .*limit 10/);
});

test("require('iot-explorer-app') works with no Buffer and no TextEncoder", T, () => {
  const { app } = loadPackage();
  for (const name of ['init', 'createClient', 'createServerClient', 'parseResponse', 'IotExplorerError']) {
    assert.equal(typeof app[name], 'function', name);
  }
});

test('before init(), the synchronous API throws NotInitialized; a call never followed by init() fails the same way', T, async () => {
  const { app } = loadPackage();
  assertIotError(app, await failure(() => app.buildTokenApiRequest({ action: 'AppGetUser', accessToken: 't' })), {
    code: 'NotInitialized',
  });
  const client = app.createClient({ getAccessToken: async () => ({ Token: 't' }), endpoint: emulator.endpoint, initTimeoutMs: 50 });
  assertIotError(app, await failure(() => client.call('AppGetUser')), { code: 'NotInitialized' });
});

test('a client made before init() resolves: calls made at once wait for the module, then go out', T, async () => {
  const { sb, app } = loadPackage();
  const login = cloudFunction(emulator.endpoint, 'o-mp-early', '早');
  const loading = app.init(); // not awaited: what app.js does on its first line
  const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint });
  const user = client.getUser(); // a page's first onLoad, before the wasm has loaded
  assert.equal(sb.requests.length, 0);
  assert.equal((await user).Data.NickName, '早');
  await loading;
  assert.equal(sb.requests.length, 1);
});

test('every helper index.d.ts declares is exported here too', T, () => {
  const { app } = loadPackage();
  for (const name of ['fetchTransport', 'wxRequestTransport', 'memoryStorage', 'localStorageStorage', 'wxStorage', 'webSocketOpener', 'wxSocketOpener']) {
    assert.equal(typeof app[name], 'function', name);
  }
});

test('after init(), the wasm core answers', T, async () => {
  const { app } = await ready();
  const parsed = app.parseResponse(200, '{"Response":{"RequestId":"r1","Data":{"a":1}}}');
  assert.equal(JSON.stringify(parsed), '{"RequestId":"r1","Data":{"a":1}}'); // a sandbox object: no deepEqual across realms
});

const loadModes = [
  { name: 'the default path (the .wasm.br)', init: undefined, path: WASM_PATH },
  { name: 'a raw .wasm path', init: { wasmPath: RAW_WASM_PATH }, path: RAW_WASM_PATH },
  { name: 'a path given alone', init: RAW_WASM_PATH, path: RAW_WASM_PATH },
  { name: 'the default path, WXWebAssembly resolving to a bare Instance', sandbox: { wasmResolvesTo: 'instance' }, path: WASM_PATH },
];
for (const [i, mode] of loadModes.entries()) {
  test(`init() loads the wasm from ${mode.name}`, T, async () => {
    const { sb, app } = loadPackage(mode.sandbox);
    await app.init(mode.init);
    assert.deepEqual(sb.instantiated, [mode.path]);
    const login = cloudFunction(emulator.endpoint, `o-load-${i}`, `load ${i}`);
    const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint });
    assert.equal((await client.call('AppGetUser')).Data.NickName, `load ${i}`);
  });
}

test('a token from a cloud function drives four actions over wx.request, kept in wx storage', T, async () => {
  const { sb, app } = await ready();
  const login = cloudFunction(emulator.endpoint, 'o-four-actions', 'four actions');
  const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint });

  const user = await client.call('AppGetUser');
  assert.equal(user.Data.Avatar, AVATAR);
  const families = await client.call('AppGetFamilyList', {});
  assert.equal(families.Total, 1);
  const FamilyId = families.FamilyList[0].FamilyId;
  const devices = await client.call('AppGetFamilyDeviceList', { FamilyId, RoomId: '' });
  const light = devices.DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  const { ProductId, DeviceName } = light;
  const control = await client.call('AppControlDeviceData', { ProductId, DeviceName, Data: JSON.stringify({ brightness: 80 }) });
  assert.equal(JSON.parse(control.Data).brightness.Value, 80);

  assert.equal(login.grants.length, 1, 'one login for four calls');
  const actions = ['AppGetUser', 'AppGetFamilyList', 'AppGetFamilyDeviceList', 'AppControlDeviceData'];
  assert.equal(sb.requests.length, actions.length);
  for (const [i, request] of sb.requests.entries()) {
    assert.equal(request.url, `${emulator.endpoint}/tokenapi`);
    assert.equal(request.method, 'POST');
    assert.equal(request.dataType, 'text', 'the package parses the raw text itself');
    assert.equal(request.responseType, 'text');
    const body = JSON.parse(request.data);
    assert.equal(body.Action, actions[i]);
    assert.equal(body.AccessToken, login.grants[0].Token);
  }
  assert.ok(sb.calls.some((c) => c.api === 'setStorage' && c.key === SESSION_KEY), 'stored with wx.setStorage');
  assert.equal(JSON.parse(sb.wx.getStorageSync(SESSION_KEY)).Token, login.grants[0].Token);
});

test('25 concurrent calls all succeed: the package queues under the 10-request limit', T, async () => {
  const { sb, app } = await ready();
  const login = cloudFunction(emulator.endpoint, 'o-concurrent');
  const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint });
  emulator.addFault({ type: 'delay', ms: 50, api: 'tokenapi', times: 25 });
  const users = await Promise.all(Array.from({ length: 25 }, () => client.call('AppGetUser')));
  assert.equal(new Set(users.map((u) => u.Data.UserID)).size, 1);
  assert.equal(sb.requests.length, 25);
  assert.equal(sb.stats.peakInFlight, MAX_IN_FLIGHT);
  assert.equal(login.grants.length, 1);
});

test('a domain outside the whitelist fails as a Transport error with errMsg and errno', T, async () => {
  const { app } = await ready();
  const client = app.createClient({ getAccessToken: async () => ({ Token: 't' }), endpoint: OFFICIAL_ENDPOINT });
  assertIotError(app, await failure(() => client.call('AppGetUser')), {
    kind: 'Transport',
    errMsg: 'request:fail url not in domain list',
    errno: 600002,
    retryable: false, // it would fail again
  });
});

test('a slow server fails as a Timeout error with errMsg and errno', T, async () => {
  const { sb, app } = await ready();
  const login = cloudFunction(emulator.endpoint, 'o-timeout');
  const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint, timeoutMs: 300, retry: false });
  emulator.addFault({ type: 'delay', ms: 2000, api: 'tokenapi' });
  const e = await failure(() => client.call('AppGetUser'));
  assertIotError(app, e, { kind: 'Timeout', errMsg: 'request:fail timeout' });
  assert.equal(typeof e.errno, 'number');
  assert.equal(sb.requests[0].timeout, 300);
});

test('a wasm that cannot be loaded rejects init() with a typed error, and init() can be retried', T, async () => {
  const { sb, app } = loadPackage();
  // A recent base library: the file is missing, not unsupported.
  sb.wx.getAppBaseInfo = () => ({ SDKVersion: '3.4.1' });
  const e = await failure(() => app.init({ wasmPath: '/missing/iot_explorer_app_bg.wasm.br' }));
  assertIotError(app, e, { kind: 'Transport' });
  assert.match(e.message, /cannot load \/missing\/iot_explorer_app_bg\.wasm\.br: .*构建 npm/);
  assert.doesNotMatch(e.message, /base library/);
  // Base library 2.13: brotli is what it lacks.
  sb.wx.getAppBaseInfo = () => ({ SDKVersion: '2.13.2' });
  const old = await failure(() => app.init({ wasmPath: '/missing/iot_explorer_app_bg.wasm.br' }));
  assert.match(old.message, /base library ≥ 2\.14\.0/);
  // Bytes instead of a path (WXWebAssembly takes paths only): typed, not a TypeError.
  assertIotError(app, await failure(() => app.init({ wasmPath: new ArrayBuffer(8) })), { kind: 'InvalidInput', param: 'wasmPath' });
  assertIotError(app, await failure(() => app.init(new Uint8Array(8))), { kind: 'InvalidInput', param: 'wasmPath' });
  await app.init();
  assert.equal(JSON.stringify(app.parseResponse(200, '{"Response":{"RequestId":"r"}}')), '{"RequestId":"r"}');
});

test('AppSecret APIs refuse to run unless init({ dangerouslyAllowAppSecretInClient: true })', T, async () => {
  const { app } = await ready();
  const attempts = {
    signParams: () => app.signParams({ Action: 'AppGetTokenByWeiXin' }, DEMO_APP_SECRET),
    buildAppApiRequest: () =>
      app.buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: {}, appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET }),
    createServerClient: () => app.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint }),
  };
  for (const [name, attempt] of Object.entries(attempts)) {
    const e = await failure(attempt);
    assert.ok(e instanceof app.IotExplorerError, name);
    assert.equal(e.code, 'AppSecretNotAllowed', name);
  }
});

test('the wasm miniprogram_dist ships has no AppSecret calls: opting in takes the full build as wasmPath', T, async () => {
  const { app } = await ready({ dangerouslyAllowAppSecretInClient: true });
  const e = await failure(() => app.signParams({ Action: 'AppGetTokenByWeiXin' }, DEMO_APP_SECRET));
  assertIotError(app, e, { kind: 'InvalidInput', code: 'AppSecretNotAllowed', param: 'wasmPath' });
  assert.match(e.message, /dist\/iot_explorer_app_bg\.wasm/);
});

test('with dangerouslyAllowAppSecretInClient and the full build, a signed login works, its nonce from wx.getRandomValues', T, async () => {
  const { sb, app } = await ready({ wasmPath: RAW_WASM_PATH, dangerouslyAllowAppSecretInClient: true });
  assert.match(app.signParams({ Action: 'AppGetTokenByWeiXin' }, DEMO_APP_SECRET).signature, /^[A-Za-z0-9+/]{27}=$/);

  const server = app.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const grant = await server.getTokenByWeiXin({ WxOpenID: 'o-secret-in-client', NickName: 'signed here', Avatar: AVATAR });
  assert.equal(typeof grant.Token, 'string');
  const [request] = sb.requests;
  assert.equal(request.url, `${emulator.endpoint}/appapi`);
  assert.equal(request.dataType, 'text');
  const { Nonce } = JSON.parse(request.data);
  const pool = sb.randomDraws.flatMap((bytes) => [...new Uint32Array(bytes.buffer)].map((w) => w & 0x7fffffff));
  assert.ok(pool.includes(Nonce), `Nonce ${Nonce} is not from wx.getRandomValues`);

  const client = app.createClient({ getAccessToken: async () => grant, endpoint: emulator.endpoint });
  assert.equal((await client.call('AppGetUser')).Data.NickName, 'signed here');
});
