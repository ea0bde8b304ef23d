// The retry policy itself: bounded exponential backoff with jitter. Which actions repeat is each
// action's definition (src/actions/tests.rs; the clients' retries in node-cjs.test.cjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { glueModules } from '../fixtures/glue.mjs';

const { backoffMs, retryPolicy } = await glueModules('retry');

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
