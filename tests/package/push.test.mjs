// The push channel over `ws`: typed frames to their subscribers, reconnects, backoff, heartbeats, tokens, checks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { until } from '../fixtures/until.mjs';
import * as sdk from 'iot-explorer-app';
import { isError } from '../fixtures/is-error.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { emulatorFor } from './emulated.mjs';

const { createClient } = sdk;
// A fault that makes a call hang fails its test instead of stalling the run.
const LIMIT = { timeout: 30_000 };
const FAST = { heartbeatMs: 100, replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 };
/** FAST with no heartbeat within a test. */
const QUIET = { ...FAST, heartbeatMs: 60_000 };

/** A logged-in client on the emulator with its devices, its logins and what its push channel reports. */
async function loggedIn(t, emulator, { push = QUIET, openId = `o-push-${t.name.length}` } = {}) {
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const logins = [];
  const getAccessToken = async () => {
    const grant = await server.getTokenByWeiXin({ WxOpenID: openId, NickName: 'Push', Avatar: 'https://a/b.png' });
    logins.push(grant.Token);
    return grant;
  };
  const pushErrors = [];
  const client = sdk.createClient({ getAccessToken, endpoint: emulator.endpoint, push, onPushError: (e) => pushErrors.push(e) });
  const family = (await client.getFamilyList()).FamilyList[0];
  const devices = (await client.getFamilyDeviceList({ FamilyId: family.FamilyId })).DeviceList;
  t.after(() => client.logout());
  return { client, devices, pushErrors, logins };
}

/** A client of its own emulator, subscribed to its light. */
async function setUp(t, pushOptions = FAST) {
  const emulator = await emulatorFor(t);
  const { client, devices, pushErrors: errors, logins } = await loggedIn(t, emulator, { push: pushOptions });
  const light = devices.find((d) => d.ProductId === 'LIGHT0PROD');
  const events = [];
  const unsubscribe = await client.subscribe([light.DeviceId], (e) => events.push(e));
  t.after(unsubscribe);
  await until(() => emulator.push.stats.subscribes === 1, 'the subscription');
  return { emulator, client, light, events, logins, errors, unsubscribe };
}

/** The emulator of the tests that only need its address (the others start their own). */
let emulator;
test.before(async () => {
  emulator = await startEmulator();
});
test.after(() => emulator.close());

test('events arrive typed', async (t) => {
  const { emulator, client, light, events } = await setUp(t);
  await client.controlDevice({ ProductId: light.ProductId, DeviceName: light.DeviceName, Data: { brightness: 20 } });
  emulator.push.event(light.DeviceId, 'overheat', { temperature: 80 });
  emulator.push.setOnline(light.DeviceId, false);
  await until(() => events.length === 4, 'four events');
  assert.deepEqual(events.map((e) => e.type), ['ControlPush', 'PropertyReport', 'Event', 'StatusChange']);
  assert.deepEqual(events[1].params, { brightness: 20 });
  assert.equal(events[1].deviceId, light.DeviceId);
  assert.match(events[1].time, /^\d{4}-\d\d-\d\dT/);
  assert.equal(events[2].eventId, 'overheat');
  assert.equal(events[3].online, false);
});

test('a dropped connection is re-established and resubscribed', async (t) => {
  const { emulator, light, events } = await setUp(t);
  emulator.push.dropAll();
  await until(() => emulator.push.stats.subscribes === 2, 'the resubscription');
  assert.equal(emulator.push.stats.connections, 2);
  emulator.push.report(light.DeviceId, { power_switch: 1 });
  const reports = () => events.filter((e) => e.type === 'PropertyReport');
  await until(() => reports().length === 1, 'an event after the reconnect');
  assert.deepEqual(reports()[0].params, { power_switch: 1 });
  // The resync's two calls may end before or after the live report.
  await until(() => events.some((e) => e.type === 'Resync'), 'the state fetched after the reconnect');
});

test('heartbeats keep going on their interval', async (t) => {
  const { emulator } = await setUp(t);
  await until(() => emulator.push.stats.heartbeats >= 3, 'three heartbeats', 3000);
});

