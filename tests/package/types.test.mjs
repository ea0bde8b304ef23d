// index.d.ts compiles under `tsc --strict` for a consumer that uses every export.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tscErrors } from '../fixtures/tsc.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

test('a strict TypeScript consumer of every export (provisioning and the emulator too) compiles', () => {
  assert.equal(tscErrors(['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom'], ['consumer.mts', 'consumer-provisioning.mts'], here), '');
});

test('moduleResolution "node" (Taro, uni-app) finds the types of iot-explorer-app/miniprogram', () => {
  assert.equal(tscErrors(['--module', 'commonjs', '--moduleResolution', 'node', '--target', 'es2020', '--lib', 'es2020'], ['consumer-node10.ts'], here), '');
});

test('every README example compiles under tsc --strict, as JavaScript checked by TypeScript', (t) => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const dir = join(here, '.readme-types');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = [];
  // The examples run against the emulator, and those run in a project of their own (emulator-product.test.mjs).
  for (const [, name, code] of readme.matchAll(/<!-- (?:example|scratch): ([\w-]+) -->\n```js\n([\s\S]*?)```/g)) {
    const file = `${name}.${/\brequire\(/.test(code) ? 'cjs' : 'mjs'}`;
    writeFileSync(join(dir, file), code);
    files.push(file);
  }
  assert.ok(files.length >= 5, 'the README examples');
  const options = ['--allowJs', '--checkJs', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022',
    '--lib', 'es2022,dom', '--types', 'node'];
  assert.equal(tscErrors(options, [...files, '../readme-globals.d.ts'], dir), '');
});

test('index.d.ts has no `any` in the public API', async () => {
  const { readFileSync } = await import('node:fs');
  const dts = readFileSync(new URL('node_modules/iot-explorer-app/index.d.ts', import.meta.url), 'utf8');
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(code, /\bany\b/);
});
