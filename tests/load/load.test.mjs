// The short load run of `make test` (the long one is `make load`).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

test('1,000 logins and 10,000 token calls at concurrency 64: no failures, no growth', { timeout: 180000 }, async () => {
  const script = fileURLToPath(new URL('./load.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', script, '--logins', '1000', '--calls', '10000'], { timeout: 170000 });
  const report = JSON.parse(stdout);
  assert.equal(report.logins.failures, 0);
  assert.equal(report.tokenCalls.failures, 0);
  assert.equal(report.wasmMemoryBytes.after, report.wasmMemoryBytes.before);
});
