// The ESM entry shakes (issue 16, item 11): an app that imports only signParams or parseResponse
// and is bundled with esbuild, as users bundle, ships the core but not the clients, the session,
// the push channel or the transports; importing the package for nothing ships nothing. The
// shaken bundle still signs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const pkgDir = join(here, 'node_modules', 'iot-explorer-app');

/** The app `code`, bundled and minified for browsers as an app would be: its text. */
async function bundle(code) {
  const out = await build({
    stdin: { contents: code, resolveDir: here, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

const sizes = {};
test.after(() => console.log(`tree-shaking: minified bytes ${JSON.stringify(sizes)}`));

test('package.json tells bundlers the modules have no side effects', () => {
  assert.equal(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).sideEffects, false);
});

test('importing only signParams or parseResponse bundles far less than the whole package', async () => {
  const whole = await bundle("import * as all from 'iot-explorer-app'; console.log(Object.values(all));");
  const sign = await bundle("import init, { signParams } from 'iot-explorer-app'; await init(); console.log(signParams({ a: '1' }, 'k').signature);");
  const parse = await bundle("import init, { parseResponse } from 'iot-explorer-app'; await init(); console.log(parseResponse(200, '{}'));");
  Object.assign(sizes, { whole: whole.length, signParams: sign.length, parseResponse: parse.length });
  assert.ok(sign.length < whole.length / 2, `signParams alone: ${sign.length} of ${whole.length} bytes`);
  assert.ok(parse.length < whole.length / 2, `parseResponse alone: ${parse.length} of ${whole.length} bytes`);
  // What only the clients use stays out.
  for (const [name, code] of [['signParams', sign], ['parseResponse', parse]]) {
    for (const marker of ['getAccessToken', 'connectSocket', 'localStorage', 'dangerouslyAllowBrowser']) {
      assert.ok(!code.includes(marker), `${name} bundle has ${marker}`);
    }
  }
  for (const marker of ['getAccessToken', 'connectSocket', 'localStorage', 'dangerouslyAllowBrowser']) assert.ok(whole.includes(marker), `the whole package has ${marker}`);
});

test('an import kept for nothing bundles to nothing', async () => {
  const unused = await bundle("import 'iot-explorer-app'; import { createClient } from 'iot-explorer-app'; void createClient;");
  sizes.unused = unused.length;
  assert.ok(unused.length < 200, `${unused.length} bytes: ${unused.slice(0, 200)}`);
});

test('the shaken signParams bundle still loads the wasm and signs', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'shaken-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const code = await bundle("import init, { signParams } from 'iot-explorer-app'; export async function run(bytes) { await init(bytes); return signParams({ a: '1' }, 'k').signature; }");
  writeFileSync(join(dir, 'app.mjs'), code);
  const { run } = await import(pathToFileURL(join(dir, 'app.mjs')));
  const signature = await run(readFileSync(join(pkgDir, 'dist', 'iot_explorer_app_bg.wasm')));
  assert.equal(signature, 'bqk+Bpt0UQx2g3pRumPO/SfOado='); // base64(HMAC-SHA1("k", "a=1"))
});
