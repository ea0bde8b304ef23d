// Every typed action in the mini-program sandbox (the shared scenario bundled to CommonJS, as a
// mini-program page would ship it). The AppSecret APIs are enabled explicitly for this test,
// with the full wasm copied into the project (miniprogram_dist's build has none).
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { EXPECTED } from '../fixtures/all-actions.mjs';
import { emulatorAndProject } from './fixture.mjs';
import { PACKAGE_NAME, createSandbox } from './sandbox.mjs';

test('every typed action, in the mini-program sandbox', { timeout: 30000 }, async (t) => {
  const { emulator, root } = await emulatorAndProject(t);
  await build({
    entryPoints: [fileURLToPath(new URL('../fixtures/all-actions.mjs', import.meta.url))],
    outfile: join(root, 'all-actions.js'),
    format: 'cjs',
    target: 'es2017',
    logLevel: 'error',
  });
  mkdirSync(join(root, 'wasm'), { recursive: true });
  copyFileSync(fileURLToPath(new URL('../../pkg/dist/iot_explorer_app_bg.wasm', import.meta.url)), join(root, 'wasm', 'full.wasm'));
  const sb = createSandbox({ root, domains: [emulator.url] });
  const sdk = sb.require(PACKAGE_NAME);
  await sdk.init({ wasmPath: '/wasm/full.wasm', dangerouslyAllowAppSecretInClient: true });
  const { runAllActions } = sb.require('/all-actions.js');
  const getCode = async (type, to) => emulator.world.codes.get(`${type}:${to}`).code;
  const out = await runAllActions(sdk, { endpoint: emulator.endpoint, appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, getCode });
  assert.deepEqual(JSON.parse(JSON.stringify(out)), EXPECTED);
  assert.ok(sb.requests.every((r) => r.dataType === 'text' && r.responseType === 'text'));
});
