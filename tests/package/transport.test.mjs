// Transports: answers that make no sense, wx.request's headers, a 404 naming its URL, an unreachable host named.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import * as sdk from 'iot-explorer-app';
import { isError } from '../fixtures/is-error.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const { createClient, createServerClient } = sdk;
// A fault that makes a call hang fails its test instead of stalling the run.
const LIMIT = { timeout: 30_000 };
const KEYS = { appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET };

let emulator;
test.before(async () => {
  emulator = await startEmulator();
});
test.after(() => emulator.close());

test('4–5. a transport answering nonsense fails as a Transport error, never a raw TypeError', LIMIT, async () => {
  const throwing = (field) => ({
    status: 200,
    body: '{}',
    get [field]() {
      throw new TypeError(`${field} getter`);
    },
  });
  const answers = [throwing('body'), throwing('status'), { status: -1, body: '{}' }, { status: 1.5, body: '{}' }, { status: NaN, body: '{}' },
    { status: 2 ** 31, body: '{}' }, { status: '200', body: '{}' }, { status: 200, body: 7 }, null];
  for (const [i, answer] of answers.entries()) {
    const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport: async () => answer, retry: false });
    const server = sdk.createServerClient({ appKey: 'k', appSecret: 's', transport: async () => answer, retry: false });
    for (const call of [() => client.getUser(), () => server.getTokenByWeiXin({ WxOpenID: 'o', NickName: 'n', Avatar: 'a' })]) {
      await assert.rejects(call(), (e) => e instanceof sdk.IotExplorerError && e.kind === 'Transport', `answer ${i}`);
    }
  }
});

test('8. wx.request hands the response headers over', LIMIT, async () => {
  const wx = {
    request: (o) => setTimeout(() => o.success({ statusCode: 200, data: '{}', header: { Date: 'Thu, 01 Jan 2026 00:00:00 GMT' } }), 0),
  };
  const res = await sdk.wxRequestTransport({ wx })({ url: 'https://x/', method: 'POST', headers: {}, body: '{}', timeoutMs: 1000 });
  assert.deepEqual(res.headers, { Date: 'Thu, 01 Jan 2026 00:00:00 GMT' });
});

test('a wrong endpoint path: the 404 names the URL that was asked for', async () => {
  const endpoint = `${emulator.url}/api/wrong`;
  const server = createServerClient({ ...KEYS, endpoint, retry: false });
  await assert.rejects(server.getTokenByWeiXin({ WxOpenID: 'o' }), isError({ kind: 'Http', status: 404, message: new RegExp(`HTTP status 404 \\(POST ${endpoint}/appapi\\).*base URL`) }));
  const client = createClient({ getAccessToken: () => ({ Token: 't' }), endpoint, retry: false });
  await assert.rejects(client.getUser(), isError({ kind: 'Http', message: new RegExp(`POST ${endpoint}/tokenapi`) }));
});

test('a network failure names the host it could not reach', async () => {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const client = createClient({ getAccessToken: () => ({ Token: 't' }), endpoint: `http://127.0.0.1:${port}/api/exploreropen`, retry: false });
  await assert.rejects(client.getUser(), isError({ kind: 'Transport', retryable: true, message: new RegExp(`127\\.0\\.0\\.1:${port}`) }));
});
