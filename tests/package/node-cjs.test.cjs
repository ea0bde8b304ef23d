// The package as a CommonJS user gets it: require('iot-explorer-app'), against the emulator,
// which checks every signature with its own node:crypto code.
const test = require('node:test');
const assert = require('node:assert/strict');
const sdk = require('iot-explorer-app');

let emulator;
let keys;
test.before(async () => {
  const mod = await import('../../emulator/server.mjs');
  emulator = await mod.startEmulator();
  keys = { appKey: mod.DEMO_APP_KEY, appSecret: mod.DEMO_APP_SECRET, endpoint: emulator.endpoint };
});
test.after(() => emulator.close());

const wechatUser = (id) => ({ WxOpenID: `o-cjs-${id}`, NickName: '微信用户', Avatar: 'https://example.com/a.png' });

test('exports the documented API', () => {
  for (const name of ['signParams', 'buildAppApiRequest', 'buildTokenApiRequest', 'parseResponse', 'parseLoginResponse',
    'createServerClient', 'createClient', 'fetchTransport', 'wxRequestTransport', 'memoryStorage', 'init', 'diagnostics']) {
    assert.equal(typeof sdk[name], 'function', name);
  }
  assert.equal(typeof sdk.IotExplorerError, 'function');
});

test('server client logs a WeChat user in and the token works', async () => {
  const server = sdk.createServerClient(keys);
  const grant = await server.getTokenByWeiXin(wechatUser(1));
  assert.match(grant.Token, /^[0-9a-f]{48}$/);
  assert.ok(grant.ExpireAt > Date.now() / 1000);
  assert.equal(typeof grant.RequestId, 'string');
  const client = sdk.createClient({ getAccessToken: () => grant, endpoint: emulator.endpoint });
  const user = await client.call('AppGetUser');
  assert.equal(user.Data.NickName, '微信用户');
});

test('signed calls keep the caller-given request id, timestamp and nonce', async () => {
  const server = sdk.createServerClient(keys);
  const requestId = 'fixed-request-id-1';
  const res = await server.call('AppGetTokenByWeiXin', wechatUser(2), { requestId, nonce: 77, timestamp: Math.floor(Date.now() / 1000) });
  assert.equal(res.RequestId, requestId);
  assert.equal(typeof res.Data.Token, 'string');
});

test('a wrong secret is rejected by the server as a typed API error', async () => {
  const server = sdk.createServerClient({ ...keys, appSecret: 'not-the-secret' });
  await assert.rejects(server.getTokenByWeiXin(wechatUser(3)), (e) => {
    assert.ok(e instanceof sdk.IotExplorerError);
    assert.equal(e.kind, 'Api');
    assert.equal(e.code, 'InvalidParameterValue');
    assert.equal(e.message, '签名校验失败');
    assert.equal(e.retryable, false);
    assert.equal(typeof e.requestId, 'string');
    return true;
  });
});

test('missing login fields fail before anything is sent', async () => {
  let sent = 0;
  const server = sdk.createServerClient({ ...keys, transport: async () => { sent++; return { status: 200, body: '{}' }; } });
  // WeChat often gives no nickname: an empty one is sent; an empty WxOpenID never is.
  await assert.rejects(server.getTokenByWeiXin({ WxOpenID: '', NickName: '', Avatar: 'a' }), (e) => {
    assert.equal(e.kind, 'InvalidInput');
    assert.equal(e.code, 'MissingParameter');
    assert.equal(e.param, 'WxOpenID');
    return true;
  });
  assert.equal(sent, 0);
});

test('a caller transport gets the request and its answer is parsed', async () => {
  const seen = [];
  const transport = async (req) => {
    seen.push(req);
    return { status: 200, body: JSON.stringify({ code: 0, msg: '', data: { Data: { Token: 'tok', ExpireAt: 2000000000 }, RequestId: 'r-1' } }) };
  };
  const server = sdk.createServerClient({ ...keys, endpoint: 'oversea', transport, timeoutMs: 1234 });
  const grant = await server.getTokenByWeiXin(wechatUser(4));
  assert.deepEqual(grant, { Token: 'tok', ExpireAt: 2000000000, RequestId: 'r-1' });
  assert.equal(seen.length, 1);
  assert.equal(seen[0].url, 'https://oversea.iotcloud.tencentiotcloud.com/api/exploreropen/appapi');
  assert.equal(seen[0].method, 'POST');
  assert.deepEqual(seen[0].headers, { 'content-type': 'application/json' });
  assert.equal(seen[0].timeoutMs, 1234);
  assert.ok(!seen[0].body.includes(keys.appSecret));
});

