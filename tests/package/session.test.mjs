// The app-side session: restore, refresh, re-login, single flight, logout, getAccessToken and storage failures.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createClient, memoryStorage, IotExplorerError } from 'iot-explorer-app';
import { isError } from '../fixtures/is-error.mjs';

const NOW = 1_800_000_000_000; // ms

/** A token API that accepts only the tokens in `valid` and records what it receives. */
function fakeServer() {
  const valid = new Set();
  const calls = [];
  const transport = async ({ body }) => {
    const req = JSON.parse(body);
    calls.push(req);
    const ok = valid.has(req.AccessToken);
    const inner = ok
      ? { Data: { UserID: 'u1', Action: req.Action }, RequestId: req.RequestId }
      : { Error: { Code: 'InvalidParameterValue.InvalidAccessToken', Message: 'Token 无效' }, RequestId: req.RequestId };
    return { status: 200, body: JSON.stringify({ code: ok ? 0 : -1000, msg: '', data: inner }) };
  };
  return { valid, calls, transport };
}

/** getAccessToken that mints `tok-1`, `tok-2`, … (registering them with the server). */
function issuer(server, expireAt) {
  const issued = [];
  const getAccessToken = async () => {
    await new Promise((r) => setTimeout(r, 5));
    const Token = `tok-${issued.length + 1}`;
    issued.push(Token);
    server.valid.add(Token);
    return { Token, ExpireAt: expireAt() };
  };
  return { issued, getAccessToken };
}

test('100 parallel calls without a token log in exactly once', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW });
  const results = await Promise.all(Array.from({ length: 100 }, () => client.call('AppGetUser')));
  assert.equal(login.issued.length, 1);
  assert.ok(results.every((r) => r.Data.UserID === 'u1'));
  assert.equal(server.calls.length, 100);
});

test('an expired token is refreshed once for 100 parallel callers', async () => {
  const server = fakeServer();
  let now = NOW;
  const login = issuer(server, () => now / 1000 + 3600);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => now });
  await client.call('AppGetUser');
  now += 3600 * 1000; // past ExpireAt
  await Promise.all(Array.from({ length: 100 }, () => client.call('AppGetUser')));
  assert.deepEqual(login.issued, ['tok-1', 'tok-2']);
  assert.ok(server.calls.slice(1).every((c) => c.AccessToken === 'tok-2'));
});

test('refreshes before expiry by the configured margin', async () => {
  const server = fakeServer();
  let now = NOW;
  const login = issuer(server, () => now / 1000 + 600);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => now, refreshMarginMs: 120_000 });
  await client.call('AppGetUser');
  now += 470 * 1000; // 130 s left: still outside the 120 s margin
  await client.call('AppGetUser');
  assert.equal(login.issued.length, 1);
  now += 20 * 1000; // 110 s left: inside the margin, refreshed before the server would reject it
  await client.call('AppGetUser');
  assert.equal(login.issued.length, 2);
  assert.equal(server.calls.at(-1).AccessToken, 'tok-2');
  assert.equal(client.expireAt, now / 1000 + 600);
});

test('InvalidAccessToken from the server: log in again and retry once', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW });
  await client.call('AppGetUser');
  server.valid.clear(); // revoked at the server
  const res = await client.call('AppGetUser');
  assert.equal(res.Data.UserID, 'u1');
  assert.equal(login.issued.length, 2);
  assert.deepEqual(server.calls.map((c) => c.AccessToken), ['tok-1', 'tok-1', 'tok-2']);
});

test('a token the server keeps rejecting fails after one retry, typed', async () => {
  const server = fakeServer();
  let n = 0;
  const client = createClient({ getAccessToken: async () => ({ Token: `never-valid-${++n}` }), transport: server.transport });
  await assert.rejects(client.call('AppGetUser'), (e) => e instanceof IotExplorerError && e.isAuthError && e.kind === 'Api');
  assert.equal(n, 2);
  assert.equal(server.calls.length, 2);
});

test('restores the session from storage without logging in', async () => {
  const server = fakeServer();
  server.valid.add('stored');
  const storage = memoryStorage();
  storage.set('iot-explorer-app:session', JSON.stringify({ Token: 'stored', ExpireAt: NOW / 1000 + 7200 }));
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage });
  await client.call('AppGetUser');
  assert.equal(login.issued.length, 0);
  assert.equal(client.loggedIn, true);
  assert.equal(server.calls[0].AccessToken, 'stored');
});