test('a rejected token is refreshed through the session and the devices resubscribed', async (t) => {
  const { emulator, light, events, logins } = await setUp(t);
  emulator.world.tokens.clear();
  emulator.push.dropAll();
  await until(() => logins.length === 2 && emulator.push.stats.subscribes === 2, 'a new login and resubscription');
  emulator.push.report(light.DeviceId, { brightness: 5 });
  await until(() => events.some((e) => e.type === 'PropertyReport'), 'an event with the new token');
});

test('malformed frames go to onPushError, not to a device; a throwing listener does not break the channel', async (t) => {
  const { emulator, client, light, events, errors } = await setUp(t);
  const offBuggy = await client.subscribe([light.DeviceId], () => {
    throw new Error('listener bug');
  });
  t.after(offBuggy);
  emulator.push.raw('not json at all');
  emulator.push.raw('{"push":true,"action":"DeviceChange","params":{"Type":"Property"}}');
  emulator.push.report(light.DeviceId, { power_switch: 0 });
  await until(() => events.length === 1, 'the report');
  assert.deepEqual(events.map((e) => e.type), ['PropertyReport']);
  const unread = errors.filter((e) => e.kind === 'Parse');
  assert.deepEqual(unread.map((e) => e.excerpt), ['not json at all', '{"push":true,"action":"DeviceChange","params":{"Type":"Property"}}']);
  assert.ok(errors.some((e) => e instanceof sdk.IotExplorerError && /listener bug/.test(e.message)));
});

test('logout ends the subscriptions and closes the socket', async (t) => {
  const { emulator, client, light, events } = await setUp(t);
  await client.logout();
  await until(() => emulator.push.openSockets() === 0, 'the socket to close on logout');
  emulator.push.report(light.DeviceId, { power_switch: 1 });
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(events, []);
});

test('unsubscribing the last device closes the socket; bad arguments are typed errors', async (t) => {
  const { emulator, client, unsubscribe } = await setUp(t);
  unsubscribe();
  await until(() => emulator.push.stats.connections === 1 && emulator.push.openSockets() === 0, 'the socket to close');
  await assert.rejects(client.subscribe([], () => {}), (e) => e instanceof sdk.IotExplorerError && e.kind === 'InvalidInput');
  await assert.rejects(client.subscribe(['p/d']), (e) => e instanceof sdk.IotExplorerError && e.param === 'deviceIds');
});

test('subscribe refuses an empty list and ids that are not "ProductId/DeviceName"', async () => {
  let logins = 0;
  const client = createClient({ getAccessToken: () => (logins++, { Token: 't' }), endpoint: emulator.endpoint });
  await assert.rejects(client.subscribe([], () => {}), isError({ code: 'InvalidParameter', param: 'deviceIds', message: /at least one device id/ }));
  for (const id of ['justname', 'a/b/c', 'P/', '/D', '', 7]) {
    await assert.rejects(client.subscribe([id], () => {}), isError({ code: 'InvalidParameter', param: 'deviceIds', message: /"ProductId\/DeviceName"/ }), String(id));
  }
  assert.equal(logins, 0, 'nothing was sent for a refused subscribe');
});

test('a subscription the core or the server refuses rejects typed and subscribes nothing', async (t) => {
  const { emulator, client, light, events } = await setUp(t);
  const other = [];
  await assert.rejects(client.subscribe([''], (e) => other.push(e)), (e) => e instanceof sdk.IotExplorerError && e.param === 'deviceIds');
  emulator.push.refuseNextSubscription('APPNoPermissionToStudioProduct', '无权限');
  const started = Date.now();
  await assert.rejects(client.subscribe(['OTHER0PROD/x'], (e) => other.push(e)), (e) => e instanceof sdk.IotExplorerError && e.kind === 'Api' && e.code === 'APPNoPermissionToStudioProduct');
  assert.ok(Date.now() - started < FAST.replyTimeoutMs, 'the refusal, not the reply timeout, ended the wait');
  // The earlier subscription still works, and the refused callback gets nothing.
  emulator.push.report(light.DeviceId, { power_switch: 1 });
  await until(() => events.length === 1, 'an event for the device still subscribed');
  assert.deepEqual(other, []);
});

