// A TypeScript mini-program project as WeChat's template sets it up (miniprogram-api-typings,
// lib es2019, no DOM or Node types): the README's app.ts compiles against the packed package's
// types, a cancellable flow given a plain signal object included (issue 29, item 4).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tscErrors } from '../fixtures/tsc.mjs';

const packageTests = fileURLToPath(new URL('../package/', import.meta.url)); // where the packed package is installed
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function compile(code) {
  const file = `${packageTests}.miniprogram-app.ts`;
  writeFileSync(file, code);
  try {
    const options = ['--module', 'commonjs', '--moduleResolution', 'node', '--target', 'es2019', '--lib', 'es2019'];
    return tscErrors([...options, '--typeRoots', '../../node_modules', '--types', 'miniprogram-api-typings'], [file], packageTests);
  } finally {
    rmSync(file, { force: true });
  }
}

test("the README's TypeScript app.ts compiles in a mini-program project without DOM or Node types", () => {
  const block = /<!-- typescript: miniprogram -->\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README has the TypeScript block');
  // And a cancellable flow, whose signal is any object with what an AbortSignal has.
  const cancellable = block[1].replace(
    "console.log(`hello ${Data.NickName}`);",
    "console.log(`hello ${Data.NickName}`);\n    const signal = { aborted: false, addEventListener() {}, removeEventListener() {} };\n    await this.iot.addDeviceWithToken({ FamilyId: 'f' }, { provision: async () => {}, signal });",
  );
  assert.notEqual(cancellable, block[1]);
  assert.equal(compile(cancellable), '');
});
