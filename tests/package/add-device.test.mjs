// Adding a device (issue 14): bind token (cancellable), signature, QR code; products, devices, rooms; bad input.
import test from 'node:test';
import assert from 'node:assert/strict';
import { until } from '../fixtures/until.mjs';
import * as sdk from 'iot-explorer-app';
import { offlineClient, assertRefused, assertIncompleteAnswersRefused } from '../fixtures/offline-client.mjs';
import { deviceSignature } from '../../emulator/binding.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const LIMIT = { timeout: 30_000 };
const FAST_POLL = { pollIntervalMs: 20, maxPollIntervalMs: 50 };

async function setUp(t) {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const openId = `o-add-${t.name.length}-${Math.random()}`;
  const client = sdk.createClient({
    getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: openId, NickName: 'Adder', Avatar: 'https://a/b.png' }),
    endpoint: emulator.endpoint,
    push: { replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 },
  });
  t.after(() => client.logout());
  const FamilyId = await client.defaultFamilyId();
  return { emulator, client, FamilyId };
}

test('1. addDeviceWithToken: token, provisioning, polling, bind; the device is in its room and switchable; Bind is pushed', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await setUp(t);
  const { RoomId } = await client.createRoom({ FamilyId, Name: '书房' });
  const DeviceName = 'new_light_1';
  const events = [];
  await client.subscribe([`LIGHT0PROD/${DeviceName}`], (e) => events.push(e));
  const handed = [];
  const device = await client.addDeviceWithToken({ FamilyId, RoomId }, {
    ...FAST_POLL,
    provision: async (token) => {
      handed.push(token);
      emulator.devices.provision(token, { ProductId: 'LIGHT0PROD', DeviceName, delayMs: 100 });
    },
  });
  assert.equal(handed.length, 1);
  assert.equal(device.DeviceId, `LIGHT0PROD/${DeviceName}`);
  assert.equal(device.RoomId, RoomId);
  const inRoom = (await client.getFamilyDeviceList({ FamilyId, RoomId })).DeviceList;
  assert.deepEqual(inRoom.map((d) => d.DeviceName), [DeviceName]);
  await client.controlDevice({ DeviceId: device.DeviceId, Data: { power_switch: 1 } });
  assert.equal((await client.getDeviceData({ DeviceId: device.DeviceId })).DataParsed.power_switch.Value, 1);
  await until(() => events.some((e) => e.type === 'Bind'), 'the Bind push');
});

test('1. addDeviceWithToken fails naming the step: token, provision, wait (timeout), bind; and it is cancellable', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await setUp(t);
  const provisionAs = (DeviceName) => async (token) => emulator.devices.provision(token, { DeviceName, delayMs: 10 });
  const failsIn = (step, check = () => true) => (e) => e instanceof sdk.IotExplorerError && e.step === step && check(e);

  emulator.addFault({ type: 'apiError', action: 'AppCreateDeviceBindToken', code: 'InternalError', message: '内部错误' });
  await assert.rejects(client.addDeviceWithToken({ FamilyId }, { ...FAST_POLL, provision: provisionAs('a1') }), failsIn('token', (e) => e.code === 'InternalError'));

  await assert.rejects(
    client.addDeviceWithToken({ FamilyId }, { ...FAST_POLL, provision: async () => { throw new Error('BLE: device not found'); } }),
    failsIn('provision', (e) => /device not found/.test(e.message)),
  );

  await assert.rejects(
    client.addDeviceWithToken({ FamilyId }, { ...FAST_POLL, timeoutMs: 300, provision: async () => {} }),
    failsIn('wait', (e) => e.kind === 'Timeout' && e.code === 'DeviceNotReported'),
  );

  emulator.addFault({ type: 'apiError', action: 'AppTokenBindDeviceFamily', code: 'InvalidParameterValue', message: '绑定失败' });
  await assert.rejects(client.addDeviceWithToken({ FamilyId }, { ...FAST_POLL, provision: provisionAs('a2') }), failsIn('bind'));

  const controller = new AbortController();
  const adding = client.addDeviceWithToken({ FamilyId }, { ...FAST_POLL, signal: controller.signal, provision: async () => {} });
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(adding, failsIn('wait', (e) => e.code === 'Aborted'));

  await assert.rejects(client.addDeviceWithToken({ FamilyId }, {}), (e) => e.kind === 'InvalidInput' && e.param === 'provision');
});

