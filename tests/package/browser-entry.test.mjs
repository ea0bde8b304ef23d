// The browser build's platform choices, run in Node: a blocked localStorage (reading it throws
// SecurityError, as with cookies off or in some iframes) falls back to memory, and init() takes
// anything with an href, as index.d.ts promises (here a data: URL of the module).
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('./node_modules/iot-explorer-app/dist/', import.meta.url));

test('blocked localStorage and an { href } wasm source', async (t) => {
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
  const browser = await import(pathToFileURL(join(dir, 'browser.mjs')));

  const wasm = readFileSync(join(dist, 'iot_explorer_app_bg.wasm')).toString('base64');
  await browser.init({ href: `data:application/wasm;base64,${wasm}` });
  assert.equal(browser.signParams({ a: '1' }, 'k').stringToSign, 'a=1');

  const transport = async () => ({ status: 200, body: '{"Response":{"RequestId":"r","Data":{"UserID":"u"}}}' });
  const client = browser.createClient({ getAccessToken: async () => ({ Token: 't' }), transport });
  assert.equal(await client.ready(), false);
  assert.equal((await client.call('AppGetUser')).Data.UserID, 'u');
  assert.equal(client.loggedIn, true);
});
