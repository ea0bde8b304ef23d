// Reporting for a Bluetooth device (issue 28, group 4), through the public client against the
// emulator: a property report is the device's own (its state, history, push, and an automation
// fires on it), an event lands in its history (an alert in the message center), a published
// action reply reaches the caller as the device's ActionReport push; bad input refused first.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { until } from '../fixtures/until.mjs';
import { twoUsers } from './two-users.mjs';

const LIMIT = { timeout: 30_000 };

async function home(t) {
  const { emulator, alice } = await twoUsers(t);
  const devices = (await alice.client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList;
  const device = (prefix) => devices.find((d) => d.ProductId.startsWith(prefix));
  return { emulator, alice, light: device('LIGHT'), plug: device('PLUG'), sensor: device('SENSOR') };
}

test('a BLE report is the device\'s own: its state, its history, the push, and an automation that fires on it', LIMIT, async (t) => {
  const { alice, plug, sensor } = await home(t);
  const { client, FamilyId } = alice;
  await client.controlDevice({ DeviceId: plug.DeviceId, Data: { power_switch: 0 } });
  await client.createAutomation({
    FamilyId, Name: 'BLE warm', Icon: '', Status: 1, MatchType: 0, EffectiveBeginTime: '00:00', EffectiveEndTime: '23:59', EffectiveDays: '1111111',
    Conditions: [{ CondId: 't', CondType: 0, Property: { ProductId: sensor.ProductId, DeviceName: sensor.DeviceName, PropertyId: 'temperature', Op: 'gt', Value: 26 } }],
    Actions: [{ ActionType: 0, ProductId: plug.ProductId, DeviceName: plug.DeviceName, Data: { power_switch: 1 } }],
  });
  const pushes = [];
  await client.subscribe([sensor.DeviceId], (e) => pushes.push(e));

  // The iOS app's shape: ProductId + DeviceName and DataTimeStamp (sent as DeviceId, the page's).
  const at = Date.now();
  const { DataParsed } = await client.reportDataAsDevice({ ProductId: sensor.ProductId, DeviceName: sensor.DeviceName, Data: { temperature: 29.5 }, DataTimeStamp: at });
  assert.deepEqual(DataParsed, {}, 'the page\'s empty Data');
  assert.equal((await client.getDeviceData({ DeviceId: sensor.DeviceId })).DataParsed.temperature.Value, 29.5);
  assert.equal((await client.getDeviceData({ DeviceId: plug.DeviceId })).DataParsed.power_switch.Value, 1, 'the automation fired');
  await until(() => pushes.some((e) => e.type === 'PropertyReport' && e.params.temperature === 29.5), 'the report push');
  const readings = [];
  for await (const r of client.deviceDataHistory({ DeviceId: sensor.DeviceId, FieldName: 'temperature', MinTime: at - 60_000, MaxTime: Date.now() + 60_000 })) readings.push(Number(r.Value));
  assert.equal(readings.at(-1), 29.5, `the newest reading of ${readings}`);
  // The page's shape: DeviceId and TimeStamp.
  await client.reportDataAsDevice({ DeviceId: sensor.DeviceId, Data: '{"humidity":55}', TimeStamp: Date.now() });
  assert.equal((await client.getDeviceData({ DeviceId: sensor.DeviceId })).DataParsed.humidity.Value, 55);
});

test('a BLE event lands in the history (an alert in the message center); a published action reply is the device\'s ActionReport', LIMIT, async (t) => {
  const { alice, light } = await home(t);
  const { client } = alice;
  await client.reportDeviceEvent({ DeviceId: light.DeviceId, EventId: 'overheat', Params: { temperature: 91 } });
  const history = [];
  for await (const e of client.eventHistory({ DeviceId: light.DeviceId })) history.push([e.EventId, e.Type, JSON.parse(e.Data ?? '{}').temperature]);
  assert.deepEqual(history, [['overheat', 'alert', 91]]);
  const [alert] = (await client.getMessages({ Category: 1, Limit: 1 })).Data.Msgs;
  assert.deepEqual([alert.MsgType, alert.DeviceName], [101, light.DeviceName]);

  // The app answers an action for the device: the caller gets the ActionReport push.
  const replies = [];
  await client.subscribe([light.DeviceId], (e) => e.type === 'ActionReport' && replies.push(e));
  const reply = { method: 'action_reply', clientToken: 'ble-1', code: 0, status: 'done', response: { err_code: 0 } };
  const topic = `$thing/up/action/${light.ProductId}/${light.DeviceName}`;
  await client.publishMsgAsDevice({ DeviceId: light.DeviceId, Topic: topic, Payload: JSON.stringify(reply) });
  // The page's example sends Base64.
  await client.publishMsgAsDevice({ ProductId: light.ProductId, DeviceName: light.DeviceName, Topic: topic, Payload: Buffer.from(JSON.stringify({ ...reply, clientToken: 'ble-2' })).toString('base64') });
  await until(() => replies.length === 2, 'both replies');
  assert.deepEqual(replies.map((r) => r.type === 'ActionReport' && [r.clientToken, r.status]), [['ble-1', 'done'], ['ble-2', 'done']]);
  await assert.rejects(client.publishMsgAsDevice({ DeviceId: light.DeviceId, Topic: '$thing/up/action/OTHER/dev', Payload: '{}' }), (e) => e.kind === 'Api');
});

test('as-device actions: bad input is a typed InvalidInput naming the parameter, nothing sent; the device is sent as the page names it', async () => {
  const { client, sent } = offlineClient(sdk);
  const id = { DeviceId: 'P/d' };
  await assertRefused(client, [
    ['reportDataAsDevice', { Data: {}, TimeStamp: 1 }, 'ProductId'],
    ['reportDataAsDevice', { ...id, TimeStamp: 1 }, 'Data'],
    ['reportDataAsDevice', { ...id, Data: '[1]', TimeStamp: 1 }, 'Data'],
    ['reportDataAsDevice', { ...id, Data: {} }, 'TimeStamp'],
    ['reportDataAsDevice', { ...id, Data: {}, DataTimeStamp: '1' }, 'DataTimeStamp'],
    ['reportDeviceEvent', { ...id, Params: {} }, 'EventId'],
    ['reportDeviceEvent', { ...id, EventId: 'e', Params: {}, Method: 'post' }, 'Method'],
    ['reportDeviceEvent', { ...id, EventId: 'e', Params: {}, EventTimeStamp: 1.5 }, 'EventTimeStamp'],
    ['publishMsgAsDevice', { ...id, Payload: '{}' }, 'Topic'],
    ['publishMsgAsDevice', { ...id, Topic: 't' }, 'Payload'],
  ]);
  assert.equal(sent(), 0);
  const bodies = [];
  const capture = sdk.createClient({
    getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }),
    transport: async ({ body }) => (bodies.push(JSON.parse(body)), { status: 200, body: '{"Response":{"RequestId":"r"}}' }),
  });
  await capture.reportDataAsDevice({ ProductId: 'P', DeviceName: 'd', Data: { a: 1 }, DataTimeStamp: 5 });
  await capture.reportDeviceEvent({ ...id, EventId: 'e', Params: { v: 1 } });
  await capture.publishMsgAsDevice({ ...id, Topic: 't', Payload: 'p' });
  assert.deepEqual(
    bodies.map(({ DeviceId, ProductId, DeviceName, Data, Params, Method }) => ({ DeviceId, ProductId, DeviceName, Data, Params, Method })),
    [
      { DeviceId: 'P/d', ProductId: undefined, DeviceName: undefined, Data: '{"a":1}', Params: undefined, Method: undefined },
      { DeviceId: 'P/d', ProductId: undefined, DeviceName: undefined, Data: undefined, Params: '{"v":1}', Method: 'ReportEventAsDevice' },
      { DeviceId: undefined, ProductId: 'P', DeviceName: 'd', Data: undefined, Params: undefined, Method: undefined },
    ],
  );
});
