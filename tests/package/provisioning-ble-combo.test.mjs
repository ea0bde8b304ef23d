// BLE combo provisioning (issue 30) through iot-explorer-app/provisioning against the emulator's
// LLSync combo devices behind its fake WeChat Bluetooth API: the byte rules against the
// protocol's own examples, a device added end to end on Android (MTU set) and iOS (MTU 23), and
// each failure a user meets.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import {
  bleComboProvisioner,
  findBleComboDevice,
  notificationReader,
  readBleComboAdvert,
  readBleComboEvent,
  scanBleComboDevices,
  tokenRequest,
  wifiInfoRequest,
  wxBle,
} from 'iot-explorer-app/provisioning';
import { loggedIn } from './emulated.mjs';

const LIMIT = { timeout: 30_000 };
const HOME = { ssid: 'Home-WiFi', password: 'abcd1234' };
const FAST = { pollIntervalMs: 50, maxPollIntervalMs: 100 };
const QUICK = { stepGapMs: 0 };
const hex = (packets) => packets.map((p) => Buffer.from(p).toString('hex').toUpperCase());
const bytes = (text) => Uint8Array.from(Buffer.from(text.replace(/ /g, ''), 'hex'));

/** The writes the app made, as the fake wx recorded them. */
const writes = (wx) => wx.calls.filter((c) => c.api === 'writeBLECharacteristicValue').map((c) => new Uint8Array(c.options.value));

test('the frames are the protocol\'s: E2 and E4 sliced to the MTU with the 01/10/11 marks, whole when they fit', () => {
  assert.deepEqual(hex(wifiInfoRequest(HOME, 23)), ['E2400A09486F6D652D57694669', 'E2C009086162636431323334']);
  // Whole at a larger MTU; the length counts both length bytes (2 + 9 + 8), which the device ignores.
  assert.deepEqual(hex(wifiInfoRequest(HOME, 64)), ['E2001309486F6D652D57694669086162636431323334']);
  const long = hex(wifiInfoRequest({ ssid: 'Home-WiFi', password: 'x'.repeat(40) }, 23));
  assert.deepEqual(long.map((p) => p.slice(0, 6)), ['E2400A', 'E28011', 'E28011', 'E2C007']);
  assert.ok(long.every((p) => p.length / 2 <= 20), 'each write fits an MTU of 23');
  assert.deepEqual(hex(tokenRequest('6aa11111b1c123d1aa546ee6f111abcd', 23)), ['E440113661613131313131623163313233643161', 'E4C00F613534366565366631313161626364']);
  assert.deepEqual(hex(tokenRequest('6aa11111b1c123d1aa546ee6f111abcd', 64)).map((p) => p.slice(0, 6)), ['E40020']);
  assert.throws(() => wifiInfoRequest({ ssid: 'x'.repeat(33), password: '' }, 23), (e) => e.param === 'wifi.ssid');
  assert.throws(() => wifiInfoRequest(HOME, 22), (e) => e.param === 'mtu');
});

