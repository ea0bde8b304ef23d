// The browser build, run in Node: init() and its wasm sources, calls before it, localStorage, server clients.
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServerClient } from 'iot-explorer-app';
import { isError } from '../fixtures/is-error.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const dist = fileURLToPath(new URL('./node_modules/iot-explorer-app/dist/', import.meta.url));
const wasmUrl = () => `data:application/wasm;base64,${readFileSync(join(dist, 'iot_explorer_app_bg.wasm')).toString('base64')}`;
const KEYS = { appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET };

/** A fresh instance of the browser build (ESM), run in Node; `tag` makes it another instance. */
let browserDir;
async function browserBuild(tag) {
  if (!browserDir) {
    // The package is "type": "commonjs", so its ESM browser build is imported under an .mjs name.
    browserDir = mkdtempSync(join(tmpdir(), 'browser-entry-'));
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

test('blocked localStorage; { href } and { wasmPath } wasm sources', async (t) => {
  // The package is "type": "commonjs", so its ESM browser build is imported under an .mjs name.
  const dir = mkdtempSync(join(tmpdir(), 'browser-entry-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(dist, 'browser.js'), join(dir, 'browser.mjs'));
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
  t.after(() => delete globalThis.localStorage);
  // Two instances of the module (a query makes another), one init() each.
  const load = (tag) => import(`${pathToFileURL(join(dir, 'browser.mjs'))}?${tag}`);
  const [browser, other] = [await load('href'), await load('wasmPath')];

  const url = `data:application/wasm;base64,${readFileSync(join(dist, 'iot_explorer_app_bg.wasm')).toString('base64')}`;
  await browser.init({ href: url });
  // The mini-program option form (one index.d.ts for both): its wasmPath is a URL here.
  await other.init({ wasmPath: url });
  for (const entry of [browser, other]) assert.equal(entry.signParams({ a: '1' }, 'k').stringToSign, 'a=1');

  const transport = async () => ({ status: 200, body: '{"Response":{"RequestId":"r","Data":{"UserID":"u"}}}' });
  const client = browser.createClient({ getAccessToken: async () => ({ Token: 't' }), transport });
  assert.equal(await client.ready(), false);
  assert.equal((await client.call('AppGetUser')).Data.UserID, 'u');
  assert.equal(client.loggedIn, true);
});

test('browser init() with options and no wasmPath loads the module next to the build', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-entry-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(dist, 'browser.js'), join(dir, 'browser.mjs'));
  copyFileSync(join(dist, 'iot_explorer_app_bg.wasm'), join(dir, 'iot_explorer_app_bg.wasm'));
  const fetched = [];
  const realFetch = globalThis.fetch;
  // Node's fetch has no file: URLs; this stands in for the server next to the module.
  globalThis.fetch = async (url) => {
    fetched.push(String(url));
    return new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'application/wasm' } });
  };
  t.after(() => (globalThis.fetch = realFetch));
  const browser = await import(`${pathToFileURL(join(dir, 'browser.mjs'))}?options`);
  await browser.init({ dangerouslyAllowAppSecretInClient: true });
  assert.equal(fetched.length, 1);
  assert.match(fetched[0], /iot_explorer_app_bg\.wasm$/);
  assert.equal(browser.signParams({ a: '1' }, 'k').stringToSign, 'a=1');
});

test('the inline browser build loads the wasm it carries: init() fetches nothing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-entry-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(dist, 'browser-inline.js'), join(dir, 'browser-inline.mjs'));
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => assert.fail(`fetched ${url}`);
  t.after(() => (globalThis.fetch = realFetch));
  const inline = await import(pathToFileURL(join(dir, 'browser-inline.mjs')).href);
  await inline.init();
  assert.equal(inline.signParams({ a: '1' }, 'k').signature, 'bqk+Bpt0UQx2g3pRumPO/SfOado=');
});

test('init(bytes) compiles them on this thread, and asynchronously where that is refused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-entry-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(dist, 'browser.js'), join(dir, 'browser.mjs'));
  const bytes = readFileSync(join(dist, 'iot_explorer_app_bg.wasm'));
  const { Module, instantiate } = WebAssembly;
  t.after(() => Object.assign(WebAssembly, { Module, instantiate }));
  const calls = { sync: 0, async: 0 };
  WebAssembly.instantiate = (...args) => (calls.async++, instantiate(...args));
  WebAssembly.Module = new Proxy(Module, { construct: (target, args) => (calls.sync++, new target(...args)) });
  const load = (tag) => import(`${pathToFileURL(join(dir, 'browser.mjs'))}?${tag}`);

  const sync = await load('sync');
  await sync.init(bytes);
  assert.deepEqual(calls, { sync: 1, async: 0 });
  assert.equal(sync.signParams({ a: '1' }, 'k').signature, 'bqk+Bpt0UQx2g3pRumPO/SfOado=');

  // As Chrome before 115 refuses a synchronous compile of more than 4 KB on the main thread.
  WebAssembly.Module = new Proxy(Module, {
    construct: () => {
      calls.sync++;
      throw new RangeError('WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB.');
    },
  });
  const refused = await load('refused');
  await refused.init(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  assert.deepEqual(calls, { sync: 2, async: 1 });
  assert.equal(refused.signParams({ a: '1' }, 'k').signature, 'bqk+Bpt0UQx2g3pRumPO/SfOado=');

  // Bytes that are no module are a typed error, reported once.
  const broken = await load('broken');
  await assert.rejects(broken.init(new Uint8Array([0, 97, 115, 109, 9])), { name: 'IotExplorerError', kind: 'Transport', message: /^cannot load the wasm module: / });
});

test("Node resolves 'iot-explorer-app/inline' to the Node build (import and require)", async () => {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  assert.equal(require.resolve('iot-explorer-app/inline'), require.resolve('iot-explorer-app'));
  const esm = await import('iot-explorer-app/inline');
  assert.equal(esm.signParams({ a: '1' }, 'k').signature, 'bqk+Bpt0UQx2g3pRumPO/SfOado=');
});

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

test('init() from a URL that answers 404 names it once, without the bundler advice meant for the default location', async () => {
  const sdk = await browserBuild('missing-wasm');
  const url = `${emulator.url}/assets/missing.wasm`;
  await assert.rejects(sdk.init(url), isError({ kind: 'Transport', message: new RegExp(`^cannot load the wasm module from ${url}: HTTP status 404$`) }));
});

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
