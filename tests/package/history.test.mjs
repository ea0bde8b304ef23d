// History (issue 15, item 4), through the public client against the emulator, which keeps what
// its simulated devices reported: a property's values and a device's events over a time range,
// page by page; paging that ends on Context; bad input refused before sending.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { collect } from '../fixtures/collect.mjs';
import { offlineClient, assertRefused, assertIncompleteAnswersRefused } from '../fixtures/offline-client.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const LIMIT = { timeout: 30_000 };
const HOUR = 3600_000;

async function setUp(t) {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const client = sdk.createClient({
    getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: `o-history-${Math.random()}`, NickName: 'History', Avatar: '' }),
    endpoint: emulator.endpoint,
  });
  t.after(() => client.logout());
  const devices = (await client.getFamilyDeviceList({ FamilyId: await client.defaultFamilyId() })).DeviceList;
  const of = (ProductId) => devices.find((d) => d.ProductId === ProductId);
  return { emulator, client, lamp: of('LIGHT0PROD'), sensor: of('SENSORPROD') };
}


test('4. data history: the last day of a sensor, page by page; a range; values the lamp reported after controls', LIMIT, async (t) => {
  const { emulator, client, lamp, sensor } = await setUp(t);
  const now = Date.now();
  const day = await collect(client.deviceDataHistory({ DeviceId: sensor.DeviceId, FieldName: 'temperature', MinTime: new Date(now - 24.5 * HOUR), MaxTime: now, pageSize: 5 }));
  assert.equal(day.length, 24, 'hourly for a day');
  const times = day.map((r) => Number(r.Time));
  assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
  assert.ok(times.every((x) => x >= now - 24.5 * HOUR && x <= now));
  assert.ok(day.every((r) => Number.isFinite(Number(r.Value))));
  const lastSixHours = await collect(client.deviceDataHistory({ ProductId: sensor.ProductId, DeviceName: sensor.DeviceName, FieldName: 'humidity', MinTime: now - 5.5 * HOUR, MaxTime: now }));
  assert.equal(lastSixHours.length, 6);
  const page = await client.getDeviceDataHistory({ DeviceId: sensor.DeviceId, FieldName: 'temperature', MinTime: now - 24.5 * HOUR, MaxTime: now, Limit: 10 });
  assert.equal(page.Results.length, 10);
  assert.equal(typeof page.Context, 'string');

  for (const brightness of [10, 20, 30]) await client.controlDevice({ DeviceId: lamp.DeviceId, Data: { brightness } });
  emulator.push.report(lamp.DeviceId, { brightness: 40, power_switch: 1 });
  const reported = await collect(client.deviceDataHistory({ DeviceId: lamp.DeviceId, FieldName: 'brightness', MinTime: now - HOUR, MaxTime: Date.now() + 1000, pageSize: 2 }));
  assert.deepEqual(reported.map((r) => r.Value), ['10', '20', '30', '40']);
  assert.equal((await collect(client.deviceDataHistory({ DeviceId: lamp.DeviceId, FieldName: 'color', MinTime: 0, MaxTime: Date.now() }))).length, 0);
});

test('4. event history: what the device posted, page by page, by type and by event', LIMIT, async (t) => {
  const { emulator, client, lamp } = await setUp(t);
  for (const temperature of [70, 80, 90]) emulator.push.event(lamp.DeviceId, 'overheat', { temperature });
  emulator.push.event(lamp.DeviceId, 'hello', { n: 1 });
  const all = await collect(client.eventHistory({ DeviceId: lamp.DeviceId, pageSize: 2 }));
  assert.deepEqual(all.map((e) => [e.EventId, e.Type]), [['overheat', 'alert'], ['overheat', 'alert'], ['overheat', 'alert'], ['hello', 'info']]);
  assert.deepEqual(JSON.parse(all[2].Data), { temperature: 90 });
  const now = Math.floor(Date.now() / 1000);
  assert.equal((await collect(client.eventHistory({ DeviceId: lamp.DeviceId, Type: 'alert', StartTime: now - 60, EndTime: now + 60 }))).length, 3);
  assert.equal((await collect(client.eventHistory({ DeviceId: lamp.DeviceId, EventId: 'hello' }))).length, 1);
  assert.equal((await collect(client.eventHistory({ DeviceId: lamp.DeviceId, StartTime: now - 7200, EndTime: now - 3600 }))).length, 0);
  const page = await client.listEventHistory({ ProductId: lamp.ProductId, DeviceName: lamp.DeviceName, Size: 3 });
  assert.deepEqual([page.EventHistory.length, page.Total], [3, 4]);
});

