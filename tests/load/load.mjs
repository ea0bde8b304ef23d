#!/usr/bin/env node
// Load and leak check against the emulator (in its own process): N logins and M token-API calls
// at a given concurrency through the Node build. Fails on any failed call, or when the wasm
// memory or the JS heap grows after warm-up.
//   node --expose-gc tests/load/load.mjs [--logins 10000] [--calls 100000] [--concurrency 64]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LOGINS = arg('logins', 10000);
const CALLS = arg('calls', 100000);
const CONCURRENCY = arg('concurrency', 64);
const here = fileURLToPath(new URL('.', import.meta.url));
const sdk = createRequire(import.meta.url)('../package/node_modules/iot-explorer-app');
const { DEMO_APP_KEY, DEMO_APP_SECRET } = await import('../../emulator/server.mjs');

async function startEmulatorProcess() {
  const child = spawn(process.execPath, [`${here}../../emulator/cli.mjs`, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout) {
    out += chunk;
    const m = /^export IOT_EXPLORER_ENDPOINT=(http:\/\/127\.0\.0\.1:\d+\/api\/exploreropen)$/m.exec(out);
    if (m) {
      child.stdout.resume();
      return { endpoint: m[1], stop: () => (child.kill(), once(child, 'exit')) };
    }
  }
  throw new Error(`emulator did not start: ${out}`);
}

/** Runs `task(i)` for i < total with `concurrency` in flight; counts failures. */
async function run(total, task) {
  let next = 0;
  const failures = [];
  const worker = async () => {
    while (next < total) {
      const i = next++;
      try {
        await task(i);
      } catch (e) {
        failures.push(`${e.kind}/${e.code}: ${e.message}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { total, failures, seconds, perSecond: Math.round(total / seconds) };
}

function memory() {
  globalThis.gc?.();
  return { wasm: sdk.diagnostics().wasmMemoryBytes, heap: process.memoryUsage().heapUsed };
}

const emulator = await startEmulatorProcess();
try {
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const login = (i) => server.getTokenByWeiXin({ WxOpenID: `o-load-${i % 200}`, NickName: '负载', Avatar: 'https://a/b.png' });
  const grant = await login(0);
  const client = sdk.createClient({ getAccessToken: async () => grant, endpoint: emulator.endpoint });
  const actions = [
    () => client.getUser(),
    () => client.getFamilyList({ Offset: 0, Limit: 20 }),
    () => client.call('AppGetDeviceStatuses', { DeviceIds: ['LIGHT0PROD/none'] }),
  ];
  // Warm-up, then measure.
  await run(Math.min(1000, LOGINS), login);
  await run(Math.min(2000, CALLS), (i) => actions[i % actions.length]());
  const before = memory();
  const logins = await run(LOGINS, login);
  const calls = await run(CALLS, (i) => actions[i % actions.length]());
  const after = memory();
  const report = {
    concurrency: CONCURRENCY,
    logins: { count: LOGINS, failures: logins.failures.length, perSecond: logins.perSecond },
    tokenCalls: { count: CALLS, failures: calls.failures.length, perSecond: calls.perSecond },
    wasmMemoryBytes: { before: before.wasm, after: after.wasm },
    heapUsedMB: { before: +(before.heap / 1e6).toFixed(1), after: +(after.heap / 1e6).toFixed(1) },
  };
  console.log(JSON.stringify(report, null, 1));
  const problems = [...logins.failures, ...calls.failures].slice(0, 5);
  if (after.wasm > before.wasm) problems.push(`wasm memory grew ${before.wasm} → ${after.wasm}`);
  if (after.heap - before.heap > 16e6) problems.push(`JS heap grew ${report.heapUsedMB.before} → ${report.heapUsedMB.after} MB`);
  if (problems.length) {
    console.error(`load: FAILED\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await emulator.stop();
}