test('cancelling addDeviceWithToken ends it at once, even while provision() never settles', LIMIT, async () => {
  const transport = async ({ body }) => {
    const { Action } = JSON.parse(body);
    const answer = Action === 'AppCreateDeviceBindToken' ? { Token: 'tok' } : {};
    return { status: 200, body: JSON.stringify({ Response: { RequestId: 'r', ...answer } }) };
  };
  const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('page closed')), 100);
  await assert.rejects(
    client.addDeviceWithToken({ FamilyId: 'f' }, { signal: controller.signal, provision: () => new Promise(() => {}) }),
    (e) => e.code === 'Aborted' && e.step === 'provision' && /page closed/.test(e.message),
  );
});

test('2. binding by device signature and by QR code', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await setUp(t);
  const { psk } = emulator.devices.make('PLUG00PROD', 'sig_plug');
  const DeviceTimestamp = Math.floor(Date.now() / 1000);
  const Signature = deviceSignature(psk, { ProductId: 'PLUG00PROD', DeviceName: 'sig_plug', DeviceTimestamp, ConnId: 'abcde' });
  const signed = await client.sigBindDeviceInFamily({ FamilyId, ProductId: 'PLUG00PROD', DeviceName: 'sig_plug', DeviceTimestamp, ConnId: 'abcde', Signature, BindType: 'wifi_sign' });
  assert.equal(signed.AppDeviceInfo.DeviceId, 'PLUG00PROD/sig_plug');
  await assert.rejects(
    client.sigBindDeviceInFamily({ FamilyId, DeviceId: 'PLUG00PROD/sig_plug2', DeviceTimestamp, Signature }),
    (e) => e.kind === 'Api',
  );

  const DeviceSignature = emulator.devices.qrSignature('SENSORPROD', 'qr_sensor');
  const added = await client.secureAddDeviceInFamily({ FamilyId: 'default', RoomId: '', DeviceSignature });
  assert.equal(added.Data.AppDeviceInfo.DeviceId, 'SENSORPROD/qr_sensor');
  const names = (await client.getFamilyDeviceList({ FamilyId })).DeviceList.map((d) => d.DeviceName);
  assert.ok(names.includes('sig_plug') && names.includes('qr_sensor'));
});