test('new tokens are saved to storage; corrupt stored sessions are dropped', async () => {
  const server = fakeServer();
  const storage = memoryStorage();
  storage.set('iot-explorer-app:session', '{not json');
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage });
  await client.call('AppGetUser');
  assert.deepEqual(JSON.parse(storage.get('iot-explorer-app:session')), { Token: 'tok-1', ExpireAt: NOW / 1000 + 7200 });
});

test('a storage that throws does not break calls', async () => {
  const server = fakeServer();
  const failures = [];
  const broken = { get: () => { throw new Error('quota'); }, set: async () => { throw new Error('quota'); }, remove: () => { throw new Error('quota'); } };
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage: broken, onStorageError: (e) => failures.push(e.message) });
  await client.call('AppGetUser');
  await client.logout();
  assert.deepEqual(failures, ['quota', 'quota', 'quota']);
  assert.equal(client.loggedIn, false);
});

test('logout tells the server, clears storage and reports the state change', async () => {
  const server = fakeServer();
  const storage = memoryStorage();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage });
  const states = [];
  const off = client.onLoginStateChange((s) => states.push(s));
  await client.login();
  await client.logout();
  assert.equal(storage.get('iot-explorer-app:session'), null);
  off();
  await client.login();
  assert.deepEqual(states, [true, false]);
  assert.equal(server.calls.find((c) => c.Action === 'AppLogoutUser').AccessToken, 'tok-1');
});

test('getAccessToken failures are typed and leave no session', async () => {
  const client = createClient({ getAccessToken: async () => { throw new Error('cloud function down'); }, transport: fakeServer().transport });
  await assert.rejects(client.call('AppGetUser'), (e) => e instanceof IotExplorerError && /getAccessToken failed: cloud function down/.test(e.message));
  const bad = createClient({ getAccessToken: async () => ({ token: 'lowercase' }), transport: fakeServer().transport });
  await assert.rejects(bad.call('AppGetUser'), (e) => e.kind === 'InvalidInput' && e.param === 'getAccessToken');
  assert.throws(() => createClient({}), (e) => e instanceof IotExplorerError && e.param === 'getAccessToken');
});

test("getAccessToken's own error is not called retryable unless it says so", async () => {
  const bug = createClient({ getAccessToken: () => { throw new TypeError('grant.token is undefined'); } });
  await assert.rejects(bug.call('AppGetUser'), isError({ kind: 'Transport', retryable: false, message: /^getAccessToken failed: grant\.token is undefined$/ }));
  const outage = createClient({ getAccessToken: () => Promise.reject(Object.assign(new Error('try later'), { retryable: true })) });
  await assert.rejects(outage.call('AppGetUser'), isError({ kind: 'Transport', retryable: true }));
  // An SDK error from inside (a server client's login) keeps its own verdict.
  const inner = createClient({ getAccessToken: () => Promise.reject(new IotExplorerError('busy', { kind: 'Http', status: 503, retryable: true })) });
  await assert.rejects(inner.call('AppGetUser'), isError({ kind: 'Http', retryable: true }));
});

test('a logout while a login is in flight: the waiting call fails, nobody is logged back in', async () => {
  const server = fakeServer();
  const storage = memoryStorage();
  let release;
  const getAccessToken = () => new Promise((resolve) => (release = () => { server.valid.add('late'); resolve({ Token: 'late', ExpireAt: NOW / 1000 + 7200 }); }));
  const client = createClient({ getAccessToken, transport: server.transport, clock: () => NOW, storage });
  const states = [];
  client.onLoginStateChange((s) => states.push(s));
  const pending = client.call('AppGetUser');
  await new Promise((r) => setTimeout(r, 5));
  await client.logout();
  release();
  await assert.rejects(pending, (e) => e instanceof IotExplorerError && e.code === 'LoggedOut');
  assert.equal(client.loggedIn, false);
  assert.equal(storage.get('iot-explorer-app:session'), null);
  assert.deepEqual(states, []);
  assert.equal(server.calls.length, 0);
});

