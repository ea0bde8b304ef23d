// Tencent's provisioning plugins on this SDK's client (issue 30, item 5): the official
// qcloud-iotexplorer-appdev-plugin-wificonf-core 1.9.6 (what the SmartConfig, AirKiss and
// SimpleConfig plugins are built on) runs its token step, token polling and bind through
// officialPluginHost against the emulator's SoftAP device, inside addDeviceWithToken, which
// does not bind a second time. Its encodings are not obtainable (the registry has none of those
// plugins), so a stand-in subclass resolves doProtocol() with the device's address, as each of
// them does once the device joined the Wi-Fi.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as sdk from 'iot-explorer-app';
import { officialPluginHost, officialPluginProvision } from 'iot-explorer-app/provisioning';
import { loggedIn } from './emulated.mjs';

const LIMIT = { timeout: 30_000 };
const HOME = { ssid: 'Home-WiFi', password: 'abcd1234' };

/** The official core, loaded as a mini-program would: with `wx` (UDP here) and `navigator` global. */
function loadOfficialCore(t, wx) {
  const saved = { wx: globalThis.wx, navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator'), log: console.log, error: console.error };
  globalThis.wx = wx;
  // The core logs each step and each failure to the console.
  console.log = () => {};
  console.error = () => {};
  if (!globalThis.navigator) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'node' }, configurable: true });
  t.after(() => {
    globalThis.wx = saved.wx;
    if (saved.navigator) Object.defineProperty(globalThis, 'navigator', saved.navigator);
    else delete globalThis.navigator;
    Object.assign(console, { log: saved.log, error: saved.error });
  });
  const require = createRequire(import.meta.url);
  const core = require('qcloud-iotexplorer-appdev-plugin-wificonf-core');
  // What the SmartConfig plugin does over the air ends in the device's address; here, the emulator's.
  class StandIn extends core.WifiConfProtocolBase {
    async doProtocol() {
      return { address: this.options.deviceAddress };
    }
  }
  return { install: (host) => void (host.plugins.wifiConfStandIn = { start: (options) => new StandIn(host, options).start() }) };
}

async function setUp(t) {
  const actions = [];
  const { emulator, client, FamilyId } = await loggedIn(t, { emulatorOptions: { log: (line) => actions.push(line) } });
  const host = officialPluginHost(client);
  const plugin = loadOfficialCore(t, emulator.wx());
  host.usePlugin(plugin);
  return { emulator, client, host, plugin, actions, FamilyId };
}

const options = (device) => ({ targetWifiInfo: { SSID: HOME.ssid, password: HOME.password }, deviceAddress: device.address, udpPort: device.port, stepInterval: 20 });
const count = (actions, action) => actions.filter((line) => line.includes(action)).length;

test('the official core adds a device inside addDeviceWithToken: its token step, its polls, its one bind, in the room given', LIMIT, async (t) => {
  const { emulator, client, host, actions, FamilyId } = await setUp(t);
  const { RoomId } = await client.createRoom({ FamilyId, Name: '客厅' });
  const plug = await emulator.devices.softAp({ ProductId: 'PLUG00PROD', DeviceName: 'smartconfig_plug', reportDelayMs: 20 });
  const added = await client.addDeviceWithToken({ FamilyId, RoomId: String(RoomId) }, { provision: officialPluginProvision(host, 'wifiConfStandIn', options(plug)) });
  assert.deepEqual([added.ProductId, added.DeviceName], ['PLUG00PROD', 'smartconfig_plug']);
  assert.deepEqual(Object.keys(plug.received[0]).sort(), ['cmdType', 'token'], 'the core sent the token alone (cmdType 0)');
  assert.equal(count(actions, 'AppTokenBindDeviceFamily'), 1, 'bound once, by the plugin');
  assert.ok(count(actions, 'AppGetDeviceBindTokenState') >= 1, 'the plugin polled');
  const listed = (await client.getFamilyDeviceList({ FamilyId })).DeviceList.find((d) => d.DeviceName === 'smartconfig_plug');
  assert.equal(String(listed.RoomId), String(RoomId));
});

test('the host answers as the official SDK: fields at the top, the family "default" resolved, an empty RoomId dropped, errors as { code, msg }', LIMIT, async (t) => {
  const { emulator, client, host, plugin, FamilyId } = await setUp(t);
  const { Token } = await client.createDeviceBindToken();
  const state = await host.requestApi('AppGetDeviceBindTokenState', { Token }, { isTokenApi: true });
  assert.equal(state.State, 1, 'State at the top');
  const refused = await host.requestApi('AppGetDeviceBindTokenState', { Token: 'no-such-token' }).catch((e) => e);
  assert.ok(!(refused instanceof Error), 'a plain object, as the plugins expect');
  assert.equal(typeof refused.code, 'string');
  assert.equal(typeof refused.msg, 'string');

  // Without addDeviceWithToken: the plugin's own defaults, familyId 'default' and roomId ''.
  const sent = [];
  const watched = officialPluginHost({ call: (action, params) => (sent.push({ action, params }), client.call(action, params)), defaultFamilyId: () => client.defaultFamilyId() });
  watched.usePlugin(plugin);
  const lamp = await emulator.devices.softAp({ ProductId: 'LIGHT0PROD', DeviceName: 'default_family_lamp', reportDelayMs: 20 });
  const { Token: token } = await client.createDeviceBindToken();
  const done = await officialPluginProvision(watched, 'wifiConfStandIn', options(lamp))(token);
  assert.deepEqual(done, { ProductId: 'LIGHT0PROD', DeviceName: 'default_family_lamp', bound: true });
  const bind = sent.find((s) => s.action === 'AppTokenBindDeviceFamily').params;
  assert.deepEqual([bind.FamilyId, 'RoomId' in bind], [FamilyId, false]);
  const listed = (await client.getFamilyDeviceList({ FamilyId })).DeviceList.map((d) => d.DeviceName);
  assert.ok(listed.includes('default_family_lamp'), 'bound in the default family');
});

test('a plugin failure is a typed error with the plugin\'s code; a cancel does not wait for the plugin', LIMIT, async (t) => {
  const { emulator, client, host, FamilyId } = await setUp(t);
  const failing = await emulator.devices.softAp({ failure: 'currentError' });
  const error = await client.addDeviceWithToken({ FamilyId }, { provision: officialPluginProvision(host, 'wifiConfStandIn', options(failing)) }).catch((e) => e);
  assert.ok(error instanceof sdk.IotExplorerError);
  assert.deepEqual([error.code, error.step], ['BUSINESS_DEVICE_ERROR', 'provision']);

  const silent = await emulator.devices.softAp({ failure: 'silent' });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  const cancelled = await client
    .addDeviceWithToken({ FamilyId }, { signal: controller.signal, provision: officialPluginProvision(host, 'wifiConfStandIn', options(silent)) })
    .catch((e) => e);
  assert.equal(cancelled.code, 'Aborted');
  assert.ok(Date.now() - started < 2000, 'not the plugin\'s 12 s');

  const missing = await officialPluginProvision(host, 'wifiConfAirKiss')('t').catch((e) => e);
  assert.deepEqual([missing.kind, missing.param], ['InvalidInput', 'name']);
});
