// Firmware (issue 15, item 4 of the issue), through the public client against the emulator,
// whose upgrades progress over a few steps: check / publish / status, and upgradeFirmware()
// reporting progress until done, failed, timed out or cancelled; bad input before sending.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { offlineClient, assertRefused, assertIncompleteAnswersRefused } from '../fixtures/offline-client.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const LIMIT = { timeout: 30_000 };
const FAST = { pollIntervalMs: 20 };

async function setUp(t) {
  const emulator = await startEmulator({ firmwareStepMs: 40 });
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const client = sdk.createClient({
    getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: `o-fw-${Math.random()}`, NickName: 'Firmware', Avatar: '' }),
    endpoint: emulator.endpoint,
  });
  t.after(() => client.logout());
  const devices = (await client.getFamilyDeviceList({ FamilyId: await client.defaultFamilyId() })).DeviceList;
  const of = (ProductId) => devices.find((d) => d.ProductId === ProductId);
  return { emulator, client, lamp: of('LIGHT0PROD'), plug: of('PLUG00PROD'), sensor: of('SENSORPROD') };
}

test('firmware: check, publish and status by hand; upgradeFirmware reports progress until done', LIMIT, async (t) => {
  const { client, lamp, plug } = await setUp(t);
  const ref = { DeviceId: lamp.DeviceId };
  assert.deepEqual(await client.checkFirmwareUpdate(ref).then((r) => [r.CurrentVersion, r.DstVersion]), ['1.0.0', '1.1.0']);
  await assert.rejects(client.describeFirmwareUpdateStatus(ref), (e) => e.kind === 'Api' && e.code === 'ResourceNotFound.DeviceFirmwareTaskNotExist');

  const seen = [];
  const done = await client.upgradeFirmware(ref, { ...FAST, onProgress: (p) => seen.push(p) });
  assert.deepEqual([done.upgraded, done.Status, done.Percent, done.OriVersion, done.DstVersion], [true, 6, 100, '1.0.0', '1.1.0']);
  const statuses = [...new Set(seen.map((p) => p.Status))];
  assert.deepEqual(statuses, [2, 3, 4, 6].filter((s) => statuses.includes(s)), 'statuses in order');
  assert.ok(statuses.includes(3) && statuses.at(-1) === 6, JSON.stringify(statuses));
  const percents = seen.map((p) => p.Percent);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'percent only grows');
  assert.equal((await client.checkFirmwareUpdate({ ProductId: lamp.ProductId, DeviceName: lamp.DeviceName })).CurrentVersion, '1.1.0');

  // Nothing newer: no upgrade is published.
  assert.deepEqual(await client.upgradeFirmware({ DeviceId: plug.DeviceId }, FAST), { upgraded: false, CurrentVersion: '1.0.0' });
  await assert.rejects(client.publishFirmwareUpdateMessage({ DeviceId: plug.DeviceId }), (e) => e.kind === 'Api' && e.code === 'ResourceNotFound.DeviceHasNoFirmware');
});

test('upgradeFirmware fails naming the step: failed upgrade, timeout, offline device, cancelled', LIMIT, async (t) => {
  const { emulator, client, lamp, sensor } = await setUp(t);
  const ref = { DeviceId: lamp.DeviceId };

  emulator.firmware.failNext(lamp.DeviceId, 'MD5 不匹配');
  await assert.rejects(client.upgradeFirmware(ref, FAST), (e) => e.step === 'progress' && e.code === 'FirmwareUpdateFailed' && /MD5/.test(e.message));

  emulator.firmware.stallNext(lamp.DeviceId);
  const stalled = [];
  await assert.rejects(client.upgradeFirmware(ref, { ...FAST, timeoutMs: 300, onProgress: (p) => stalled.push(p.Status) }), (e) => e.step === 'progress' && e.kind === 'Timeout' && e.code === 'FirmwareUpdateTimeout');
  assert.ok(stalled.length > 1 && stalled.every((s) => s === 2 || s === 3));

  // The sensor is offline: the publish step is refused by the service.
  await assert.rejects(client.upgradeFirmware({ DeviceId: sensor.DeviceId }, FAST), (e) => e.step === 'publish' && e.code === 'FailedOperation.DeviceOffline');

  emulator.firmware.stallNext(lamp.DeviceId);
  const controller = new AbortController();
  const upgrading = client.upgradeFirmware(ref, { ...FAST, signal: controller.signal, onProgress: () => controller.abort() });
  await assert.rejects(upgrading, (e) => e.step === 'progress' && e.code === 'Aborted');

  await assert.rejects(client.upgradeFirmware(ref, { onProgress: 'yes' }), (e) => e.kind === 'InvalidInput' && e.param === 'onProgress');
  await assert.rejects(client.upgradeFirmware(ref, { timeoutMs: -1 }), (e) => e.kind === 'InvalidInput' && e.param === 'timeoutMs');
  await assert.rejects(client.upgradeFirmware({ DeviceId: 'nope' }), (e) => e.step === 'check' && e.kind === 'InvalidInput' && e.param === 'DeviceId');
});

