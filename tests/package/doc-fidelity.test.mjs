// What the documented service takes and answers, as its doc pages and the official clients show
// it: each test is named after the page or client that shows the behaviour. Through the public
// client, against the emulator or a transport answering what the page or client shows.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { loggedIn } from './emulated.mjs';

const LIMIT = { timeout: 30_000 };

/** A client against the emulator whose requests' bodies are kept (`sent`). */
async function emulated(t, options) {
  const sent = [];
  const fetching = sdk.fetchTransport();
  const transport = (request) => {
    sent.push(JSON.parse(request.body));
    return fetching(request);
  };
  const { emulator, client, FamilyId } = await loggedIn(t, { emulatorOptions: options, NickName: 'Doc', clientOptions: { transport } });
  const devices = (await client.getFamilyDeviceList({ FamilyId })).DeviceList;
  return { emulator, client, sent, FamilyId, lamp: devices.find((d) => d.ProductId === 'LIGHT0PROD'), sensor: devices.find((d) => d.ProductId === 'SENSORPROD') };
}

/** A client whose transport answers `inner` (the inside of the documented Response). */
const answering = (inner) =>
  sdk.createClient({
    getAccessToken: () => ({ Token: 't' }),
    transport: async () => ({ status: 200, body: JSON.stringify({ Response: { ...inner, RequestId: 'r' } }) }),
    storage: sdk.memoryStorage(),
  });

test('1081/44044: TokenLengthType empty (the default) gives a 32-character token, "1" a 6-character one', LIMIT, async (t) => {
  const { client } = await emulated(t);
  assert.equal((await client.createDeviceBindToken({ TokenLengthType: '' })).Token.length, 32);
  assert.equal((await client.createDeviceBindToken()).Token.length, 32);
  assert.equal((await client.createDeviceBindToken({ TokenLengthType: '1' })).Token.length, 6);
  await assert.rejects(client.createDeviceBindToken({ TokenLengthType: '2' }), (e) => e.kind === 'InvalidInput' && e.param === 'TokenLengthType');
});

test('1081/40804: DeviceIds may be empty; the emulator bounds nothing the page does not', LIMIT, async (t) => {
  const { client, lamp } = await emulated(t);
  assert.deepEqual((await client.getDeviceStatuses({ DeviceIds: [] })).DeviceStatuses, []);
  const many = Array.from({ length: 150 }, () => lamp.DeviceId);
  assert.equal((await client.getDeviceStatuses({ DeviceIds: many })).DeviceStatuses.length, 150);
});

test('1081/61348: InputParams is optional and may be empty', LIMIT, async (t) => {
  const { client, lamp } = await emulated(t);
  assert.equal(typeof (await client.callDeviceActionAsync({ DeviceId: lamp.DeviceId, ActionId: 'light_blink', InputParams: '' })).ClientToken, 'string');
});

test('official demo models.js getShareDeviceToken: a TokenContext object is sent as its JSON text', LIMIT, async (t) => {
  const { client, sent, FamilyId, lamp } = await emulated(t);
  await client.createShareDeviceToken({ FamilyId, DeviceId: lamp.DeviceId, TokenContext: { from: 'Alice', note: '客厅' } });
  assert.equal(sent.at(-1).TokenContext, '{"from":"Alice","note":"客厅"}');
  await client.setUserDeviceConfig({ DeviceId: lamp.DeviceId, DeviceKey: 'panel', DeviceValue: { order: [1, 2] } });
  assert.equal(sent.at(-1).DeviceValue, '{"order":[1,2]}');
});

test('1081/50205: BindType and SignMethod are refused before sending unless documented, saying what is wrong', async () => {
  const sentNothing = sdk.createClient({ getAccessToken: () => ({ Token: 't' }), transport: () => assert.fail('sent') });
  const bind = { FamilyId: 'f', DeviceId: 'P/d', DeviceTimestamp: 1, Signature: 's' };
  for (const [params, param, message] of [
    [{ ...bind, BindType: 'qr_sign' }, 'BindType', /BindType must be one of "wifi_sign", "bluetooth_sign", "other_sign", not "qr_sign"/],
    [{ ...bind, BindType: '' }, 'BindType', /not an empty string/],
    [{ ...bind, SignMethod: 'md5' }, 'SignMethod', /SignMethod must be one of "hmacsha1", "hmacsha256"/],
  ]) {
    await assert.rejects(sentNothing.sigBindDeviceInFamily(params), (e) => e.kind === 'InvalidInput' && e.param === param && message.test(e.message));
  }
  await assert.rejects(sentNothing.updateUser({ NickName: '' }), (e) => e.code === 'InvalidParameter' && e.message === 'NickName must not be empty');
});

