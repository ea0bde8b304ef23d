// The browser build's platform choices, run in Node: a blocked localStorage (reading it throws
// SecurityError, as with cookies off or in some iframes) falls back to memory, and init() takes
// what index.d.ts allows: anything with an href, or { wasmPath } (here data: URLs of the module).
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('./node_modules/iot-explorer-app/dist/', import.meta.url));

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
