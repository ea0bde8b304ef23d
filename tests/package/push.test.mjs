// The push channel in Node (the `ws` package as the socket): typed events, reconnect and
// resubscribe after drops, heartbeats, token refresh, malformed frames, unsubscribe.
import test from 'node:test';
import assert from 'node:assert/strict';
import { until } from '../fixtures/until.mjs';
import * as sdk from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../emulator/server.mjs';

const FAST = { heartbeatMs: 100, replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 };

async function setUp(t, pushOptions = FAST) {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const logins = [];
  const getAccessToken = async () => {
    const grant = await server.getTokenByWeiXin({ WxOpenID: `o-push-${t.name.length}`, NickName: 'Push', Avatar: 'https://a/b.png' });
    logins.push(grant.Token);
    return grant;
  };
  const errors = [];
  const client = sdk.createClient({ getAccessToken, endpoint: emulator.endpoint, push: pushOptions, onPushError: (e) => errors.push(e) });
  const family = (await client.getFamilyList()).FamilyList[0];
  const devices = (await client.getFamilyDeviceList({ FamilyId: family.FamilyId })).DeviceList;
  const light = devices.find((d) => d.ProductId === 'LIGHT0PROD');
  const events = [];
  const unsubscribe = await client.subscribe([light.DeviceId], (e) => events.push(e));
  t.after(unsubscribe);
  await until(() => emulator.push.stats.subscribes === 1, 'the subscription');
  return { emulator, client, light, events, logins, errors, unsubscribe };
}

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
  await until(() => events.length === 1, 'an event after the reconnect');
  assert.deepEqual(events[0].params, { power_switch: 1 });
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
  await until(() => events.length === 1, 'an event with the new token');
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
