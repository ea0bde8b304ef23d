// 3. Cold start: fresh `node` processes (taking turns between implementations) each time the
// require of the implementation and its first sign and first parse calls (bench/cold-start-child.cjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { APP_SECRET, LOGIN_RESPONSE, signParamsOf } from './inputs.mjs';
import { median } from './timing.mjs';
import { table } from './format.mjs';

const child = fileURLToPath(new URL('./cold-start-child.cjs', import.meta.url));
const IMPLEMENTATIONS = ['ours', 'ours-wasm-only', 'crypto-js', 'node:crypto'];
const LABELS = {
  ours: "ours require('iot-explorer-app')",
  'ours-wasm-only': '  of which: read+compile+instantiate .wasm',
  'crypto-js': "crypto-js require('crypto-js/hmac-sha1'), enc-base64",
  'node:crypto': "require('node:crypto')",
};
const msOf = (ns) => ns / 1e6;

export function run({ processes = 21 } = {}) {
  const args = [JSON.stringify(signParamsOf(0)), APP_SECRET, LOGIN_RESPONSE];
  const samples = Object.fromEntries(IMPLEMENTATIONS.map((n) => [n, []]));
  for (let k = 0; k < processes; k++) {
    for (const name of IMPLEMENTATIONS) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [child, name, ...args], { encoding: 'utf8' });
      const wallNs = Number(process.hrtime.bigint() - t0);
      if (r.status !== 0) throw new Error(`cold start ${name}: ${r.stderr}`);
      samples[name].push({ ...JSON.parse(r.stdout), wallNs });
    }
  }
  const signatures = new Set(IMPLEMENTATIONS.filter((n) => n !== 'ours-wasm-only').map((n) => samples[n][0].signature));
  if (signatures.size !== 1) throw new Error(`cold start: signatures differ ${[...signatures]}`);
  const summary = {};
  for (const name of IMPLEMENTATIONS) {
    const pick = (key) => median(samples[name].map((s) => s[key]));
    summary[name] = {
      processes,
      loadMs: msOf(pick('loadNs')),
      firstSignMs: msOf(pick('firstSignNs')),
      firstParseMs: msOf(pick('firstParseNs')),
      processWallMs: msOf(pick('wallNs')),
      loadMsMinMax: [Math.min(...samples[name].map((s) => s.loadNs)), Math.max(...samples[name].map((s) => s.loadNs))].map(msOf),
    };
  }
  const f = (x) => `${x.toFixed(2)} ms`;
  const text = [
    `medians of ${processes} fresh node ${process.version} processes per implementation (taking turns)`,
    table(['cold start', 'require', 'first sign', 'first parse', 'process wall'], IMPLEMENTATIONS.map((n) => {
      const s = summary[n];
      const calls = n === 'ours-wasm-only' ? ['', ''] : [f(s.firstSignMs), f(s.firstParseMs)];
      return [LABELS[n], f(s.loadMs), ...calls, f(s.processWallMs)];
    })),
  ].join('\n');
  return { json: summary, text };
}