test('notifications are reassembled; the device\'s events and advertisement are read, garbage is not trusted', () => {
  const read = notificationReader(48);
  assert.equal(read(bytes('08 40 03 02 80 80')), null, 'a first slice');
  assert.equal(read(bytes('E3 C0 01 00')), null, 'a last slice of another frame is dropped');
  assert.equal(read(bytes('08 80 02 06 64')), null);
  const frame = read(bytes('08 C0 05 65 76 5F 30 31'));
  assert.deepEqual(readBleComboEvent(frame), { type: 'deviceInfo', llsyncVersion: 2, mtu: 128, mustSetMtu: true, deviceName: 'dev_01' });
  assert.deepEqual(readBleComboEvent(read(bytes('E2 00 0D 01 00 00 09 48 6F 6D 65 2D 57 69 46 69'))), { type: 'wifiConnect', connected: true, ssid: 'Home-WiFi' });
  assert.deepEqual(readBleComboEvent(read(bytes('E2 00 04 01 01 00 00'))), { type: 'wifiConnect', connected: false, ssid: '' });
  assert.deepEqual(readBleComboEvent(read(bytes('E3 00 01 94'))), { type: 'token', ok: false, code: 0x94 });
  assert.equal(read(bytes('E4 40 11' + ' 41'.repeat(17))), null);
  assert.equal(read(bytes('E4 80 11' + ' 41'.repeat(17))), null);
  assert.equal(read(bytes('E4 C0 11' + ' 41'.repeat(17))), null, 'over the reader\'s 48 bytes: dropped');
  assert.equal(readBleComboEvent(bytes('08 00 04 02 00 17 09')).type, 'other', 'a name shorter than its length');
  assert.equal(readBleComboEvent(bytes('E0 00 00')).type, 'other', 'no result byte');

  const advert = { deviceId: 'X', localName: 'LLSync_5566', RSSI: -40, advertisServiceUUIDs: ['0000FFF0-0000-1000-8000-00805F9B34FB'] };
  const data = 'E7 FE 02 11 22 33 44 55 66 41 42 43 44 45 46 47 48 49 4A';
  assert.deepEqual(readBleComboAdvert({ ...advert, advertisData: bytes(data).buffer }), { deviceId: 'X', productId: 'ABCDEFGHIJ', mac: '11:22:33:44:55:66', name: 'LLSync_5566', rssi: -40 });
  assert.equal(readBleComboAdvert({ ...advert, advertisData: bytes(data.slice(6)) }).productId, 'ABCDEFGHIJ', 'without the company id (Android)');
  assert.equal(readBleComboAdvert({ ...advert, advertisServiceUUIDs: ['FFFF'], advertisData: bytes(data) }), null, 'another service');
  assert.equal(readBleComboAdvert({ ...advert, advertisData: bytes('E7 FE 03' + data.slice(8)) }), null, 'another LLSync version');
  assert.equal(readBleComboAdvert({ ...advert, advertisData: bytes(data.replace('4A', '00')) }), null, 'a product id that is no product id');
});

test('a BLE combo device added end to end on Android: found by product, MTU set as it asks, the token polled and bound once', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await loggedIn(t);
  emulator.devices.bleCombo({ ProductId: 'PLUG00PROD', DeviceName: 'other_product' });
  const light = emulator.devices.bleCombo({ ProductId: 'LIGHT0PROD', DeviceName: 'ble_combo_desk_lamp_0001', homeWifi: HOME, mtu: 64, mustSetMtu: true });
  const radio = emulator.wx({ platform: 'android' });
  const ble = wxBle(radio);
  const found = await findBleComboDevice({ productId: 'LIGHT0PROD', ble });
  assert.deepEqual([found.deviceId, found.mac, found.productId], [light.deviceId, light.mac, 'LIGHT0PROD']);

  const added = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: bleComboProvisioner({ wifi: HOME, device: found, ble, ...QUICK }) });
  assert.deepEqual([added.ProductId, added.DeviceName], ['LIGHT0PROD', 'ble_combo_desk_lamp_0001'], 'its long name came in sliced notifications');
  assert.deepEqual(radio.calls.filter((c) => c.api === 'setBLEMTU').map((c) => c.options.mtu), [64]);
  assert.deepEqual(light.mtuResults, [0], 'told the MTU is set');
  assert.deepEqual(light.received.map((frame) => frame.slice(0, 2)), ['e0', '09', 'e1', 'e2', 'e3', 'e4']);
  assert.ok(writes(radio).some((w) => w.length > 20), 'the larger MTU is used');
  assert.equal((await client.getFamilyDeviceList({ FamilyId })).DeviceList.filter((d) => d.DeviceName === 'ble_combo_desk_lamp_0001').length, 1);
  assert.equal(radio.calls.filter((c) => c.api === 'closeBLEConnection').length, 1, 'the link is closed after');
});