test('a token refused after a logout does not log the user back in', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  let hold = null;
  const transport = async (request) => {
    if (hold) await hold;
    return server.transport(request);
  };
  const client = createClient({ getAccessToken: login.getAccessToken, transport, clock: () => NOW });
  await client.login();
  let letGo;
  hold = new Promise((r) => (letGo = r));
  const pending = client.call('AppGetUser');
  await new Promise((r) => setTimeout(r, 5));
  const loggingOut = client.logout();
  server.valid.clear(); // the logout revoked the token at the server
  letGo();
  await loggingOut;
  await assert.rejects(pending, (e) => e instanceof IotExplorerError && e.isAuthError);
  assert.equal(login.issued.length, 1);
  assert.equal(client.loggedIn, false);
});

test('a refused token with no replacement is dropped: logged out, storage cleared', async () => {
  const server = fakeServer();
  const storage = memoryStorage();
  let fail = false;
  const login = issuer(server, () => NOW / 1000 + 7200);
  const getAccessToken = () => (fail ? Promise.reject(new Error('offline')) : login.getAccessToken());
  const client = createClient({ getAccessToken, transport: server.transport, clock: () => NOW, storage });
  const states = [];
  client.onLoginStateChange((s) => states.push(s));
  await client.call('AppGetUser');
  server.valid.clear();
  fail = true;
  await assert.rejects(client.call('AppGetUser'), (e) => e instanceof IotExplorerError && /getAccessToken failed: offline/.test(e.message));
  assert.equal(client.loggedIn, false);
  assert.equal(storage.get('iot-explorer-app:session'), null);
  assert.deepEqual(states, [true, false]);
  fail = false;
  await client.call('AppGetUser'); // logs in afresh when it can
  assert.deepEqual(login.issued, ['tok-1', 'tok-2']);
});

test('logout is best effort at the server: a refused token or no network still logs out', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  let offline = false;
  const transport = (request) => (offline ? Promise.reject(new Error('network down')) : server.transport(request));
  const client = createClient({ getAccessToken: login.getAccessToken, transport, clock: () => NOW, retry: false });
  await client.login();
  server.valid.clear();
  await client.logout();
  assert.equal(client.loggedIn, false);
  await client.login();
  offline = true;
  await client.logout();
  assert.equal(client.loggedIn, false);
});

test('controlDevice with Data JSON cannot hold rejects typed instead of throwing', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW });
  const cyclic = {};
  cyclic.self = cyclic;
  for (const Data of [{ x: 1n }, cyclic, { brightness: NaN }, { at: new Date(0) }]) {
    const result = client.controlDevice({ ProductId: 'P', DeviceName: 'd', Data });
    assert.ok(result instanceof Promise);
    await assert.rejects(result, (e) => e instanceof IotExplorerError && e.param === 'Data');
  }
  assert.equal(server.calls.length, 0);
});

test('an onStorageError that throws breaks nothing', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const broken = { get: () => { throw new Error('quota'); }, set: () => { throw new Error('quota'); }, remove: () => { throw new Error('quota'); } };
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage: broken, onStorageError: () => { throw new Error('handler bug'); } });
  assert.equal(await client.ready(), false);
  assert.equal((await client.call('AppGetUser')).Data.UserID, 'u1');
  await client.logout();
});

test('a token that arrives already inside the refresh margin is used for a minute, not refetched per call', async () => {
  const server = fakeServer();
  let now = NOW;
  const login = issuer(server, () => now / 1000 + 120); // 2 minutes left: inside the 5-minute margin
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => now });
  for (let i = 0; i < 10; i++) await client.call('AppGetUser');
  assert.equal(login.issued.length, 1);
  now += 61 * 1000;
  await client.call('AppGetUser');
  assert.equal(login.issued.length, 2);
});

test('a stored ExpireAt that is not a number is treated as unknown', async () => {
  const server = fakeServer();
  server.valid.add('stored');
  const storage = memoryStorage();
  storage.set('iot-explorer-app:session', JSON.stringify({ Token: 'stored', ExpireAt: '2000000000' }));
  const client = createClient({ getAccessToken: issuer(server, () => 0).getAccessToken, transport: server.transport, clock: () => NOW, storage });
  assert.equal(await client.ready(), true);
  assert.equal(client.expireAt, null);
});