test('1081/40811, 40803, 40816, 40821, 40800, 48189: a page of nothing (Limit 0) is refused; more than the page holds is asked', LIMIT, async (t) => {
  const { client, FamilyId } = await emulated(t);
  await assert.rejects(client.getFamilyList({ Limit: 0 }), (e) => e.kind === 'InvalidInput' && e.param === 'Limit');
  await assert.rejects(client.getFamilyDeviceList({ FamilyId, Limit: 0 }), (e) => e.param === 'Limit');
  // The official mini-program SDK asks for 100 families (AppDevSdk.js): answered, the page capped at 50.
  assert.equal((await client.getFamilyList({ Offset: 0, Limit: 100 })).FamilyList.length, 1);
});

test('official demo models.js getDeviceDataMap: a Data that is empty or not JSON is {} (no data yet)', async () => {
  for (const Data of ['', 'not json']) {
    const { DataParsed } = await answering({ Data }).getDeviceData({ DeviceId: 'P/d' });
    assert.deepEqual(DataParsed, {}, JSON.stringify(Data));
  }
  await assert.rejects(
    sdk.createClient({ getAccessToken: () => ({ Token: 't' }), transport: async () => ({ status: 200, body: '<html>' }), retry: false }).getDeviceData({ DeviceId: 'P/d' }),
    (e) => e.kind === 'Parse',
    'a body that is not JSON at all is still refused',
  );
});

test('official demo panel.js: an update check without CurrentVersion is an answer', async () => {
  const check = await answering({ DstVersion: '1.1' }).checkFirmwareUpdate({ DeviceId: 'P/d' });
  assert.equal(check.DstVersion, '1.1');
  assert.equal(check.CurrentVersion, undefined);
});

test('1131/53099 (the IoT Video twin of 1081/43119): Results null is an empty page', async () => {
  const history = answering({ Results: null, Listover: false, Context: '' }).deviceDataHistory({ DeviceId: 'P/d', FieldName: 't', MinTime: 0, MaxTime: 1 });
  const items = [];
  for await (const item of history) items.push(item);
  assert.deepEqual(items, []);
});

test('1081/61348 Status: a FailedOperation code (FailedOperation.ActionUnreachable) fails the device action, typed', async () => {
  await assert.rejects(
    answering({ ClientToken: 'c', Status: 'FailedOperation.ActionUnreachable' }).callDeviceActionAsync({ DeviceId: 'P/d', ActionId: 'a' }),
    (e) => e instanceof sdk.IotExplorerError && e.kind === 'Api' && e.code === 'FailedOperation.ActionUnreachable' && e.requestId === 'r',
  );
  assert.equal((await answering({ ClientToken: 'c', Status: 'Sent' }).callDeviceActionAsync({ DeviceId: 'P/d', ActionId: 'a' })).Status, 'Sent');
});

test('1081/43119: Listover is true while more remain; the iterator reads every page whichever way a service means it', LIMIT, async (t) => {
  const { emulator, client, sensor } = await emulated(t);
  const now = Date.now();
  const call = (Context) => client.getDeviceDataHistory({ DeviceId: sensor.DeviceId, FieldName: 'humidity', MinTime: now - 25 * 3600_000, MaxTime: now, Limit: 10, Context });
  const first = await call();
  assert.equal(first.Listover, true, 'more to read');
  const last = await call('20');
  assert.equal(last.Listover, false, 'all read');
  const all = [];
  for await (const r of client.deviceDataHistory({ DeviceId: sensor.DeviceId, FieldName: 'humidity', MinTime: now - 25 * 3600_000, MaxTime: now, pageSize: 10 })) all.push(r);
  assert.equal(all.length, 24);
  // The cloud API's meaning (1081/34978: true once all is read): the iterator goes by Context.
  const pages = [
    { Results: [{ Time: '1' }], Context: 'c1', Listover: false },
    { Results: [{ Time: '2' }], Context: '', Listover: true },
  ];
  const cloud = sdk.createClient({
    getAccessToken: () => ({ Token: 't' }),
    transport: async () => ({ status: 200, body: JSON.stringify({ Response: { ...pages.shift(), RequestId: 'r' } }) }),
  });
  const read = [];
  for await (const r of cloud.deviceDataHistory({ DeviceId: 'P/d', FieldName: 'f', MinTime: 0, MaxTime: 1 })) read.push(r.Time);
  assert.deepEqual(read, ['1', '2']);
  assert.equal(emulator.world.limits.historyPageSize, undefined, 'the emulator bounds pages only when told');
});

test('the emulator bounds what no doc states only when told (limits): room names, device ids, DeviceTimestamp', LIMIT, async (t) => {
  const { client, FamilyId } = await emulated(t);
  const long = '一'.repeat(30);
  assert.ok((await client.createRoom({ FamilyId, Name: long })).RoomId, 'no length the page states');
  const bounded = await emulated(t, { limits: { nameLength: 20, deviceIdsPerCall: 2 } });
  await assert.rejects(bounded.client.createRoom({ FamilyId: bounded.FamilyId, Name: long }), (e) => e.kind === 'Api' && e.code === 'InvalidParameterValue');
  await assert.rejects(bounded.client.getDeviceStatuses({ DeviceIds: ['P/a', 'P/b', 'P/c'] }), (e) => e.code === 'InvalidParameterValue');
});
