// index.d.ts compiles under `tsc --strict` for a consumer that uses every export.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

test('a strict TypeScript consumer of every export compiles', () => {
  const args = [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', '--lib', 'es2022,dom', 'consumer.mts'];
  let output = '';
  try {
    output = execFileSync(process.execPath, args, { cwd: here, encoding: 'utf8' });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  assert.equal(output.trim(), '');
});

test('index.d.ts has no `any` in the public API', async () => {
  const { readFileSync } = await import('node:fs');
  const dts = readFileSync(new URL('node_modules/iot-explorer-app/index.d.ts', import.meta.url), 'utf8');
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(code, /\bany\b/);
});