test('timeoutMs holds for a transport that never answers; a bad grant names its code', async () => {
  const login = issuer(fakeServer(), () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: () => new Promise(() => {}), clock: () => NOW, timeoutMs: 50, retry: false });
  const started = Date.now();
  await assert.rejects(client.call('AppGetUser'), (e) => e instanceof IotExplorerError && e.kind === 'Timeout' && e.retryable);
  assert.ok(Date.now() - started < 2000);
  const bad = createClient({ getAccessToken: async () => ({ token: 'lowercase' }), transport: fakeServer().transport });
  await assert.rejects(bad.call('AppGetUser'), (e) => e.code === 'InvalidParameter' && e.param === 'getAccessToken');
});

test('a logout while the new token is being stored still wins', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const saved = new Map();
  let releaseSet = null;
  const storage = {
    get: (key) => saved.get(key) ?? null,
    set: (key, value) => new Promise((resolve) => (releaseSet = () => resolve(saved.set(key, value)))),
    remove: (key) => saved.delete(key),
  };
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage });
  const states = [];
  client.onLoginStateChange((s) => states.push(s));
  const pending = client.call('AppGetUser');
  while (!releaseSet) await new Promise((r) => setTimeout(r, 1));
  const loggingOut = client.logout(); // its storage remove waits for the set before it
  assert.equal(client.loggedIn, false);
  releaseSet();
  await loggingOut;
  await assert.rejects(pending, (e) => e.code === 'LoggedOut');
  assert.equal(client.loggedIn, false);
  assert.equal(saved.get('iot-explorer-app:session'), undefined);
  assert.deepEqual(states, [], 'no false without a true before it');
});

test('a login after a logout starts afresh instead of joining the overtaken one', async () => {
  const server = fakeServer();
  let n = 0;
  const releases = [];
  const getAccessToken = () =>
    new Promise((resolve) => {
      const Token = `tok-${++n}`;
      releases.push(() => {
        server.valid.add(Token);
        resolve({ Token, ExpireAt: NOW / 1000 + 7200 });
      });
    });
  const client = createClient({ getAccessToken, transport: server.transport, clock: () => NOW });
  const first = client.call('AppGetUser').catch((e) => e); // it fails at the logout, before we look
  await new Promise((r) => setTimeout(r, 1));
  await client.logout();
  const loggingIn = client.login();
  const second = client.call('AppGetUser');
  await new Promise((r) => setTimeout(r, 1));
  assert.equal(releases.length, 2, 'the login after the logout asked for a token of its own');
  releases.forEach((release) => release());
  assert.equal((await first).code, 'LoggedOut');
  await loggingIn;
  assert.equal((await second).Data.UserID, 'u1');
  assert.equal(server.calls.at(-1).AccessToken, 'tok-2');
});

test('after logout(), calls and subscribes reject NotLoggedIn without asking getAccessToken, until login()', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW });
  await client.call('AppGetUser');
  await client.logout();
  await assert.rejects(client.call('AppGetUser'), isError({ kind: 'InvalidInput', code: 'NotLoggedIn', message: /login\(\)/ }));
  await assert.rejects(client.getFamilyList(), isError({ kind: 'InvalidInput', code: 'NotLoggedIn' }));
  assert.equal(login.issued.length, 1, 'no login behind the app\'s back');
  await client.login();
  assert.equal((await client.call('AppGetUser')).Data.UserID, 'u1');
  assert.deepEqual(login.issued, ['tok-1', 'tok-2']);
});

test('with a storage whose operations finish out of order, a logout between two logins keeps the second', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const saved = new Map();
  const later = (ms, fn) => new Promise((resolve) => setTimeout(() => resolve(fn()), ms));
  // A set takes 30 ms, a remove 1 ms: unordered, a remove issued after a set would land first.
  const storage = {
    get: (key) => later(1, () => saved.get(key) ?? null),
    set: (key, value) => later(30, () => saved.set(key, value)),
    remove: (key) => later(1, () => saved.delete(key)),
  };
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage });
  const states = [];
  client.onLoginStateChange((s) => states.push(s));
  await client.login();
  const first = client.call('AppGetUser').catch((e) => e);
  await client.logout();
  await client.login();
  await first;
  assert.equal(client.loggedIn, true);
  assert.equal(JSON.parse(saved.get('iot-explorer-app:session')).Token, login.issued.at(-1));
  assert.deepEqual(states, [true, false, true]);
});

