// What a new user meets first (issue 16), through the package as it is installed: clients made
// before init() has finished, a server client in a browser bundle, the checks and messages of
// the usual mistakes, and a WeChat login without a nickname.
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient, createServerClient, IotExplorerError } from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../emulator/server.mjs';

const dist = fileURLToPath(new URL('./node_modules/iot-explorer-app/dist/', import.meta.url));
const wasmUrl = () => `data:application/wasm;base64,${readFileSync(join(dist, 'iot_explorer_app_bg.wasm')).toString('base64')}`;
const KEYS = { appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET };

/** A fresh instance of the browser build (ESM), run in Node; `tag` makes it another instance. */
let browserDir;
async function browserBuild(tag) {
  if (!browserDir) {
    // The package is "type": "commonjs", so its ESM browser build is imported under an .mjs name.
    browserDir = mkdtempSync(join(tmpdir(), 'first-try-'));
    copyFileSync(join(dist, 'browser.js'), join(browserDir, 'browser.mjs'));
  }
  return import(`${pathToFileURL(join(browserDir, 'browser.mjs'))}?${tag}`);
}
test.after(() => browserDir && rmSync(browserDir, { recursive: true, force: true }));

let emulator;
test.before(async () => {
  emulator = await startEmulator();
});
test.after(() => emulator.close());

const isError = (fields) => (e) => {
  assert.ok(e instanceof Error && e.name === 'IotExplorerError', String(e));
  for (const [key, want] of Object.entries(fields)) {
    if (want instanceof RegExp) assert.match(String(e[key]), want, key);
    else assert.equal(e[key], want, key);
  }
  return true;
};

// ---- 2. clients before init() ----

test('clients made before init() resolves: their calls wait for it and then succeed', async () => {
  const sdk = await browserBuild('before-init');
  const server = sdk.createServerClient({ ...KEYS, endpoint: emulator.endpoint, dangerouslyAllowBrowser: true });
  const client = sdk.createClient({
    getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: 'o-before-init', NickName: 'Early' }),
    endpoint: emulator.endpoint,
    storage: sdk.memoryStorage(),
  });
  const user = client.getUser(); // before init() is even called
  await new Promise((resolve) => setTimeout(resolve, 20));
  sdk.init(wasmUrl()); // not awaited, as an app's first line would do
  assert.equal((await user).Data.NickName, 'Early');
});

test('a call waits for init() at most initTimeoutMs, then fails with NotInitialized naming init()', async () => {
  const sdk = await browserBuild('never-init');
  const client = sdk.createClient({ getAccessToken: () => ({ Token: 't' }), storage: sdk.memoryStorage(), initTimeoutMs: 50 });
  const started = Date.now();
  await assert.rejects(client.call('AppGetUser'), isError({ kind: 'InvalidInput', code: 'NotInitialized', message: /init\(\) was not called within 50 ms/ }));
  assert.ok(Date.now() - started < 5000);
  const server = sdk.createServerClient({ ...KEYS, dangerouslyAllowBrowser: true, initTimeoutMs: 50 });
  await assert.rejects(server.getTokenByWeiXin({ WxOpenID: 'o' }), isError({ code: 'NotInitialized' }));
});

test('a call waiting for an init() that fails rejects with the reason', async () => {
  const sdk = await browserBuild('failed-init');
  const client = sdk.createClient({ getAccessToken: () => ({ Token: 't' }), storage: sdk.memoryStorage() });
  const call = client.call('AppGetUser');
  await assert.rejects(sdk.init(new Uint8Array([0, 1, 2, 3])), isError({ kind: 'Transport', message: /cannot load the wasm module/ }));
  await assert.rejects(call, isError({ kind: 'Transport', message: /cannot load the wasm module/ }));
});

// ---- 5. createServerClient in a browser bundle ----

test('the browser build refuses createServerClient unless dangerouslyAllowBrowser: true', async () => {
  const sdk = await browserBuild('server-client');
  await sdk.init(wasmUrl());
  assert.throws(() => sdk.createServerClient(KEYS), isError({
    kind: 'InvalidInput',
    code: 'AppSecretNotAllowed',
    message: /server or in a cloud function.*dangerouslyAllowBrowser: true/,
  }));
  const allowed = sdk.createServerClient({ ...KEYS, endpoint: emulator.endpoint, dangerouslyAllowBrowser: true });
  assert.match((await allowed.getTokenByWeiXin({ WxOpenID: 'o-browser' })).Token, /^[0-9a-f]{48}$/);
  // The Node build is where a server client belongs: no option needed.
  assert.equal(typeof createServerClient(KEYS).getTokenByWeiXin, 'function');
});

// ---- 9. messages and checks ----

test('createServerClient without appKey or appSecret fails when it is made, naming the parameter', () => {
  assert.throws(() => createServerClient({ appSecret: 's' }), isError({ code: 'MissingParameter', param: 'appKey', message: /createServerClient needs appKey/ }));
  assert.throws(() => createServerClient({ appKey: 'k', appSecret: undefined }), isError({ code: 'MissingParameter', param: 'appSecret' }));
  assert.throws(() => createServerClient({ appKey: '', appSecret: 's' }), isError({ code: 'MissingParameter', param: 'appKey' }));
  assert.throws(() => createServerClient({ appKey: 7, appSecret: 's' }), isError({ code: 'InvalidParameter', param: 'appKey' }));
  assert.throws(() => createServerClient(), isError({ code: 'MissingParameter', param: 'appKey' }));
});

