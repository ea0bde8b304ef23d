// Device actions and the typed Action / Gateway pushes (issue 15, items 6 and 7), through the
// public client against the emulator: sync answered at once, async answered by an ActionReport
// push with the call's ClientToken; gateway sub-device lists; bad input refused before sending.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { offlineClient, assertRefused } from '../fixtures/offline-client.mjs';
import { until } from '../fixtures/until.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const LIMIT = { timeout: 30_000 };

async function setUp(t) {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const client = sdk.createClient({
    getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: `o-action-${Math.random()}`, NickName: 'Actor', Avatar: '' }),
    endpoint: emulator.endpoint,
    push: { replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 },
  });
  t.after(() => client.logout());
  const devices = (await client.getFamilyDeviceList({ FamilyId: await client.defaultFamilyId() })).DeviceList;
  return { emulator, client, lamp: devices.find((d) => d.ProductId === 'LIGHT0PROD'), sensor: devices.find((d) => d.ProductId === 'SENSORPROD') };
}

test('6. device actions: sync answers with its output; async is answered by an ActionReport push with its ClientToken', LIMIT, async (t) => {
  const { client, lamp, sensor } = await setUp(t);
  const events = [];
  await client.subscribe([lamp.DeviceId], (e) => events.push(e));

  const { Products } = await client.getProducts({ ProductIds: ['LIGHT0PROD'] });
  const sync = await client.callDeviceActionSync({ DeviceId: lamp.DeviceId, ActionId: 'light_blink', InputParams: { time: 3 } }, { template: Products[0].DataTemplate });
  assert.equal(sync.Status, 'succ');
  assert.deepEqual(sync.OutputParamsParsed, { err_code: 0 });
  assert.equal(JSON.parse(sync.OutputParams).err_code, 0);
  await until(() => events.some((e) => e.type === 'ActionPush' && e.clientToken === sync.ClientToken), 'the ActionPush of the sync call');
  const pushed = events.find((e) => e.type === 'ActionPush');
  assert.deepEqual([pushed.deviceId, pushed.actionId, pushed.params], [lamp.DeviceId, 'light_blink', { time: 3 }]);

  const async = await client.callDeviceActionAsync({ ProductId: lamp.ProductId, DeviceName: lamp.DeviceName, ActionId: 'light_blink', InputParams: '{"time":1}' });
  assert.equal(async.Status, 'Sent');
  await until(() => events.some((e) => e.type === 'ActionReport' && e.clientToken === async.ClientToken), 'the ActionReport answering the async call');
  const reply = events.find((e) => e.type === 'ActionReport' && e.clientToken === async.ClientToken);
  assert.deepEqual([reply.code, reply.status, reply.response], [0, 'ok', { err_code: 0 }]);
  assert.ok(!events.some((e) => e.type === 'Unknown'), 'no Action frame is left Unknown');

  await assert.rejects(client.callDeviceActionSync({ DeviceId: lamp.DeviceId, ActionId: 'no_such_action' }), (e) => e.kind === 'Api');
  await assert.rejects(client.callDeviceActionSync({ DeviceId: lamp.DeviceId, ActionId: 'light_blink', InputParams: { colour: 1 } }), (e) => e.kind === 'Api');
  await assert.rejects(client.callDeviceActionAsync({ DeviceId: sensor.DeviceId, ActionId: 'light_blink' }), (e) => e.kind === 'Api');
});

test('7. gateway pushes: sub-devices bound and unbound arrive as SubDeviceChange with their list, not as the gateway\'s own Bind/Unbind', LIMIT, async (t) => {
  const { emulator, client, lamp } = await setUp(t);
  const events = [];
  await client.subscribe([lamp.DeviceId], (e) => events.push(e));
  const list = [{ ProductId: 'SUBDEVPROD', DeviceName: 'switch_1' }, { ProductId: 'SUBDEVPROD', DeviceName: 'switch_2' }];
  emulator.push.change(lamp.DeviceId, 'Gateway', 'bind', list);
  emulator.push.change(lamp.DeviceId, 'Gateway', 'unbind', list.slice(1));
  await until(() => events.length >= 2, 'the two gateway pushes');
  assert.deepEqual(events.map((e) => [e.type, e.deviceId, e.action, e.subDevices]), [
    ['SubDeviceChange', lamp.DeviceId, 'bind', list],
    ['SubDeviceChange', lamp.DeviceId, 'unbind', list.slice(1)],
  ]);
  // The gateway's own binding is still StatusChange × Bind.
  emulator.push.change(lamp.DeviceId, 'StatusChange', 'Bind', { FamilyId: 'f' });
  await until(() => events.length >= 3, 'the Bind push');
  assert.equal(events[2].type, 'Bind');
});

test('bad input per device action is refused before sending, naming the parameter', async () => {
  const { client, sent } = offlineClient(sdk);
  const cases = [
    ['callDeviceActionSync', { DeviceId: 'P/d' }, 'ActionId'],
    ['callDeviceActionSync', { DeviceId: 'P/d', ActionId: 'a', InputParams: '[1]' }, 'InputParams'],
    ['callDeviceActionSync', { DeviceId: 'P/d', ActionId: 'a', InputParams: { n: NaN } }, 'InputParams'],
    ['callDeviceActionSync', { ActionId: 'a' }, 'ProductId'],
    ['callDeviceActionAsync', { DeviceId: 'P/d', ActionId: 7 }, 'ActionId'],
    ['callDeviceActionAsync', { DeviceId: 'P/d/x', ActionId: 'a' }, 'DeviceId'],
  ];
  await assertRefused(client, cases);
  // Against the light's data template: the action and each input, by type and range.
  const template = JSON.stringify({ actions: [{ id: 'light_blink', name: 'blink', input: [{ id: 'time', name: 'time', define: { type: 'int', min: '0', max: '10', step: '1', unit: 's', start: '0' } }], output: [] }] });
  const checked = [
    [{ ActionId: 'light_dance', InputParams: {} }, 'ActionId', /not an action/],
    [{ ActionId: 'light_blink', InputParams: { speed: 1 } }, 'speed', /not an input/],
    [{ ActionId: 'light_blink', InputParams: { time: 11 } }, 'time', /at most 10/],
    [{ ActionId: 'light_blink', InputParams: '{"time":1.5}' }, 'time', /integer/],
  ];
  for (const [params, param, message] of checked) {
    for (const method of ['callDeviceActionSync', 'callDeviceActionAsync']) {
      await assert.rejects(client[method]({ DeviceId: 'P/d', ...params }, { template }), (e) => e.kind === 'InvalidInput' && e.param === param && message.test(e.message), `${method} ${JSON.stringify(params)}`);
    }
  }
  assert.equal(sent(), 0, 'nothing was sent');
  await assert.rejects(client.callDeviceActionAsync({ DeviceId: 'P/d', ActionId: 'a' }), (e) => e.kind === 'Parse', 'no ClientToken');
  // The sync answer's fields are all optional: an empty answer is accepted.
  assert.equal((await client.callDeviceActionSync({ DeviceId: 'P/d', ActionId: 'a' })).RequestId, 'r');
});
