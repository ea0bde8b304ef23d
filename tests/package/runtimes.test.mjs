// What differs between runtimes and callers: Node 18 (no global crypto), a fetch that ignores
// the abort signal, timeouts setTimeout cannot hold, and the subpaths bundler-based
// mini-program frameworks import.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as sdk from 'iot-explorer-app';

const require = createRequire(import.meta.url);

test('without a global crypto (Node 18) nonces and request ids still come from a CSPRNG', () => {
  const script = `
    const sdk = require(${JSON.stringify(require.resolve('iot-explorer-app'))});
    const input = { action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: 'k', appSecret: 's' };
    const a = JSON.parse(sdk.buildAppApiRequest(input).body);
    const b = JSON.parse(sdk.buildAppApiRequest({ ...input, params: { ...input.params, Extra: [1] }, signing: { values: 'node-sdk' } }).body);
    const t = JSON.parse(sdk.buildTokenApiRequest({ action: 'AppGetUser', accessToken: 't' }).body);
    console.log(JSON.stringify({ crypto: typeof globalThis.crypto, ids: [a.RequestId, b.RequestId, t.RequestId], nonces: [a.Nonce, b.Nonce] }));`;
  const run = spawnSync(process.execPath, ['--no-experimental-global-webcrypto', '-e', script.replace(/globalThis\.crypto/, 'globalThis["crypto"]')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(new Set(out.ids).size, 3);
  for (const id of out.ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  for (const n of out.nonces) assert.ok(Number.isInteger(n) && n >= 1 && n <= 2147483647);
});

test('the fetch transport times out even when fetch ignores the signal; an unholdable timeout is none', async () => {
  const request = { url: 'http://127.0.0.1:9/x', method: 'POST', headers: {}, body: '{}' };
  const hanging = sdk.fetchTransport({ fetch: () => new Promise(() => {}) });
  const started = Date.now();
  await assert.rejects(hanging({ ...request, timeoutMs: 50 }), (e) => e instanceof sdk.IotExplorerError && e.kind === 'Timeout' && e.retryable);
  assert.ok(Date.now() - started < 2000);
  const slow = sdk.fetchTransport({ fetch: () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, text: async () => 'ok' }), 30)) });
  for (const timeoutMs of [Infinity, 2 ** 31, 0, undefined]) {
    const { status, body } = await slow({ ...request, timeoutMs });
    assert.deepEqual({ status, body }, { status: 200, body: 'ok' }, String(timeoutMs));
  }
});

test('bundler-based mini-program frameworks can import the mini-program build and its wasm', () => {
  assert.match(require.resolve('iot-explorer-app/miniprogram'), /miniprogram_dist[\\/]index\.js$/);
  assert.match(require.resolve('iot-explorer-app/iot_explorer_app_bg.wasm.br'), /miniprogram_dist[\\/]iot_explorer_app_bg\.wasm\.br$/);
});

test('a wx.request that never calls back times out and frees its slot', async () => {
  const silent = { request() {} };
  const send = sdk.wxRequestTransport({ wx: silent, maxInFlight: 1 });
  const request = { url: 'https://x/api', method: 'POST', headers: {}, body: '{}', timeoutMs: 20 };
  const started = Date.now();
  const results = await Promise.allSettled([send(request), send(request)]);
  for (const r of results) assert.ok(r.status === 'rejected' && r.reason instanceof sdk.IotExplorerError && r.reason.kind === 'Timeout');
  assert.ok(Date.now() - started < 5000);
});

test('wx.request: the backstop aborts a silent request, and never fires early for a huge timeout', async () => {
  let aborted = 0;
  const silent = sdk.wxRequestTransport({ wx: { request: () => ({ abort: () => aborted++ }) } });
  const request = { url: 'https://x/api', method: 'POST', headers: {}, body: '{}' };
  await assert.rejects(silent({ ...request, timeoutMs: 20 }), (e) => e.kind === 'Timeout');
  assert.equal(aborted, 1);
  const slow = sdk.wxRequestTransport({ wx: { request: (o) => setTimeout(() => o.success({ statusCode: 200, data: 'ok' }), 20) } });
  const { status, body } = await slow({ ...request, timeoutMs: 2 ** 31 - 1 });
  assert.deepEqual({ status, body }, { status: 200, body: 'ok' });
});

test('a timeout stays a timeout whatever cancelling does: an abort that fails at once, or throws', async () => {
  const request = { url: 'https://x/api', method: 'POST', headers: {}, body: '{}', timeoutMs: 20 };
  const failsOnAbort = { request: (o) => ({ abort: () => o.fail({ errMsg: 'request:fail abort' }) }) };
  const throwsOnAbort = { request: () => ({ abort: () => { throw new Error('abort broke'); } }) };
  for (const wx of [failsOnAbort, throwsOnAbort]) {
    const send = sdk.wxRequestTransport({ wx, maxInFlight: 1 });
    const results = await Promise.allSettled([send(request), send(request)]);
    for (const r of results) assert.ok(r.status === 'rejected' && r.reason.kind === 'Timeout', String(r.reason));
  }
  const ownError = new sdk.IotExplorerError('custom', { kind: 'Http' });
  const fetchFails = sdk.fetchTransport({ fetch: async () => { throw ownError; } });
  await assert.rejects(fetchFails(request), (e) => e.kind === 'Transport' && e.cause === ownError);
});
