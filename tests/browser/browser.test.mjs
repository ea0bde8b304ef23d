// The browser build in real Chromium: from a plain <script type="module"> and through a Vite
// production build, against the emulator.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { EXPECTED } from '../fixtures/all-actions.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

let emulator;
let browser;
test.before(async () => {
  emulator = await startEmulator();
  browser = await launchChromium();
});
test.after(async () => {
  await browser.close();
  await emulator.close();
});

async function runPage(url) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const config = encodeURIComponent(JSON.stringify({ endpoint: emulator.endpoint, emulatorUrl: emulator.url, appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET }));
  await page.goto(`${url}#${config}`);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
  const result = await page.evaluate(() => window.__result);
  await page.close();
  assert.deepEqual(errors, []);
  return result;
}

function expectSmoke(result) {
  assert.equal(result.failed, undefined, result.failed);
  assert.deepEqual(result, {
    beforeInit: 'IotExplorerError:NotInitialized',
    signature: 'P206d+JzP37FLKBDkD689wqnl4k=',
    nickName: '浏览器',
    families: 1,
    storedSession: true,
    error: 'true:Api:InvalidParameterValue',
  });
}

test('plain <script type="module"> page', async () => {
  const site = await serveStatic({ '/pkg/': join(repo, 'pkg'), '/fixtures/': fixtures, '/': fixtures });
  try {
    expectSmoke(await runPage(`${site.url}/fixtures/module-page.html`));
  } finally {
    await site.close();
  }
});

test('a Vite production build that imports the package by name', async () => {
  const app = mkdtempSync(join(tmpdir(), 'iot-vite-'));
  try {
    cpSync(join(fixtures, 'vite-app'), app, { recursive: true });
    cpSync(join(fixtures, 'smoke.js'), join(app, 'smoke.js'));
    cpSync(join(repo, 'tests', 'package', 'node_modules'), join(app, 'node_modules'), { recursive: true, dereference: true });
    execFileSync(process.execPath, [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: app, stdio: 'pipe' });
    const assets = readdirSync(join(app, 'dist', 'assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `vite emitted the wasm: ${assets}`);
    const site = await serveStatic({ '/': join(app, 'dist') });
    try {
      expectSmoke(await runPage(`${site.url}/`));
    } finally {
      await site.close();
    }
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});

test('every typed action, in Chromium', async () => {
  const site = await serveStatic({ '/pkg/': join(repo, 'pkg'), '/shared-fixtures/': join(repo, 'tests', 'fixtures'), '/': fixtures });
  try {
    const result = await runPage(`${site.url}/all-actions-page.html`);
    assert.equal(result.failed, undefined, result.failed);
    assert.deepEqual(result, EXPECTED);
  } finally {
    await site.close();
  }
});

test('push events in Chromium over the browser WebSocket', async () => {
  const site = await serveStatic({ '/pkg/': join(repo, 'pkg'), '/': fixtures });
  const page = await browser.context.newPage();
  try {
    const config = encodeURIComponent(JSON.stringify({ endpoint: emulator.endpoint, appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET }));
    const subscribesBefore = emulator.push.stats.subscribes;
    await page.goto(`${site.url}/push-page.html#${config}`);
    await page.waitForFunction(() => window.__light || window.__failed, null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => window.__failed), undefined);
    const light = await page.evaluate(() => window.__light);
    const deadline = Date.now() + 5000;
    while (emulator.push.stats.subscribes === subscribesBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    emulator.push.report(light.DeviceId, { power_switch: 1 });
    emulator.push.setOnline(light.DeviceId, false);
    await page.waitForFunction(() => window.__events.length === 2, null, { timeout: 5000 });
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.type), ['PropertyReport', 'StatusChange']);
    assert.deepEqual(events[0].params, { power_switch: 1 });
    assert.equal(events[1].online, false);
  } finally {
    await page.close();
    await site.close();
  }
});
