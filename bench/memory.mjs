// 5. Memory: in a fresh process (bench/memory-child.mjs), the wasm linear memory
// (memory.buffer.byteLength of the package's own instance) and the JS heap after gc, after the
// first 1,000 sign+parse iterations and after 100,000. The wasm memory must not grow.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { kb, table } from './format.mjs';

const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));

export function run({ iterations = 100000 } = {}) {
  const r = spawnSync(process.execPath, ['--expose-gc', child, String(iterations)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`memory benchmark failed: ${r.stderr}`);
  const data = JSON.parse(r.stdout);
  const at = (n) => data.samples.find((s) => s.iterations === n);
  const first = at(1000);
  const last = at(iterations);
  const wasmGrew = last.wasmMemoryBytes > first.wasmMemoryBytes;
  const heapDelta = last.heapUsed - first.heapUsed;
  const shown = new Set([0, 1000, iterations / 10, iterations / 2, iterations]);
  const rows = data.samples.filter((s) => shown.has(s.iterations)).map((s) => [String(s.iterations), kb(s.wasmMemoryBytes), kb(s.heapUsed), kb(s.external), kb(s.rss)]);
  const text = [
    `${iterations} iterations in ${data.seconds.toFixed(1)} s, each signParams + buildAppApiRequest + parseLoginResponse; every 100th also a 50-device list, an API error and a rejected input`,
    table(['after iterations', 'wasm memory', 'JS heapUsed (after gc)', 'external', 'rss'], rows),
    '(every 10% in results.json)',
    `wasm memory after 1,000: ${kb(first.wasmMemoryBytes)}, after ${iterations.toLocaleString('en-US')}: ${kb(last.wasmMemoryBytes)}: ${wasmGrew ? 'GREW' : 'no growth'}; JS heap ${heapDelta >= 0 ? '+' : ''}${kb(heapDelta)} over the same span`,
  ].join('\n');
  return { json: { ...data, wasmGrew, heapUsedDeltaBytes: heapDelta }, text, failed: wasmGrew ? 'wasm linear memory grew between 1,000 and 100,000 calls' : null };
}