test('history paging ends on an empty page or a Context seen before, whatever Listover says', async () => {
  const answers = [
    // Listover true on a page that is not the last (the App API page's meaning), then a repeat.
    { Results: [{ Time: '1', Value: '1' }], Context: 'a', Listover: true },
    { Results: [{ Time: 2, Value: 2 }], Context: 'b', Listover: false },
    { Results: [{ Time: '3', Value: '3' }], Context: 'a', Listover: false },
  ];
  const sent = [];
  const transport = async ({ body }) => {
    sent.push(JSON.parse(body));
    return { status: 200, body: JSON.stringify({ Response: { RequestId: 'r', ...answers.shift() } }) };
  };
  const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport });
  const items = await collect(client.deviceDataHistory({ DeviceId: 'P/d', FieldName: 'f', MinTime: 0, MaxTime: 10, pageSize: 1 }));
  assert.deepEqual(items.map((i) => Number(i.Time)), [1, 2, 3]);
  assert.deepEqual(sent.map((b) => [b.ProductId, b.DeviceName, b.Limit, b.Context]), [['P', 'd', 1, undefined], ['P', 'd', 1, 'a'], ['P', 'd', 1, 'b']]);
});

test('bad input per history action is refused before sending, naming the parameter', async () => {
  const { client, sent } = offlineClient(sdk);
  const range = { DeviceId: 'P/d', FieldName: 'f', MinTime: 0, MaxTime: 1, Limit: 10 };
  const cases = [
    ['getDeviceDataHistory', { ...range, FieldName: undefined }, 'FieldName'],
    ['getDeviceDataHistory', { ...range, MinTime: '0' }, 'MinTime'],
    ['getDeviceDataHistory', { ...range, MaxTime: -1 }, 'MaxTime'],
    ['getDeviceDataHistory', { ...range, Limit: undefined }, 'Limit'],
    ['getDeviceDataHistory', { ...range, Context: 5 }, 'Context'],
    ['getDeviceDataHistory', { ...range, DeviceId: undefined }, 'ProductId'],
    ['listEventHistory', { DeviceId: 'P/d', Size: -1 }, 'Size'],
    ['listEventHistory', { DeviceId: 'P/d', StartTime: 1.5 }, 'StartTime'],
    ['listEventHistory', { DeviceId: 'P/d', EventId: '' }, 'EventId'],
    ['listEventHistory', { DeviceId: 'P' }, 'DeviceId'],
  ];
  await assertRefused(client, cases);
  await assert.rejects(collect(client.deviceDataHistory({ ...range, pageSize: 0 })), (e) => e.kind === 'InvalidInput' && e.param === 'pageSize');
  await assert.rejects(collect(client.eventHistory({ DeviceId: 'P/d', pageSize: 'x' })), (e) => e.kind === 'InvalidInput' && e.param === 'pageSize');
  await assert.rejects(collect(client.deviceDataHistory({ DeviceId: 'P/d', MinTime: 0, MaxTime: 1 })), (e) => e.kind === 'InvalidInput' && e.param === 'FieldName');
  assert.equal(sent(), 0, 'nothing was sent');
  await assertIncompleteAnswersRefused(client, [['getDeviceDataHistory', range], ['listEventHistory', { DeviceId: 'P/d' }]]);
});

test("aggregates of a property per interval (AppGetDeviceAggsData, as the free panels ask): sum and avg of the sensor's day", LIMIT, async (t) => {
  const { client, sensor } = await setUp(t);
  const now = Date.now();
  const hourly = await client.getDeviceAggsData({ DeviceId: sensor.DeviceId, FieldName: 'humidity', AggMethod: 'sum', Interval: '6h', MinTime: now - 23.5 * 3600_000, MaxTime: now + 1000 });
  assert.ok(hourly.Results.length >= 4 && hourly.Results.length <= 5, `${hourly.Results.length} buckets`);
  const total = hourly.Results.reduce((a, r) => a + (r.Data ?? 0), 0);
  const avg = await client.getDeviceAggsData({ DeviceId: sensor.DeviceId, FieldName: 'humidity', AggMethod: 'avg', Interval: '1d', MinTime: now - 23.5 * 3600_000, MaxTime: now + 1000 });
  assert.equal(avg.Results.length, 1);
  assert.ok(Math.abs((avg.Results[0].Data ?? 0) * 24 - total) < 1e-6, 'the day\'s average times its 24 readings is the sum of the buckets');
  await assert.rejects(client.getDeviceAggsData({ DeviceId: sensor.DeviceId, FieldName: 'humidity', AggMethod: 'median', Interval: '1h', MinTime: 0, MaxTime: 1 }), (e) => e.kind === 'Api');
  const { client: offline, sent } = offlineClient(sdk);
  await assertRefused(offline, [
    ['getDeviceAggsData', { DeviceId: 'P/d', AggMethod: 'sum', Interval: '1h', MinTime: 0, MaxTime: 1 }, 'FieldName'],
    ['getDeviceAggsData', { DeviceId: 'P/d', FieldName: 'f', AggMethod: 'sum', Interval: '1h', MinTime: '0', MaxTime: 1 }, 'MinTime'],
  ]);
  assert.equal(sent(), 0);
});