test('3. products and data templates: a panel can be drawn, and controls are checked against the template', LIMIT, async (t) => {
  const { client, FamilyId } = await setUp(t);
  const { Products } = await client.getProducts({ ProductIds: ['LIGHT0PROD', 'SENSORPROD'] });
  assert.deepEqual(Products.map((p) => p.ProductId), ['LIGHT0PROD', 'SENSORPROD']);
  const light = sdk.parseDataTemplate(Products[0].DataTemplate);
  const byId = Object.fromEntries(light.properties.map((p) => [p.id, p]));
  assert.deepEqual([byId.brightness.type, byId.brightness.min, byId.brightness.max, byId.brightness.unit], ['int', 0, 100, '%']);
  assert.deepEqual(byId.color.values.map((v) => v.value), [0, 1, 2]);
  assert.deepEqual(byId.position.members.map((m) => m.id), ['longitude', 'latitude']);
  assert.equal(light.events[0].type, 'alert');
  assert.equal(light.actions[0].input[0].id, 'time');
  const sensor = sdk.parseDataTemplate(Products[1].DataTemplate);
  assert.equal(sensor.properties[0].mode, 'r');

  const config = await client.getProductsConfig({ ProductIds: ['LIGHT0PROD'] });
  assert.equal(JSON.parse(config.Data[0].Config).Panel.type, 'standard');

  const lamp = (await client.getFamilyDeviceList({ FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  const ref = { ProductId: lamp.ProductId, DeviceName: lamp.DeviceName };
  const refused = [
    [{ brightness: 101 }, 'brightness', /at most 100/],
    [{ brightness: 2.5 }, 'brightness', /integer/],
    [{ color: 7 }, 'color', /one of 0, 1, 2/],
    [{ power_switch: true }, 'power_switch', /integer/],
    [{ missing_prop: 1 }, 'missing_prop', /not a property/],
    [{ name: 'x'.repeat(65) }, 'name', /at most 64/],
    [{ position: { longitude: 200 } }, 'position', /position.longitude must be at most 180/],
  ];
  for (const [Data, param, message] of refused) {
    await assert.rejects(client.controlDevice({ ...ref, Data }, { template: light }), (e) => e.kind === 'InvalidInput' && e.param === param && message.test(e.message), JSON.stringify(Data));
  }
  await assert.rejects(client.controlDevice({ ...ref, Data: { temperature: 3 } }, { template: Products[1].DataTemplate }), (e) => /read-only/.test(e.message));
  await client.controlDevice({ ...ref, Data: { brightness: 80, color: 2 } }, { template: light });
  assert.equal((await client.getDeviceData(ref)).DataParsed.brightness.Value, 80);
  assert.throws(() => sdk.parseDataTemplate('{"properties":[{"id":"x","define":{"type":"weird"}}]}'), (e) => e.kind === 'Parse');
  assert.throws(() => sdk.parseDataTemplate('not json'), (e) => e.kind === 'Parse');
});

test('4. devices: read, rename, move, configure, delete; device data by DeviceId', LIMIT, async (t) => {
  const { client, FamilyId } = await setUp(t);
  const plug = (await client.getFamilyDeviceList({ FamilyId })).DeviceList.find((d) => d.ProductId === 'PLUG00PROD');
  const one = await client.getDeviceInFamily({ FamilyId, DeviceId: plug.DeviceId });
  assert.equal(one.DeviceName, plug.DeviceName);
  await client.updateDeviceInFamily({ ProductId: plug.ProductId, DeviceName: plug.DeviceName, AliasName: '厨房插座' });
  const { RoomId } = await client.createRoom({ FamilyId, Name: '厨房' });
  await client.modifyFamilyDeviceRoom({ FamilyId, RoomId: String(RoomId), DeviceId: plug.DeviceId });
  const moved = await client.getDeviceInFamily({ FamilyId, ProductId: plug.ProductId, DeviceName: plug.DeviceName });
  assert.deepEqual([moved.AliasName, moved.RoomId], ['厨房插座', RoomId]);
  await client.setUserDeviceConfig({ DeviceId: plug.DeviceId, DeviceKey: 'panel', DeviceValue: '{"order":1}' });
  assert.equal(typeof (await client.getDeviceData({ DeviceId: plug.DeviceId })).DataParsed.power_switch.Value, 'number');
  await client.deleteDeviceInFamily({ FamilyId, DeviceId: plug.DeviceId });
  const left = (await client.getFamilyDeviceList({ FamilyId })).DeviceList.map((d) => d.DeviceId);
  assert.ok(!left.includes(plug.DeviceId));
});

test('5. rooms: create, rename, list page by page, delete (its devices go back to the default room)', LIMIT, async (t) => {
  const { client, FamilyId } = await setUp(t);
  const made = [];
  for (const Name of ['客厅', '卧室', '阳台']) made.push(String((await client.createRoom({ FamilyId, Name })).RoomId));
  await client.modifyRoom({ FamilyId, RoomId: made[1], Name: '主卧' });
  const names = [];
  for await (const room of client.rooms({ FamilyId, pageSize: 2 })) names.push(room.RoomName);
  assert.deepEqual(names, ['客厅', '主卧', '阳台']);
  const page = await client.getRoomList({ FamilyId, Offset: 0, Limit: 2 });
  assert.deepEqual([page.RoomList.length, page.Total], [2, 3]);
  const lamp = (await client.getFamilyDeviceList({ FamilyId })).DeviceList[0];
  await client.modifyFamilyDeviceRoom({ FamilyId, RoomId: made[0], DeviceId: lamp.DeviceId });
  await client.deleteRoom({ FamilyId, RoomId: made[0] });
  assert.equal((await client.getDeviceInFamily({ FamilyId, DeviceId: lamp.DeviceId })).RoomId, '0');
  assert.equal((await client.getRoomList({ FamilyId })).Total, 2);
});

test("6. the default family: the first one, created when there is none; FamilyId 'default' in any call", LIMIT, async (t) => {
  const { client, FamilyId } = await setUp(t);
  const first = (await client.getFamilyList()).FamilyList[0].FamilyId;
  assert.equal(FamilyId, first);
  const viaDefault = await client.getFamilyDeviceList({ FamilyId: 'default' });
  assert.equal(viaDefault.Total, (await client.getFamilyDeviceList({ FamilyId })).Total);
});

test('bad input per new action is refused before sending, naming the parameter; results missing a field are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  const cases = [
    ['createRoom', { Name: 'x' }, 'FamilyId'],
    ['createRoom', { FamilyId: 'f', Name: '' }, 'Name'],
    ['createRoom', { FamilyId: 'f', Name: 3 }, 'Name'],
    ['modifyRoom', { FamilyId: 'f' }, 'RoomId'],
    ['deleteRoom', { RoomId: 'r' }, 'FamilyId'],
    ['getRoomList', { FamilyId: 'f', Limit: -1 }, 'Limit'],
    ['getDeviceInFamily', { FamilyId: 'f' }, 'ProductId'],
    ['getDeviceInFamily', { FamilyId: 'f', DeviceId: 'nodevice' }, 'DeviceId'],
    ['updateDeviceInFamily', { DeviceId: 'P/d' }, 'AliasName'],
    ['deleteDeviceInFamily', { DeviceId: 'P/d' }, 'FamilyId'],
    ['modifyFamilyDeviceRoom', { FamilyId: 'f', DeviceId: 'P/d' }, 'RoomId'],
    ['setUserDeviceConfig', { DeviceId: 'P/d', DeviceKey: 'k' }, 'DeviceValue'],
    ['getDeviceBindTokenState', {}, 'Token'],
    ['tokenBindDeviceFamily', { Token: 't', ProductId: 'P', DeviceName: 'd' }, 'FamilyId'],
    ['tokenBindDeviceFamily', { Token: 't', FamilyId: 'f', ProductId: 'P' }, 'DeviceName'],
    ['sigBindDeviceInFamily', { FamilyId: 'f', DeviceId: 'P/d', Signature: 's', DeviceTimestamp: '1' }, 'DeviceTimestamp'],
    ['secureAddDeviceInFamily', { FamilyId: 'f' }, 'DeviceSignature'],
    ['getProducts', { ProductIds: [''] }, 'ProductIds'],
    ['getProducts', { ProductIds: 'LIGHT0PROD' }, 'ProductIds'],
    ['getProductsConfig', {}, 'ProductIds'],
    ['getDeviceData', { DeviceId: 'a/b/c' }, 'DeviceId'],
  ];
  await assertRefused(client, cases);
  assert.equal(sent(), 0, 'nothing was sent');
  const missingField = [
    ['createDeviceBindToken', {}],
    ['getDeviceBindTokenState', { Token: 't' }],
    ['createRoom', { FamilyId: 'f', Name: 'n' }],
    ['getRoomList', { FamilyId: 'f' }],
    ['getProducts', { ProductIds: ['P'] }],
    ['secureAddDeviceInFamily', { FamilyId: 'f', DeviceSignature: 's' }],
  ];
  await assertIncompleteAnswersRefused(client, missingField);
});

test('bind-token answers are read at the top and under Data (the demo and the doc example disagree)', async () => {
  const answers = {
    AppCreateDeviceBindToken: [{ Token: 'top' }, { Data: { Token: 'nested' } }],
    AppGetDeviceBindTokenState: [{ State: 2, ProductId: 'P', DeviceName: 'd' }, { Data: { State: 1 } }],
  };
  const transport = async ({ body }) => {
    const { Action } = JSON.parse(body);
    return { status: 200, body: JSON.stringify({ Response: { RequestId: 'r', ...answers[Action].shift() } }) };
  };
  const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport });
  assert.equal((await client.createDeviceBindToken()).Token, 'top');
  assert.equal((await client.createDeviceBindToken()).Token, 'nested');
  assert.equal((await client.getDeviceBindTokenState({ Token: 'x' })).State, 2);
  assert.equal((await client.getDeviceBindTokenState({ Token: 'x' })).State, 1);
});

