// `make bench` (scripts/bench.sh): every benchmark in one run on the same inputs, printed as
// tables and written with every number to target/bench/results.json.
//   node --expose-gc bench/run.mjs [--quick]   (--quick: short loops, for trying the harness)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadPackage } from './load-package.mjs';
import * as size from './size.mjs';
import * as coldStart from './cold-start.mjs';
import * as signing from './signing.mjs';
import * as parsing from './parsing.mjs';
import * as memory from './memory.mjs';
import * as browserStart from './browser-start.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const loop = quick ? { runs: 5, runMs: 60 } : { runs: 5, runMs: 500 };

const { path } = loadPackage();
const pkgJson = JSON.parse(readFileSync(join(dirname(path), '..', 'package.json'), 'utf8'));
const wasmFile = readFileSync(join(dirname(path), 'iot_explorer_app_bg.wasm'));
const nodeWasmFile = readFileSync(join(dirname(path), 'iot_explorer_app_node.wasm')); // what the Node timings run
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {}
const environment = {
  date: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  cpu: cpus()[0]?.model,
  cpus: cpus().length,
  loadAverageAtStart: loadavg(),
  package: `${pkgJson.name}@${pkgJson.version}`,
  wasmSha256: createHash('sha256').update(wasmFile).digest('hex'),
  nodeWasmSha256: createHash('sha256').update(nodeWasmFile).digest('hex'),
  packagePath: path,
  commit,
  libraries: Object.fromEntries(['crypto-js', 'jssha', 'esbuild', 'qcloud-iotexplorer-appdev-sdk'].map((n) => [n, versionOf(n)])),
  loop,
  quick,
};

const results = { environment };
const started = process.hrtime.bigint();
const section = async (key, title, fn) => {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`\n== ${title} (${seconds.toFixed(1)} s)\n${r.text}`);
  results[key] = { ...r.json, seconds };
  return r;
};

console.log(`bench: ${environment.package} (commit ${commit ?? '?'}, wasm ${environment.wasmSha256.slice(0, 12)}, Node's wasm ${environment.nodeWasmSha256.slice(0, 12)}) on node ${process.version}, ${environment.cpus} × ${environment.cpu}, load ${environment.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`);
console.log(`ratios are ours ÷ theirs: throughput above 1× means ours is faster, size above 1× means ours is larger`);
await section('signing', '1. Signing throughput', () => signing.run(loop));
await section('parsing', '2. Response parsing throughput', () => parsing.run(loop));
await section('coldStart', '3. Cold start', () => coldStart.run({ processes: quick ? 5 : 21 }));
await section('size', '4. Size', () => size.run());
const mem = await section('memory', '5. Memory', () => memory.run({ iterations: quick ? 10000 : 100000 }));
await section('browserStart', '6. Browser start-up', () => browserStart.run({ contexts: quick ? 5 : 21 }));
results.environment.loadAverageAtEnd = loadavg();
results.totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;

const out = join(root, 'target', 'bench', 'results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(results, null, 1) + '\n');
console.log(`\nbench: ${results.totalSeconds.toFixed(1)} s; every number in ${out.slice(root.length + 1)}`);
if (mem.failed) {
  console.error(`bench: FAILED: ${mem.failed}`);
  process.exit(1);
}
