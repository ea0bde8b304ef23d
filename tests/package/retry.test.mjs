// Retries: backoff with jitter, each attempt a new request (Nonce, RequestId); per action: src/actions/tests.rs.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { glueModules } from '../fixtures/glue.mjs';

const { backoffMs, retryPolicy } = await glueModules('retry');
// A fault that makes a call hang fails its test instead of stalling the run.
const LIMIT = { timeout: 30_000 };

test('backoff doubles, is capped, and jitters within [ceiling/2, ceiling]', () => {
  const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
  const ceilings = [100, 200, 400, 800, 1000, 1000];
  ceilings.forEach((ceiling, attempt) => {
    assert.equal(backoffMs(attempt, policy, () => 0), ceiling / 2);
    assert.equal(backoffMs(attempt, policy, () => 1), ceiling);
  });
});

test('retry: false turns retries off; the default is 2', () => {
  assert.equal(retryPolicy(false).retries, 0);
  assert.equal(retryPolicy().retries, 2);
});

test('members given as undefined keep their defaults', () => {
  assert.deepEqual(retryPolicy({ retries: undefined, baseDelayMs: undefined, maxDelayMs: 500 }), { ...retryPolicy(), maxDelayMs: 500 });
});

test('a retried signed call gets a fresh Nonce even when the caller gave one', async () => {
  const { createServerClient } = await import('iot-explorer-app');
  const nonces = [];
  const transport = async ({ body }) => {
    nonces.push(JSON.parse(body).Nonce);
    return nonces.length < 3
      ? { status: 503, body: '<html>busy</html>' }
      : { status: 200, body: '{"Response":{"RequestId":"r","Data":{"Token":"t","ExpireAt":1}}}' };
  };
  const server = createServerClient({ appKey: 'k', appSecret: 's', transport, retry: { baseDelayMs: 1 } });
  await server.getTokenByWeiXin({ WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, { nonce: 7 });
  assert.equal(nonces.length, 3);
  assert.equal(nonces[0], 7);
  assert.equal(new Set(nonces).size, 3);
});

test('7. every attempt is a new request with its own RequestId; a given one is used for the first', LIMIT, async () => {
  const seen = [];
  const transport = async ({ body }) => {
    seen.push(JSON.parse(body).RequestId);
    return seen.length % 2 === 1 ? { status: 502, body: '<html>bad gateway</html>' } : { status: 200, body: '{"Response":{"RequestId":"r","Data":{"UserID":"u"}}}' };
  };
  const retry = { baseDelayMs: 1, maxDelayMs: 1 };
  const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport, retry });
  await client.getUser();
  assert.equal(seen.length, 2);
  assert.notEqual(seen[0], seen[1]);
  const server = sdk.createServerClient({ appKey: 'k', appSecret: 's', transport, retry });
  seen.length = 0;
  await server.call('AppGetLatestVersion', { AppPlatform: 'ios' }, { requestId: 'mine' });
  assert.equal(seen[0], 'mine');
  assert.match(seen[1], /^[0-9a-f-]{36}$/);
});