test('getTokenByWeiXin sends a missing or empty NickName as 微信用户, a missing Avatar empty', async () => {
  const { createServerClient } = await import('iot-explorer-app');
  const bodies = [];
  const transport = async ({ body }) => {
    bodies.push(JSON.parse(body));
    return { status: 200, body: '{"Response":{"RequestId":"r","Data":{"Token":"t","ExpireAt":1}}}' };
  };
  const server = createServerClient({ appKey: 'k', appSecret: 's', transport });
  await server.getTokenByWeiXin({ WxOpenID: 'o' });
  await server.getTokenByWeiXin({ WxOpenID: 'o', NickName: '', Avatar: null });
  await server.getTokenByWeiXin({ WxOpenID: 'o', NickName: 'Alice', Avatar: 'https://a/b.png' });
  assert.deepEqual(bodies.map((b) => [b.NickName, b.Avatar]), [['微信用户', ''], ['微信用户', ''], ['Alice', 'https://a/b.png']]);
});

test('a storage call that never settles is given up after 5 s instead of holding every later one', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const failures = [];
  const storage = { get: () => new Promise(() => {}), set: () => {}, remove: () => {} };
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW, storage, onStorageError: (e) => failures.push(e.message) });
  assert.equal((await client.call('AppGetUser')).Data.UserID, 'u1');
  await client.logout();
  assert.match(failures[0], /storage get gave no answer within 5000 ms/);
});

test('a listener that logs out when told of a login: every listener hears true, then false', async () => {
  const server = fakeServer();
  const login = issuer(server, () => NOW / 1000 + 7200);
  const client = createClient({ getAccessToken: login.getAccessToken, transport: server.transport, clock: () => NOW });
  let loggingOut = null;
  client.onLoginStateChange((s) => {
    if (s) loggingOut = client.logout();
  });
  const heard = [];
  client.onLoginStateChange((s) => heard.push(s));
  // The login it asked for ends in that logout.
  await assert.rejects(client.login(), (e) => e.code === 'LoggedOut');
  await loggingOut;
  assert.deepEqual(heard, [true, false]);
  assert.equal(client.loggedIn, false);
});

test('a logout fails at once a call waiting to replace a refused token', async () => {
  const server = fakeServer();
  let n = 0;
  const getAccessToken = () =>
    new Promise((resolve) => {
      const Token = `tok-${++n}`;
      server.valid.add(Token);
      setTimeout(() => resolve({ Token, ExpireAt: NOW / 1000 + 7200 }), n === 1 ? 0 : 500);
    });
  const client = createClient({ getAccessToken, transport: server.transport, clock: () => NOW });
  await client.login();
  server.valid.clear(); // refused from now on: the call waits for a replacement that takes 500 ms
  const pending = client.call('AppGetUser').catch((e) => e);
  await new Promise((r) => setTimeout(r, 20));
  const started = Date.now();
  await client.logout();
  assert.equal((await pending).code, 'LoggedOut');
  assert.ok(Date.now() - started < 300, 'not after the replacement answered');
});

test('null where options may go is taken as none; a timeoutMs that is not a number is a typed error', async () => {
  const { createServerClient } = await import('iot-explorer-app');
  const answer = async () => ({ status: 200, body: '{"Response":{"RequestId":"r","FamilyList":[],"Total":0,"Data":{"Token":"t","ExpireAt":1}}}' });
  const server = createServerClient({ appKey: 'k', appSecret: 's', transport: answer });
  assert.equal((await server.call('AppGetTokenByWeiXin', { WxOpenID: 'o', NickName: '', Avatar: '' }, null)).RequestId, 'r');
  await assert.rejects(server.getTokenByWeiXin(null), (e) => e instanceof IotExplorerError && e.param === 'WxOpenID');
  const client = createClient({ getAccessToken: async () => ({ Token: 't' }), transport: answer });
  for await (const family of client.families(null)) assert.fail(family);
  for (const timeoutMs of ['200', -1, NaN]) {
    assert.throws(() => createClient({ getAccessToken: async () => ({ Token: 't' }), timeoutMs }), (e) => e instanceof IotExplorerError && e.param === 'timeoutMs');
  }
});
