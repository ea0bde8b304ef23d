// The faults outside testing found (issue 17), each through the public API against the emulator
// or a transport of the test's own: push token refusals, reconnect storms, frames for no device,
// transports that answer nonsense, retries and their RequestIds, clocks learned from `Date`, and
// envelopes and frames the service was never seen sending.
import test from 'node:test';
import assert from 'node:assert/strict';
import { until } from '../fixtures/until.mjs';
import * as sdk from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../emulator/server.mjs';

// A fault that makes a call hang fails its test instead of stalling the run.
const LIMIT = { timeout: 30_000 };
const FAST = { heartbeatMs: 60_000, replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 };

async function emulatorFor(t, options) {
  const emulator = await startEmulator(options);
  t.after(() => emulator.close());
  return emulator;
}

/** A logged-in client on the emulator with its light, and what its push channel reports. */
async function loggedIn(t, emulator, { push = FAST, openId = `o-faults-${t.name.length}` } = {}) {
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const getAccessToken = () => server.getTokenByWeiXin({ WxOpenID: openId, NickName: 'Faults', Avatar: 'https://a/b.png' });
  const pushErrors = [];
  const client = sdk.createClient({ getAccessToken, endpoint: emulator.endpoint, push, onPushError: (e) => pushErrors.push(e) });
  const family = (await client.getFamilyList()).FamilyList[0];
  const devices = (await client.getFamilyDeviceList({ FamilyId: family.FamilyId })).DeviceList;
  t.after(() => client.logout());
  return { client, devices, pushErrors };
}

test('1. a push token the server refuses fails subscribe() after the one new login, and onPushError hears it', LIMIT, async (t) => {
  const emulator = await emulatorFor(t);
  for (const tokens of [['unknown'], ['unknown-1', 'unknown-2', 'unknown-3']]) {
    const handed = [];
    const getAccessToken = async () => {
      handed.push(tokens[Math.min(handed.length, tokens.length - 1)]);
      return { Token: handed.at(-1), ExpireAt: Math.floor(Date.now() / 1000) + 7200 };
    };
    const pushErrors = [];
    // A reply timeout far beyond the test: a subscribe() that only times out would hang it.
    const push = { ...FAST, replyTimeoutMs: 600_000 };
    const client = sdk.createClient({ getAccessToken, endpoint: emulator.endpoint, push, onPushError: (e) => pushErrors.push(e) });
    await assert.rejects(client.subscribe(['LIGHT0PROD/x'], () => {}), (e) => {
      assert.ok(e instanceof sdk.IotExplorerError);
      assert.equal(e.isAuthError, true, e.message);
      return true;
    });
    assert.equal(handed.length, 2, `the first token and one new login (${tokens.length} distinct)`);
    assert.ok(pushErrors.some((e) => e.isAuthError), 'onPushError is told too');
    await client.logout();
  }
});

test('2. a push server that accepts and drops every socket sees the backoff grow (scaled: 1 s = 1 min)', LIMIT, async (t) => {
  const emulator = await emulatorFor(t);
  const minute = 1000; // the default timings divided by 60
  const scaled = (ms) => Math.round(ms / 60);
  const push = { heartbeatMs: scaled(50_000), replyTimeoutMs: scaled(20_000), reconnectMinMs: scaled(2000), reconnectMaxMs: scaled(60_000) };
  const { client, devices } = await loggedIn(t, emulator, { push });
  emulator.push.dropOnConnect(true);
  const unsubscribe = await client.subscribe([devices[0].DeviceId], () => {});
  await new Promise((r) => setTimeout(r, 4 * minute));
  const settled = emulator.push.stats.connections;
  await new Promise((r) => setTimeout(r, 4 * minute));
  const steady = emulator.push.stats.connections - settled;
  t.diagnostic(`${settled} connections in the first 4 scaled minutes, ${steady} in the next 4`);
  unsubscribe();
  assert.ok(steady <= 6 * 4, `${steady} connections in 4 scaled minutes once backing off (at most 6 a minute)`);
  assert.ok(steady >= 1, 'it does keep trying');
});

test('3. a frame reaches the subscribers of its device only; one for no valid device goes to onPushError', LIMIT, async (t) => {
  const emulator = await emulatorFor(t);
  const { client, devices, pushErrors } = await loggedIn(t, emulator);
  const [first, second] = devices;
  const heard = { [first.DeviceId]: [], [second.DeviceId]: [] };
  await client.subscribe([first.DeviceId], (e) => heard[first.DeviceId].push(e));
  await client.subscribe([second.DeviceId], (e) => heard[second.DeviceId].push(e));
  const frame = (DeviceId) =>
    JSON.stringify({ push: true, action: 'DeviceChange', params: { DeviceId, Type: 'StatusChange', SubType: 'Offline', Time: '2026-01-01T00:00:00Z' } });
  for (const id of ['', 'justname', 'a/b/c', 'P/']) emulator.push.raw(frame(id));
  emulator.push.raw(frame(first.DeviceId));
  await until(() => heard[first.DeviceId].length === 1 && pushErrors.length === 4, 'the frames');
  assert.deepEqual(heard[second.DeviceId], []);
  assert.equal(heard[first.DeviceId][0].type, 'StatusChange');
  assert.ok(pushErrors.every((e) => e instanceof sdk.IotExplorerError && e.kind === 'Parse' && e.excerpt.includes('"DeviceId"')));
});

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
  await server.call('AppGetGlobalConfig', {}, { requestId: 'mine' });
  assert.equal(seen[0], 'mine');
  assert.match(seen[1], /^[0-9a-f-]{36}$/);
});

