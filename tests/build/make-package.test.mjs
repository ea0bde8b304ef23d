// `make package` on a fresh checkout (issue 29): it builds every wasm the package ships (the size
// build, the mini-program's, Node's speed build) before assembling pkg/, so nothing is missing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

test('make package builds the three wasm before it assembles the package', () => {
  const commands = execFileSync('make', ['-n', 'package'], { cwd: repo, encoding: 'utf8' });
  const order = ['scripts/build-wasm.sh', 'scripts/build-wasm.sh miniprogram', 'scripts/build-wasm.sh speed', 'node scripts/build-package.mjs'].map((c) => commands.indexOf(c));
  assert.ok(order.every((at) => at >= 0), commands);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'in that order');
});