test('on iOS the MTU stays 23: the device is told, every write is 20 bytes at most, the first device found is taken', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await loggedIn(t);
  const lamp = emulator.devices.bleCombo({ DeviceName: 'ios_lamp', homeWifi: HOME, mtu: 128, mustSetMtu: true });
  const radio = emulator.wx({ platform: 'ios' });
  const added = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: bleComboProvisioner({ wifi: { ssid: 'Home-WiFi', password: HOME.password }, ble: wxBle(radio), ...QUICK }) });
  assert.equal(added.DeviceName, 'ios_lamp');
  assert.equal(radio.calls.filter((c) => c.api === 'setBLEMTU').length, 0, 'not even tried where WeChat refuses it');
  assert.deepEqual(lamp.mtuResults, [0xffff], 'told the MTU could not be set');
  assert.ok(writes(radio).every((w) => w.length <= 20));
  assert.equal(writes(radio).filter((w) => w[0] === 0xe2).length, 2, 'E2 in two slices');
});

test('what goes wrong: a wrong password, a silent device, no cloud, a dropped link, Bluetooth off, no device, cancel', LIMIT, async (t) => {
  const { emulator } = await loggedIn(t);
  const run = (device, options = {}, radio = emulator.wx()) =>
    bleComboProvisioner({ wifi: HOME, ble: wxBle(radio), device: device && readBleComboAdvert({ ...device.advertisement, advertisData: device.advertisement.advertisData }), ...QUICK, ...options })('t0k3n').catch((e) => e);

  const wrongPassword = await run(emulator.devices.bleCombo({ homeWifi: { ...HOME, password: 'other' } }));
  assert.deepEqual([wrongPassword.code, wrongPassword.kind], ['WifiNotConnected', 'Transport']);
  assert.match(wrongPassword.hint, /password.*2\.4 GHz/);

  const silent = await run(emulator.devices.bleCombo({ failure: 'silent' }), { timeouts: { deviceInfo: 100 } });
  assert.deepEqual([silent.code, silent.kind], ['DeviceNoReply', 'Timeout']);
  assert.match(silent.message, /E0/);

  const offline = await run(emulator.devices.bleCombo({ failure: 'cloudUnreachable' }));
  assert.equal(offline.code, 'DeviceRefused');
  assert.match(offline.hint, /internet/);

  const dropped = await run(emulator.devices.bleCombo({ failure: 'dropsLink' }));
  assert.deepEqual([dropped.code, dropped.errno], ['BluetoothError', 10006]);

  const off = await run(null, {}, emulator.wx({ bluetooth: false }));
  assert.deepEqual([off.code, off.errno], ['BluetoothError', 10001]);
  assert.match(off.hint, /turn it on/);

  const none = await run(null, { productId: 'SENSORPROD', timeoutMs: 100 });
  assert.deepEqual([none.code, none.kind], ['DeviceNotFound', 'Timeout']);
  assert.ok(none instanceof sdk.IotExplorerError);

  const controller = new AbortController();
  const slow = emulator.devices.bleCombo({ joinDelayMs: 5000, homeWifi: HOME });
  setTimeout(() => controller.abort(), 200);
  const cancelled = await run(slow, { signal: controller.signal });
  assert.equal(cancelled.code, 'Aborted');

  assert.throws(() => bleComboProvisioner({ wifi: HOME, timeouts: { token: 0 } }), (e) => e.param === 'timeouts.token');
  assert.throws(() => bleComboProvisioner({ wifi: HOME, timeouts: { later: 5 } }), (e) => e.param === 'timeouts.later');
  assert.throws(() => bleComboProvisioner({ wifi: { ssid: '' } }), (e) => e.param === 'wifi.ssid');
});

test('scanBleComboDevices lists every combo device heard, nearest first', LIMIT, async (t) => {
  const { emulator } = await loggedIn(t);
  emulator.devices.bleCombo({ ProductId: 'LIGHT0PROD', rssi: -80 });
  emulator.devices.bleCombo({ ProductId: 'PLUG00PROD', rssi: -40 });
  const radio = emulator.wx();
  const all = await scanBleComboDevices({ ble: wxBle(radio), timeoutMs: 100 });
  assert.deepEqual(all.map((d) => [d.productId, d.rssi]), [['PLUG00PROD', -40], ['LIGHT0PROD', -80]]);
  assert.deepEqual(radio.calls.find((c) => c.api === 'startBluetoothDevicesDiscovery').options.services, ['0000FFF0-0000-1000-8000-00805F9B34FB']);
  assert.equal(radio.calls.filter((c) => c.api === 'stopBluetoothDevicesDiscovery').length, 1);
});