test("8. the server client learns its clock from any answer's Date header, whatever the refusal's code says", LIMIT, async (t) => {
  const ahead = 3600_000;
  const emulator = await emulatorFor(t, { clock: () => Date.now() + ahead });
  const sent = [];
  const withDate = async (req) => {
    sent.push(JSON.parse(req.body).Timestamp);
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
    // Only the Date header, as a plain object with its name in another case (wx.request's `header`).
    return { status: res.status, body: await res.text(), headers: { DATE: res.headers.get('date') } };
  };
  const user = { WxOpenID: 'o-date', NickName: 'Date', Avatar: 'https://a/b.png' };
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint, transport: withDate, retry: false });
  assert.equal(typeof (await server.getTokenByWeiXin(user)).Token, 'string');
  assert.equal(sent.length, 2, 'refused once, then signed again with the server time');
  assert.ok(Math.abs(server.clockOffsetMs - ahead) < 2000, String(server.clockOffsetMs));

  // With fetch's own Headers, and no refusal needed: a success's Date teaches the offset as well.
  const fetching = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint, retry: false, clockOffsetMs: ahead - 60_000 });
  await fetching.getTokenByWeiXin(user);
  assert.ok(Math.abs(fetching.clockOffsetMs - ahead) < 2000, String(fetching.clockOffsetMs));

  // A clock within the tolerance is left alone: no churn from a Date's whole seconds.
  const close = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint, retry: false, clockOffsetMs: ahead - 10_000 });
  await close.getTokenByWeiXin(user);
  assert.equal(close.clockOffsetMs, ahead - 10_000);
});

test('8. wx.request hands the response headers over', LIMIT, async () => {
  const wx = {
    request: (o) => setTimeout(() => o.success({ statusCode: 200, data: '{}', header: { Date: 'Thu, 01 Jan 2026 00:00:00 GMT' } }), 0),
  };
  const res = await sdk.wxRequestTransport({ wx })({ url: 'https://x/', method: 'POST', headers: {}, body: '{}', timeoutMs: 1000 });
  assert.deepEqual(res.headers, { Date: 'Thu, 01 Jan 2026 00:00:00 GMT' });
});

test('12. envelopes the service was never seen sending reach the caller as typed API errors', LIMIT, async (t) => {
  const emulator = await emulatorFor(t);
  const { client } = await loggedIn(t, emulator);
  emulator.addFault({ type: 'codeWithoutError', action: 'AppGetUser', code: 1001, message: 'busy' });
  await assert.rejects(client.getUser(), (e) => e.kind === 'Api' && e.code === '1001' && e.message === 'busy');
  emulator.addFault({ type: 'errorWithCodeZero', action: 'AppGetUser', code: 'InvalidParameterValue', message: 'bad' });
  await assert.rejects(client.getUser(), (e) => e.kind === 'Api' && e.code === 'InvalidParameterValue' && !e.retryable);
  emulator.addFault({ type: 'apiError', action: 'AppGetUser', code: 'UnauthorizedOperation.APPNoPermissionToStudioProduct', message: 'App对操作该产品无权限' });
  await assert.rejects(client.getUser(), (e) => e.kind === 'Api' && e.code === 'UnauthorizedOperation.APPNoPermissionToStudioProduct' && !e.isAuthError);
});

test('12. Bind, Unbind, Action and gateway frames reach their device, typed', LIMIT, async (t) => {
  const emulator = await emulatorFor(t);
  const { client, devices } = await loggedIn(t, emulator);
  const id = devices[0].DeviceId;
  const events = [];
  await client.subscribe([id], (e) => events.push(e));
  emulator.push.change(id, 'StatusChange', 'Bind', {});
  emulator.push.change(id, 'StatusChange', 'Unbind', {});
  emulator.push.change(id, 'Action', 'Push', { method: 'action', actionId: 'open', clientToken: 'c1', params: { seconds: 5 } });
  emulator.push.change(id, 'Action', 'Report', { method: 'action_reply', clientToken: 'c1', code: 0, response: { ok: 1 } });
  emulator.push.change(id, 'Gateway', 'bind', [{ ProductId: 'SUB0PROD', DeviceName: 'child' }]);
  await until(() => events.length === 5, 'five events');
  // Action frames and gateway sub-device lists are typed (issue 15), no longer Unknown / the gateway's own Bind.
  assert.deepEqual(events.map((e) => e.type), ['Bind', 'Unbind', 'ActionPush', 'ActionReport', 'SubDeviceChange']);
  assert.ok(events.every((e) => e.deviceId === id));
  assert.deepEqual([events[2].actionId, events[2].params, events[3].clientToken, events[3].response], ['open', { seconds: 5 }, 'c1', { ok: 1 }]);
  assert.deepEqual(events[4].subDevices, [{ ProductId: 'SUB0PROD', DeviceName: 'child' }]);
});