test('bad input per firmware action is refused before sending, naming the parameter; results are checked', async () => {
  const { client, sent } = offlineClient(sdk);
  const cases = [
    ['checkFirmwareUpdate', {}, 'ProductId'],
    ['checkFirmwareUpdate', { ProductId: 'P' }, 'DeviceName'],
    ['publishFirmwareUpdateMessage', { DeviceId: 'P/' }, 'DeviceId'],
    ['describeFirmwareUpdateStatus', { ProductId: 'P', DeviceName: '' }, 'DeviceName'],
  ];
  await assertRefused(client, cases);
  assert.equal(sent(), 0, 'nothing was sent');
  // The official demo copes with an answer without CurrentVersion (panel.js): a result, not a Parse error.
  assert.equal((await client.checkFirmwareUpdate({ DeviceId: 'P/d' })).CurrentVersion, undefined);
});

test('a Bluetooth device upgraded by the app: the download address, the progress reported, the version it runs (issue 28)', LIMIT, async (t) => {
  const { client, lamp: device } = await setUp(t);
  const lamp = { ProductId: device.ProductId, DeviceName: device.DeviceName };
  const info = await client.getDeviceOTAInfo(lamp);
  assert.deepEqual([info.TargetVersion, info.UploadVersion], ['1.1.0', '1.0.0']);
  assert.match(info.FirmwareURL, /^http:\/\/127\.0\.0\.1:\d+\/__firmware\/LIGHT0PROD\/1\.1\.0\.bin$/);
  await client.reportOTAStatus({ ...lamp, Version: '1.1.0', State: 'downloading', ResultCode: 0, Persent: 40 });
  assert.deepEqual(await client.describeFirmwareUpdateStatus(lamp).then((s) => [s.Status, s.Percent]), [3, 40]);
  await client.reportOTAStatus({ ...lamp, Version: '1.1.0', State: 'done', ResultCode: 0, ResultMsg: '', Persent: 100 });
  assert.deepEqual((await client.checkFirmwareUpdate(lamp)).CurrentVersion, '1.1.0');
  await client.reportFirmwareVersion({ ...lamp, Version: '1.2.0' });
  assert.equal((await client.checkFirmwareUpdate(lamp)).CurrentVersion, '1.2.0');
  await assert.rejects(client.getDeviceOTAInfo(lamp), (e) => e.code === 'ResourceNotFound.DeviceFirmwareTaskNotExist', 'nothing newer');

  const { client: offline, sent } = offlineClient(sdk);
  await assertRefused(offline, [
    ['reportOTAStatus', { ...lamp, Version: '1', State: 'fail', ResultCode: -5 }, 'ResultMsg'],
    ['reportOTAStatus', { ...lamp, Version: '1', State: 'started', ResultCode: 0 }, 'State'],
    ['reportOTAStatus', { ...lamp, Version: '1', State: 'done', ResultCode: 3 }, 'ResultCode'],
    ['reportFirmwareVersion', lamp, 'Version'],
    ['getDeviceOTAInfo', { DeviceName: 'd' }, 'ProductId'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(offline, [['getDeviceOTAInfo', lamp]]);
});
