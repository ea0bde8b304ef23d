// The memory benchmark's own process (bench/memory.mjs starts it with --expose-gc): the wasm
// linear memory and the JS heap while the package signs and parses 100,000 times, printed as
// JSON. Each iteration: signParams + buildAppApiRequest + parseLoginResponse; every 100th also
// parses the 50-device list, an API error response and a rejected input (errors must not leak).
import { loadPackage } from './load-package.mjs';
import { APP_SECRET, DEVICE_LIST_RESPONSE, LOGIN_RESPONSE, requestInputOf, signParamsOf } from './inputs.mjs';

const ITERATIONS = Number(process.argv[2] || 100000);
const API_ERROR = JSON.stringify({
  code: -1000,
  msg: '',
  data: { Error: { Code: 'InvalidParameterValue.InvalidAccessToken', Message: 'token expired' }, RequestId: 'r' },
});

if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
const heap = () => {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss };
};

const { pkg, wasm } = loadPackage();
const wasmBytes = () => wasm.memory.buffer.byteLength;
const expectThrow = (f) => {
  try {
    f();
  } catch (e) {
    if (e instanceof pkg.IotExplorerError) return 1;
    throw e;
  }
  throw new Error('expected an IotExplorerError');
};

function iteration(i) {
  let n = pkg.signParams(signParamsOf(i), APP_SECRET).signature.length;
  n += pkg.buildAppApiRequest(requestInputOf(i)).body.length;
  n += pkg.parseLoginResponse(200, LOGIN_RESPONSE).Token.length;
  if (i % 100 === 0) {
    n += pkg.parseActionResponse('AppGetFamilyDeviceList', 200, DEVICE_LIST_RESPONSE).Total;
    n += expectThrow(() => pkg.parseResponse(200, API_ERROR));
    n += expectThrow(() => pkg.signParams({ ...signParamsOf(i), Bad: null }, APP_SECRET));
  }
  return n;
}

const samples = [{ iterations: 0, wasmMemoryBytes: wasmBytes(), ...heap() }];
const checkpoints = new Set([1000, ...Array.from({ length: 10 }, (_, k) => (k + 1) * (ITERATIONS / 10))]);
let sink = 0;
const t0 = process.hrtime.bigint();
for (let i = 1; i <= ITERATIONS; i++) {
  sink += iteration(i);
  if (checkpoints.has(i)) samples.push({ iterations: i, wasmMemoryBytes: wasmBytes(), ...heap() });
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(JSON.stringify({ iterations: ITERATIONS, seconds, sink, samples }));