test('a socket opener that throws is retried, reported, and never an unhandled rejection', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const getAccessToken = () => server.getTokenByWeiXin({ WxOpenID: 'o-push-opener', NickName: 'Push', Avatar: 'https://a/b.png' });
  const real = sdk.webSocketOpener((await import('ws')).default);
  let opens = 0;
  const socket = (url, on) => {
    if (++opens === 1) throw new Error('SecurityError: insecure WebSocket');
    return real(url, on);
  };
  const errors = [];
  const client = sdk.createClient({ getAccessToken, endpoint: emulator.endpoint, push: FAST, socket, onPushError: (e) => errors.push(e) });
  const family = (await client.getFamilyList()).FamilyList[0];
  const light = (await client.getFamilyDeviceList({ FamilyId: family.FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  const events = [];
  t.after(await client.subscribe([light.DeviceId], (e) => events.push(e)));
  await until(() => emulator.push.stats.subscribes === 1, 'the subscription over the second socket');
  assert.equal(opens, 2);
  assert.ok(errors.some((e) => e instanceof sdk.IotExplorerError && /insecure WebSocket/.test(e.message)));
  emulator.push.report(light.DeviceId, { power_switch: 1 });
  await until(() => events.length === 1, 'an event');
});

test('a refused subscribe takes back only what it added; a logout overtakes a subscribe', async (t) => {
  const { emulator, client, light, events } = await setUp(t);
  const mine = [];
  const onEvent = (e) => mine.push(e);
  t.after(await client.subscribe([light.DeviceId], onEvent));
  await assert.rejects(client.subscribe([light.DeviceId, ''], onEvent), (e) => e instanceof sdk.IotExplorerError && e.param === 'deviceIds');
  emulator.push.report(light.DeviceId, { power_switch: 1 });
  await until(() => mine.length === 1 && events.length === 1, 'the event for both callbacks still subscribed');

  const pending = client.subscribe([light.DeviceId], () => {});
  const loggingOut = client.logout();
  await assert.rejects(pending, (e) => e instanceof sdk.IotExplorerError && e.code === 'LoggedOut');
  await loggingOut;
  assert.equal(client.loggedIn, false);
  await until(() => emulator.push.openSockets() === 0, 'the socket to close');
});

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

test('what a device reports while the socket is down reaches the app after the reconnect (Resync), with the link\'s states', LIMIT, async (t) => {
  const emulator = await emulatorFor(t);
  const { client, devices } = await loggedIn(t, emulator, { push: FAST });
  const light = devices.find((d) => d.ProductId === 'LIGHT0PROD');
  const states = [];
  const stop = client.onPushState((state) => states.push(state));
  const events = [];
  t.after(await client.subscribe([light.DeviceId], (e) => events.push(e)));
  await until(() => states.includes('connected'), 'connected');

  // The push server drops every socket: the light reports twice meanwhile, heard by nobody.
  emulator.push.dropOnConnect(true);
  emulator.push.dropAll();
  await until(() => states.includes('disconnected'), 'disconnected');
  emulator.push.report(light.DeviceId, { brightness: 11 });
  emulator.push.report(light.DeviceId, { power_switch: 1 });
  assert.ok(!events.some((e) => e.type === 'PropertyReport'), 'nothing heard while down');
  emulator.push.dropOnConnect(false);
  await until(() => events.some((e) => e.type === 'Resync'), 'the resync', 10_000);
  const resync = events.find((e) => e.type === 'Resync');
  assert.ok(resync.type === 'Resync');
  assert.deepEqual([resync.deviceId, resync.data.brightness.Value, resync.data.power_switch.Value, resync.online], [light.DeviceId, 11, 1, true]);
  assert.deepEqual(states.slice(0, 2), ['connected', 'disconnected']);
  assert.ok(states.includes('reconnected'));

  // Reports after the reconnect arrive as usual; a listener stopped hears nothing more.
  stop();
  const before = states.length;
  emulator.push.report(light.DeviceId, { brightness: 12 });
  await until(() => events.some((e) => e.type === 'PropertyReport' && e.params.brightness === 12), 'the next report');
  emulator.push.dropAll();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(states.length, before);
  assert.throws(() => client.onPushState('not a function'), (e) => e.kind === 'InvalidInput' && e.param === 'listener');
});