test('several devices with one token (issue 28): each that reports it in is bound into its family and room; the catalog of products to add', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await setUp(t);
  const { RoomId } = await client.createRoom({ FamilyId, Name: '客厅' });
  const { Token } = await client.createMultiDeviceBindToken({ FamilyId, RoomId });
  assert.deepEqual((await client.getMultiDeviceBindTokenState({ Token })).Data, [], 'no device yet');
  await Promise.all(['multi_1', 'multi_2'].map((DeviceName) => emulator.devices.provision(Token, { ProductId: 'PLUG00PROD', DeviceName, delayMs: 10 })));
  const { Data } = await client.getMultiDeviceBindTokenState({ Token });
  assert.deepEqual(Data?.map((d) => [d.DeviceName, d.State]).sort(), [['multi_1', 2], ['multi_2', 2]]);
  const inRoom = (await client.getFamilyDeviceList({ FamilyId, RoomId })).DeviceList.map((d) => d.DeviceName).sort();
  assert.deepEqual(inRoom, ['multi_1', 'multi_2']);
  await assert.rejects(client.getDeviceBindTokenState({ Token: 'not-a-token' }), (e) => e.code === 'InvalidParameterValue.TokenNotExist');

  const { List } = await client.getParentCategoryList();
  assert.ok(List.some((c) => c.CategoryKey === 'Gateways'));
  const sensors = await client.getRecommList({ CategoryKey: 'Sensors' });
  assert.deepEqual(sensors.ProductList.map((p) => p.ProductId), ['SENSORPROD', 'DOORSNSPROD']);
  assert.deepEqual((await client.getRecommList({ CategoryKey: 'Nothing' })).ProductList, []);

  const { client: offline, sent } = offlineClient(sdk);
  await assertRefused(offline, [
    ['createMultiDeviceBindToken', {}, 'FamilyId'],
    ['createMultiDeviceBindToken', { FamilyId: 'f', RoomId: 0 }, 'RoomId'],
    ['getMultiDeviceBindTokenState', { Token: '' }, 'Token'],
    ['getRecommList', {}, 'CategoryKey'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(offline, [['createMultiDeviceBindToken', { FamilyId: 'f' }], ['getParentCategoryList', undefined], ['getRecommList', { CategoryKey: 'k' }]]);
});

test('addDeviceWithToken polls once more at its deadline: a device reporting at 1.2 s is added with timeoutMs 2,400; a silent one fails no earlier than timeoutMs (issue 29)', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await setUp(t);
  const provisionAfter = (delayMs, DeviceName) => async (token) => void emulator.devices.provision(token, { ProductId: 'LIGHT0PROD', DeviceName, delayMs });
  const timing = { pollIntervalMs: 1000, maxPollIntervalMs: 5000, timeoutMs: 2400 };
  const added = await client.addDeviceWithToken({ FamilyId }, { ...timing, provision: provisionAfter(1200, 'late_light') });
  assert.equal(added.DeviceName, 'late_light');

  const started = Date.now();
  await assert.rejects(
    client.addDeviceWithToken({ FamilyId }, { pollIntervalMs: 400, maxPollIntervalMs: 400, timeoutMs: 1000, provision: async () => {} }),
    (e) => {
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 1000, `failed after ${elapsed} ms`);
      const said = Number(/in (\d+) ms/.exec(e.message)?.[1]);
      assert.ok(said >= 1000 && said <= elapsed, `${e.message} (elapsed ${elapsed})`);
      return e.code === 'DeviceNotReported' && e.step === 'wait';
    },
  );
});
