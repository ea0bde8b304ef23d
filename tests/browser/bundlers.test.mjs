// An app bundled with esbuild, as the README says: esbuild neither copies the wasm nor rewrites
// `new URL('./iot_explorer_app_bg.wasm', import.meta.url)`, so until the file is copied next to
// the bundle init() must fail with an error that names the URL it tried and says what to do;
// once it is copied (the README's esbuild step), the app works. The same app importing
// 'iot-explorer-app/inline' works as built, with no request for a .wasm. In real Chromium.
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));

const MAIN = `import init, { signParams } from 'iot-explorer-app';
try {
  await init();
  window.__result = { signature: signParams({ a: '1' }, 'k').signature };
} catch (e) {
  window.__result = { error: e.name + ':' + e.kind + ':' + e.message };
}
`;

let browser;
let app;
test.before(async () => {
  browser = await launchChromium();
  app = mkdtempSync(join(tmpdir(), 'iot-esbuild-'));
  cpSync(join(repo, 'tests', 'package', 'node_modules'), join(app, 'node_modules'), { recursive: true, dereference: true });
  for (const [name, main] of [['dist', MAIN], ['dist-inline', MAIN.replace("from 'iot-explorer-app'", "from 'iot-explorer-app/inline'")]]) {
    writeFileSync(join(app, `${name}.js`), main);
    mkdirSync(join(app, name));
    writeFileSync(join(app, name, 'index.html'), `<!doctype html><script type="module" src="./${name}.js"></script>\n`);
    await build({ entryPoints: [join(app, `${name}.js`)], bundle: true, format: 'esm', platform: 'browser', outdir: join(app, name), logLevel: 'error' });
  }
});
test.after(async () => {
  await browser?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

async function runPage(url, requested = []) {
  const page = await browser.context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
    return await page.evaluate(() => window.__result);
  } finally {
    await page.close();
  }
}

test('esbuild: the missing wasm is reported once, with its URL and what to do; copied next to the bundle, it loads', async () => {
  const site = await serveStatic({ '/': join(app, 'dist') });
  try {
    const { error } = await runPage(`${site.url}/`);
    assert.ok(error, 'init() failed');
    assert.equal(error.match(/cannot load the wasm module/g).length, 1, error);
    assert.ok(error.startsWith(`IotExplorerError:Transport:cannot load the wasm module from ${site.url}/iot_explorer_app_bg.wasm: HTTP status 404`), error);
    assert.match(error, /esbuild does not copy it/);
    assert.match(error, /node_modules\/iot-explorer-app\/dist\/iot_explorer_app_bg\.wasm/);
    assert.match(error, /init\('\/assets\/iot_explorer_app_bg\.wasm'\)/);
    assert.match(error, /import from 'iot-explorer-app\/inline'/);

    copyFileSync(join(app, 'node_modules', 'iot-explorer-app', 'dist', 'iot_explorer_app_bg.wasm'), join(app, 'dist', 'iot_explorer_app_bg.wasm'));
    assert.deepEqual(await runPage(`${site.url}/`), { signature: 'bqk+Bpt0UQx2g3pRumPO/SfOado=' });
  } finally {
    await site.close();
  }
});

test('esbuild: iot-explorer-app/inline carries the wasm, so the bundle works alone with one request for code', async () => {
  const site = await serveStatic({ '/': join(app, 'dist-inline') });
  try {
    const requested = [];
    assert.deepEqual(await runPage(`${site.url}/`, requested), { signature: 'bqk+Bpt0UQx2g3pRumPO/SfOado=' });
    assert.deepEqual(requested.map((url) => url.slice(site.url.length)), ['/', '/dist-inline.js']);
  } finally {
    await site.close();
  }
});