test('a wrong endpoint path: the 404 names the URL that was asked for', async () => {
  const endpoint = `${emulator.url}/api/wrong`;
  const server = createServerClient({ ...KEYS, endpoint, retry: false });
  await assert.rejects(server.getTokenByWeiXin({ WxOpenID: 'o' }), isError({ kind: 'Http', status: 404, message: new RegExp(`HTTP status 404 \\(POST ${endpoint}/appapi\\).*base URL`) }));
  const client = createClient({ getAccessToken: () => ({ Token: 't' }), endpoint, retry: false });
  await assert.rejects(client.getUser(), isError({ kind: 'Http', message: new RegExp(`POST ${endpoint}/tokenapi`) }));
});

test('a network failure names the host it could not reach', async () => {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const client = createClient({ getAccessToken: () => ({ Token: 't' }), endpoint: `http://127.0.0.1:${port}/api/exploreropen`, retry: false });
  await assert.rejects(client.getUser(), isError({ kind: 'Transport', retryable: true, message: new RegExp(`127\\.0\\.0\\.1:${port}`) }));
});

test('an action sent to the wrong API says which client to use, in good grammar', async () => {
  const server = createServerClient({ ...KEYS, endpoint: emulator.endpoint });
  await assert.rejects(server.call('AppGetUser'), isError({
    kind: 'InvalidInput',
    param: 'action',
    message: /^AppGetUser is a tokenapi action, not an appapi one: .*createClient/,
  }));
  const client = createClient({ getAccessToken: () => ({ Token: 't' }), endpoint: emulator.endpoint });
  await assert.rejects(client.call('AppGetTokenByWeiXin'), isError({
    message: /^AppGetTokenByWeiXin is an appapi action, not a tokenapi one: .*createServerClient/,
  }));
});

test('subscribe refuses an empty list and ids that are not "ProductId/DeviceName"', async () => {
  let logins = 0;
  const client = createClient({ getAccessToken: () => (logins++, { Token: 't' }), endpoint: emulator.endpoint });
  await assert.rejects(client.subscribe([], () => {}), isError({ code: 'InvalidParameter', param: 'deviceIds', message: /at least one device id/ }));
  for (const id of ['justname', 'a/b/c', 'P/', '/D', '', 7]) {
    await assert.rejects(client.subscribe([id], () => {}), isError({ code: 'InvalidParameter', param: 'deviceIds', message: /"ProductId\/DeviceName"/ }), String(id));
  }
  assert.equal(logins, 0, 'nothing was sent for a refused subscribe');
});

test("getAccessToken's own error is not called retryable unless it says so", async () => {
  const bug = createClient({ getAccessToken: () => { throw new TypeError('grant.token is undefined'); } });
  await assert.rejects(bug.call('AppGetUser'), isError({ kind: 'Transport', retryable: false, message: /^getAccessToken failed: grant\.token is undefined$/ }));
  const outage = createClient({ getAccessToken: () => Promise.reject(Object.assign(new Error('try later'), { retryable: true })) });
  await assert.rejects(outage.call('AppGetUser'), isError({ kind: 'Transport', retryable: true }));
  // An SDK error from inside (a server client's login) keeps its own verdict.
  const inner = createClient({ getAccessToken: () => Promise.reject(new IotExplorerError('busy', { kind: 'Http', status: 503, retryable: true })) });
  await assert.rejects(inner.call('AppGetUser'), isError({ kind: 'Http', retryable: true }));
});

// ---- 10. NickName ----

test('a WeChat login without a NickName (or an empty one) is accepted as 微信用户', async () => {
  const server = createServerClient({ ...KEYS, endpoint: emulator.endpoint });
  for (const [WxOpenID, NickName] of [['o-no-name', undefined], ['o-empty-name', '']]) {
    const grant = await server.getTokenByWeiXin({ WxOpenID, NickName });
    const client = createClient({ getAccessToken: () => grant, endpoint: emulator.endpoint });
    assert.equal((await client.getUser()).Data.NickName, '微信用户', WxOpenID);
  }
});

test('the emulator, like the documented service, refuses an empty NickName: why the SDK sends 微信用户', async () => {
  const { buildAppApiRequest, parseLoginResponse } = await import('iot-explorer-app');
  const request = buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o-raw-empty', NickName: '', Avatar: '' }, ...KEYS, endpoint: emulator.endpoint });
  const res = await fetch(request.url, request);
  const body = await res.text();
  assert.throws(() => parseLoginResponse(res.status, body), isError({ kind: 'Api', code: 'InvalidParameterValue.NickNameLengthInvalid' }));
});

// ---- 7. a wasm that cannot be fetched ----

test('init() from a URL that answers 404 names it once, without the bundler advice meant for the default location', async () => {
  const sdk = await browserBuild('missing-wasm');
  const url = `${emulator.url}/assets/missing.wasm`;
  await assert.rejects(sdk.init(url), isError({ kind: 'Transport', message: new RegExp(`^cannot load the wasm module from ${url}: HTTP status 404$`) }));
});
