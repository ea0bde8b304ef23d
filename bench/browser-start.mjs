// 6. Browser start-up: from `import()` to the first signature in a fresh Chromium context (no
// HTTP or compiled-code cache), served by a static server on 127.0.0.1. Ours: the browser build,
// minified by esbuild as an app's bundler would, with its .wasm beside it (init() then
// signParams); ours (inline): the same from 'iot-explorer-app/inline', which carries the wasm in
// its code. crypto-js: hmac-sha1 + enc-base64 bundled the same way, signing the same string.
// They take turns; the median of `contexts` runs each is reported.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/browser/static-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/chromium.mjs';
import { loadPackage } from './load-package.mjs';
import { APP_SECRET, signParamsOf } from './inputs.mjs';
import { officialStringToSign } from './official.mjs';
import { median } from './timing.mjs';
import { ratio, table } from './format.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PARAMS = signParamsOf(0);

const ENTRIES = {
  ours: `import init, { signParams } from 'iot-explorer-app';
export async function sign(params, secret) { await init(); return signParams(params, secret).signature; }`,
  'ours (inline)': `import init, { signParams } from 'iot-explorer-app/inline';
export async function sign(params, secret) { await init(); return signParams(params, secret).signature; }`,
  'crypto-js': `import HmacSHA1 from 'crypto-js/hmac-sha1';
import Base64 from 'crypto-js/enc-base64';
export async function sign(params, secret, text) { return Base64.stringify(HmacSHA1(text, secret)); }`,
};

const file = (name) => name.replace(/\W+/g, '-');
const page = (name) => `<!doctype html><meta charset="utf-8"><script type="module">
const t0 = performance.now();
const { sign } = await import('./${file(name)}.js');
const signature = await sign(${JSON.stringify(PARAMS)}, ${JSON.stringify(APP_SECRET)}, ${JSON.stringify(officialStringToSign(PARAMS))});
window.__result = { ms: performance.now() - t0, signature };
</script>`;

async function site() {
  const dir = mkdtempSync(join(tmpdir(), 'iot-start-'));
  const { path } = loadPackage();
  const sizes = {};
  for (const [name, contents] of Object.entries(ENTRIES)) {
    const r = await build({
      stdin: { contents, resolveDir: here, loader: 'js' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
      conditions: ['browser'],
    });
    writeFileSync(join(dir, `${file(name)}.js`), r.outputFiles[0].contents);
    writeFileSync(join(dir, `${file(name)}.html`), page(name));
    sizes[name] = r.outputFiles[0].contents.length;
  }
  copyFileSync(join(dirname(path), 'iot_explorer_app_bg.wasm'), join(dir, 'iot_explorer_app_bg.wasm'));
  const server = await serveStatic({ '/': dir });
  return { url: server.url, sizes, close: async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export async function run({ contexts = 21 } = {}) {
  const served = await site();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const samples = Object.fromEntries(Object.keys(ENTRIES).map((n) => [n, []]));
  const signatures = new Set();
  try {
    for (let k = 0; k < contexts + 1; k++) {
      for (const name of Object.keys(ENTRIES)) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(`${served.url}/${file(name)}.html`);
        await tab.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
        const { ms, signature } = await tab.evaluate(() => window.__result);
        await context.close();
        signatures.add(signature);
        if (k > 0) samples[name].push(ms); // the first round warms the browser process, not a page
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  if (signatures.size !== 1) throw new Error(`browser start-up: signatures differ ${[...signatures]}`);
  const ours = median(samples.ours);
  const inline = median(samples['ours (inline)']);
  const theirs = median(samples['crypto-js']);
  const rows = Object.entries(samples).map(([name, ms]) => [name, `${median(ms).toFixed(2)} ms`, `${Math.min(...ms).toFixed(2)} ms`, `${Math.max(...ms).toFixed(2)} ms`, String(served.sizes[name])]);
  const text = [
    table(['import() → first signature, fresh context', 'median', 'min', 'max', 'bundle bytes (min)'], rows),
    `${contexts} fresh Chromium contexts each, taking turns; ours/crypto-js = ${ratio(ours, theirs)}, ours (inline)/crypto-js = ${ratio(inline, theirs)} (above 1: ours is slower); ours also fetches the .wasm (a second request), the inline build decodes it from its code; both compile it`,
  ].join('\n');
  return { json: { contexts, samples, medianMs: { ours, 'ours (inline)': inline, 'crypto-js': theirs }, ratio: ours / theirs, inlineRatio: inline / theirs, bundleBytes: served.sizes }, text };
}
