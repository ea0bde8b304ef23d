// Where a device is and its geofences (issue 28, group 6), through the public client against the
// emulator, whose device hook moves a device: its location now and over time, fences created,
// listed, changed and deleted, an alert when a move crosses a fence; bad input refused first.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { twoUsers } from './two-users.mjs';

const LIMIT = { timeout: 30_000 };
// A square around Shenzhen's Nanshan (the pages' example polygon).
const SQUARE = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[113.9498, 22.5319], [113.9709, 22.5319], [113.9709, 22.5723], [113.9498, 22.5723], [113.9498, 22.5319]]] }, properties: null }],
};
// A circle as the official panel draws one: a Point with a radius in metres.
const CIRCLE = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [114.0579, 22.5431] }, properties: { subType: 'Circle', radius: 500 } }] };
const OUTSIDE = { Longitude: 113.9, Latitude: 22.5 };
const IN_SQUARE = { Longitude: 113.96, Latitude: 22.55 };
const IN_CIRCLE = { Longitude: 114.0580, Latitude: 22.5432 };

test('a device\'s location now and over time; fences that alert when a move enters or leaves them', LIMIT, async (t) => {
  const { emulator, alice, bob } = await twoUsers(t);
  const { client } = alice;
  const plug = (await client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList.find((d) => d.ProductId === 'PLUG00PROD');
  const dev = { ProductId: plug.ProductId, DeviceName: plug.DeviceName };
  await assert.rejects(client.getDeviceLocation({ DeviceId: plug.DeviceId }), (e) => e.kind === 'Api', 'no position yet');

  const since = Date.now();
  emulator.devices.moveTo(plug.DeviceId, OUTSIDE);
  const { FenceId: square } = await client.createFence({ ...dev, FenceName: 'office', FenceArea: SQUARE, FenceDesc: '', AlertCondition: 'enter', FenceEnable: true, Method: 'app push' });
  const { FenceId: circle } = await client.createFence({ ...dev, FenceName: 'home', FenceArea: JSON.stringify(CIRCLE), FenceDesc: 'home', AlertCondition: 'leave', FenceEnable: true, Method: 'app push' });
  assert.equal(typeof square, 'number');

  emulator.devices.moveTo(plug.DeviceId, IN_SQUARE); // enters the square: an alert
  emulator.devices.moveTo(plug.DeviceId, IN_CIRCLE); // leaves the square (not alerted), enters the circle (not alerted)
  emulator.devices.moveTo(plug.DeviceId, OUTSIDE); // leaves the circle: an alert
  const now = await client.getDeviceLocation({ ProductId: dev.ProductId, DeviceName: dev.DeviceName, CoordType: 3 });
  assert.deepEqual([now.Data.Longitude, now.Data.Latitude], [OUTSIDE.Longitude, OUTSIDE.Latitude]);
  const { Data } = await client.getDeviceLocationHistory({ DeviceId: plug.DeviceId, MinTime: since - 1000, MaxTime: Date.now() + 1000 });
  assert.deepEqual(Data.Pos.map((p) => p.Location.Longitude), [113.9, 113.96, 114.058, 113.9]);

  const window = { StartTime: Math.floor(since / 1000) - 5, EndTime: Math.floor(Date.now() / 1000) + 5 };
  const events = async (FenceId) => (await client.getFenceEventList({ ...dev, FenceId, ...window, Offset: 0, Limit: 10 })).List.map((e) => e.EventType);
  assert.deepEqual(await events(square), ['enter']);
  assert.deepEqual(await events(circle), ['leave']);
  // The example's milliseconds are taken too.
  assert.equal((await client.getFenceEventList({ ...dev, FenceId: square, StartTime: since - 5000, EndTime: Date.now() + 5000 })).List.length, 1);

  const { List, Total } = await client.getFenceList({ ...dev, Offset: 0, Limit: 10 });
  assert.deepEqual([Total, List.map((f) => [f.FenceName, f.FenceEnable])], [2, [['office', true], ['home', true]]]);
  await client.modifyFence({ ...dev, FenceId: square, FenceName: 'office', FenceArea: SQUARE, FenceDesc: 'off', AlertCondition: 'enter', FenceEnable: false, Method: 'app push' });
  emulator.devices.moveTo(plug.DeviceId, IN_SQUARE);
  assert.deepEqual(await events(square), ['enter'], 'disabled: no new alert');
  await client.deleteFence({ ...dev, FenceId: circle, AlertCondition: 'leave', FenceEnable: true, Method: 'app push' });
  assert.equal((await client.getFenceList(dev)).List.length, 1);
  await assert.rejects(bob.client.getFenceList(dev), (e) => e.kind === 'Api', 'not his device');
  await assert.rejects(client.createFence({ ...dev, FenceName: 'x', FenceArea: { type: 'LineString' }, FenceDesc: '', AlertCondition: 'enter', FenceEnable: true, Method: 'app push' }), (e) => e.kind === 'Api');
});

test('location and fence actions: bad input is a typed InvalidInput naming the parameter, nothing sent; the table\'s array of positions is read too', async () => {
  const { client, sent } = offlineClient(sdk);
  const dev = { ProductId: 'P', DeviceName: 'd' };
  const fence = { ...dev, FenceName: 'f', FenceArea: '{}', FenceDesc: '', AlertCondition: 'enter', FenceEnable: true, Method: 'app push' };
  await assertRefused(client, [
    ['getDeviceLocation', { ...dev, CoordType: 4 }, 'CoordType'],
    ['getDeviceLocationHistory', { ...dev, MinTime: 1 }, 'MaxTime'],
    ['createFence', { ...fence, FenceArea: 'not json' }, 'FenceArea'],
    ['createFence', { ...fence, FenceEnable: 1 }, 'FenceEnable'],
    ['createFence', { ...fence, FenceName: '' }, 'FenceName'],
    ['modifyFence', fence, 'FenceId'],
    ['modifyFence', { ...fence, FenceId: '7' }, 'FenceId'],
    ['deleteFence', { ...dev, FenceId: 7, FenceEnable: true, Method: 'm' }, 'AlertCondition'],
    ['getFenceEventList', { ...dev, FenceId: 7, StartTime: 0 }, 'EndTime'],
    ['getFenceList', { ...dev, Limit: 0 }, 'Limit'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [['getDeviceLocation', dev], ['getDeviceLocationHistory', { ...dev, MinTime: 0, MaxTime: 1 }], ['createFence', fence], ['getFenceList', dev]]);
  const answering = (inner) => sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport: async () => ({ status: 200, body: JSON.stringify({ Response: { ...inner, RequestId: 'r' } }) }) });
  const position = { Location: { Longitude: 1, Latitude: 2 }, CreateTime: 3 };
  const history = await answering({ Data: [position] }).getDeviceLocationHistory({ ...dev, MinTime: 0, MaxTime: 1 });
  assert.deepEqual(history.Data.Pos, [position], "48495's table: Data is the list");
  assert.equal((await answering({ FenceId: '7' }).createFence(fence)).FenceId, 7, "54140's table: a String FenceId");
});