test('transport failures and bad transport answers are typed errors', async () => {
  const failing = sdk.createServerClient({ ...keys, transport: async () => { throw new Error('socket hang up'); } });
  await assert.rejects(failing.call('AppGetTokenByWeiXin', wechatUser(5)), (e) => e instanceof sdk.IotExplorerError && e.kind === 'Transport' && e.retryable);
  const wrong = sdk.createServerClient({ ...keys, transport: async () => ({ status: '200', body: {} }) });
  await assert.rejects(wrong.call('AppGetTokenByWeiXin', wechatUser(5)), (e) => e.kind === 'Transport');
});

test('fetch transport: connection refused, timeout, 502 HTML, truncated and empty bodies', async () => {
  const client = (endpoint, timeoutMs = 10000) => sdk.createServerClient({ ...keys, endpoint, timeoutMs, retry: false });
  const closedPort = await new Promise((resolve) => {
    const probe = require('node:net').createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  await assert.rejects(client(`http://127.0.0.1:${closedPort}/api/exploreropen`).call('AppGetTokenByWeiXin', wechatUser(6)),
    (e) => e.kind === 'Transport' && e.retryable && /ECONNREFUSED/.test(e.message));
  const cases = [
    [{ type: 'delay', ms: 1500 }, 300, (e) => e.kind === 'Timeout' && e.retryable],
    [{ type: 'html502' }, 10000, (e) => e.kind === 'Http' && e.status === 502 && e.retryable && /Bad Gateway/.test(e.excerpt)],
    [{ type: 'truncate' }, 10000, (e) => e.kind === 'Parse' && e.status === 200 && e.retryable && /truncated/.test(e.message)],
    [{ type: 'empty' }, 10000, (e) => e.kind === 'Parse' && /empty/.test(e.message)],
    [{ type: 'drop' }, 10000, (e) => e.kind === 'Transport' && e.retryable],
    [{ type: 'slowBody', ms: 1500 }, 300, (e) => e.kind === 'Timeout' && e.retryable],
  ];
  for (const [fault, timeoutMs, check] of cases) {
    emulator.addFault(fault);
    await assert.rejects(client(emulator.endpoint, timeoutMs).call('AppGetTokenByWeiXin', wechatUser(7)), check, fault.type);
  }
});

test('errors serialise to their evidence', () => {
  try {
    sdk.parseResponse(200, '{"Response":{"Error":{"Code":"InvalidAction","Message":"bad"},"RequestId":"r9"}}');
    assert.fail('should throw');
  } catch (e) {
    assert.deepEqual(JSON.parse(JSON.stringify(e)), {
      name: 'IotExplorerError', kind: 'Api', code: 'InvalidAction', message: 'bad', requestId: 'r9',
      status: 200, retryable: false, param: null, excerpt: null,
    });
    assert.ok(e instanceof Error);
    assert.ok(e.stack.includes('IotExplorerError'));
  }
});

test('retryable failures of idempotent calls are retried, each attempt a new request', async () => {
  const seen = [];
  const counting = (inner) => async (req) => {
    seen.push(JSON.parse(req.body));
    return inner(req);
  };
  const server = sdk.createServerClient({ ...keys, transport: counting(sdk.fetchTransport()), retry: { baseDelayMs: 1 } });
  emulator.addFault({ type: 'html502', times: 2 });
  const grant = await server.getTokenByWeiXin(wechatUser(8));
  assert.equal(typeof grant.Token, 'string');
  assert.equal(seen.length, 3);
  assert.equal(new Set(seen.map((b) => b.RequestId)).size, 3, 'a RequestId per attempt, as the official clients send them');
  assert.equal(new Set(seen.map((b) => b.Nonce)).size, 3, 'each attempt signed anew');

  seen.length = 0;
  emulator.addFault({ type: 'html502', times: 5 });
  await assert.rejects(server.getTokenByWeiXin(wechatUser(9)), (e) => e.kind === 'Http' && e.status === 502);
  assert.equal(seen.length, 3, 'two retries, then the error');
  emulator.clearFaults();
});

test('non-idempotent actions are not retried unless the caller opts in', async () => {
  let attempts = 0;
  const flaky = async () => {
    attempts++;
    return { status: 503, body: 'busy' };
  };
  const grant = { Token: 't', ExpireAt: 4102444800 };
  const params = { ProductId: 'p', DeviceName: 'd', Data: { power_switch: 1 } };
  const once = sdk.createClient({ getAccessToken: () => grant, transport: flaky, retry: { baseDelayMs: 1 } });
  await assert.rejects(once.controlDevice(params), (e) => e.kind === 'Http' && e.retryable);
  assert.equal(attempts, 1);
  attempts = 0;
  const optedIn = sdk.createClient({ getAccessToken: () => grant, transport: flaky, retry: { baseDelayMs: 1, retryNonIdempotent: true, retries: 3 } });
  await assert.rejects(optedIn.controlDevice(params));
  assert.equal(attempts, 4);
});
