// The README's provisioning recipes (`<!-- example: softap-miniprogram -->` and
// `<!-- example: ble-combo-miniprogram -->`), run unchanged as pages in the mini-program sandbox:
// getApp().iot is a client of the package against the emulator, wx gains the emulator's radio
// (Wi-Fi, UDP, Bluetooth), and wx.request fails as it does on a hotspot without internet while
// the phone is on the SoftAP device's hotspot.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudFunction } from './cloud-function.mjs';
import { emulatorAndProject } from './fixture.mjs';
import { PACKAGE_NAME, createSandbox } from './sandbox.mjs';

const LIMIT = { timeout: 40_000 };
const HOME = { ssid: 'Home-WiFi', password: 'abcd1234' };
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const recipe = (name) => new RegExp(`<!-- example: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\`\`\``).exec(readme)[1];
const OFF_NETWORK = { errMsg: 'request:fail errcode:-106 cronet_error_code:-106 error_msg:net::ERR_INTERNET_DISCONNECTED', errno: 600001 };

/** The sandbox with the radio, the logged-in app, and the recipe loaded as a page: { page, submit, steps, … }. */
async function openPage(t, name, radioOptions = {}) {
  const { emulator, root } = await emulatorAndProject(t);
  const sb = createSandbox({ root, domains: [emulator.url] });
  const radio = emulator.wx({ ...radioOptions, ArrayBuffer: sb.evaluate('ArrayBuffer') });
  Object.assign(sb.wx, radio);
  const hotspots = new Set();
  const offNetwork = [];
  const request = sb.wx.request;
  sb.wx.request = (options) => {
    if (!hotspots.has(radio.connectedWifi())) return request(options);
    offNetwork.push(options.data);
    setTimeout(() => {
      options.fail?.(OFF_NETWORK);
      options.complete?.(OFF_NETWORK);
    }, 5);
    return { abort() {} };
  };

  const app = sb.require(PACKAGE_NAME);
  await app.init();
  const iot = app.createClient({ getAccessToken: cloudFunction(emulator.endpoint, `o-${name}`).getAccessToken, endpoint: emulator.endpoint });
  t.after(() => iot.logout());
  let page;
  const steps = [];
  const global = sb.evaluate('globalThis');
  global.getApp = () => ({ iot });
  global.Page = (config) => {
    page = config;
    page.setData = (data) => {
      Object.assign(page.data, data);
      steps.push(data.step);
    };
  };
  mkdirSync(join(root, 'pages', name), { recursive: true });
  writeFileSync(join(root, 'pages', name, `${name}.js`), recipe(name));
  sb.require(`/pages/${name}/${name}.js`);
  const submit = (value) => page.onSubmit({ detail: { value } });
  return { emulator, wx: sb.wx, radio, iot, page, submit, steps, hotspots, offNetwork };
}

/** The family's devices by name. */
async function familyDevices(iot) {
  const { DeviceList } = await iot.getFamilyDeviceList({ FamilyId: await iot.defaultFamilyId() });
  return DeviceList.map((d) => d.DeviceName);
}

test('the SoftAP recipe: token on the home Wi-Fi, onto the hotspot, the Wi-Fi and token over UDP, back home, polled and bound', LIMIT, async (t) => {
  const { emulator, radio, iot, page, submit, steps, hotspots, offNetwork } = await openPage(t, 'softap-miniprogram');
  const plug = await emulator.devices.softAp({ DeviceName: 'recipe_plug', homeWifi: HOME, reportDelayMs: 200 });
  hotspots.add(plug.ssid);
  await submit({ ...HOME, hotspot: plug.ssid });
  assert.equal(page.data.step, 'added recipe_plug');
  assert.deepEqual(steps, ['joining the device', 'handing over the Wi-Fi', 'waiting for the device to come online', 'added recipe_plug']);
  const joins = radio.calls.filter((c) => c.api === 'connectWifi').map((c) => c.options.SSID);
  assert.deepEqual(joins, [plug.ssid, HOME.ssid], 'onto the hotspot, then home');
  assert.equal(radio.connectedWifi(), HOME.ssid);
  assert.deepEqual({ ...plug.received[0], token: typeof plug.received[0].token }, { cmdType: 1, ssid: HOME.ssid, password: HOME.password, token: 'string', region: 'ap-guangzhou' });
  assert.deepEqual(offNetwork, [], 'nothing was sent while the phone was on the hotspot');
  assert.ok((await familyDevices(iot)).includes('recipe_plug'));
});

test('the SoftAP recipe when rejoining home is declined: polls fail off the network, and succeed once the phone is home again', LIMIT, async (t) => {
  const { emulator, wx, iot, page, submit, hotspots, offNetwork } = await openPage(t, 'softap-miniprogram');
  const plug = await emulator.devices.softAp({ DeviceName: 'stays_on_hotspot', homeWifi: HOME, reportDelayMs: 200 });
  hotspots.add(plug.ssid);
  const connectWifi = wx.connectWifi;
  wx.connectWifi = (options) => {
    if (options.SSID !== HOME.ssid) return connectWifi(options);
    // The user declines; the phone goes home on its own 3 s later, when the hotspot is gone.
    setTimeout(() => connectWifi({ SSID: HOME.ssid, password: HOME.password }), 3000);
    setTimeout(() => options.fail?.({ errMsg: 'connectWifi:fail user denied', errCode: 12007 }), 5);
  };
  await submit({ ...HOME, hotspot: plug.ssid });
  assert.equal(page.data.step, 'added stays_on_hotspot');
  assert.ok(offNetwork.length >= 1, 'a poll failed with request:fail while on the hotspot');
  assert.ok(offNetwork.every((body) => String(body).includes('AppGetDeviceBindTokenState')), 'only polls were off the network');
  assert.ok((await familyDevices(iot)).includes('stays_on_hotspot'));
});

test('the SoftAP recipe shows a typed error with its hint: the device never answers', LIMIT, async (t) => {
  const { emulator, page, submit, hotspots } = await openPage(t, 'softap-miniprogram');
  const plug = await emulator.devices.softAp({ DeviceName: 'silent_plug', failure: 'silent' });
  hotspots.add(plug.ssid);
  await submit({ ...HOME, hotspot: plug.ssid });
  assert.match(page.data.step, /^DeviceNoReply: no answer from 192\.168\.4\.1:8266 after 7 sends — ./);
});

test('the BLE combo recipe: found by its product, the Wi-Fi and token over LLSync, polled and bound', LIMIT, async (t) => {
  const { emulator, iot, page, submit, steps } = await openPage(t, 'ble-combo-miniprogram');
  emulator.devices.bleCombo({ ProductId: 'PLUG00PROD', DeviceName: 'another_product' });
  const lamp = emulator.devices.bleCombo({ ProductId: 'LIGHT0PROD', DeviceName: 'recipe_lamp', homeWifi: HOME });
  await submit(HOME);
  assert.equal(page.data.step, 'added recipe_lamp');
  assert.deepEqual(steps, ['looking for the device', `handing over the Wi-Fi to ${lamp.mac}`, 'added recipe_lamp']);
  assert.deepEqual(lamp.received.map((hex) => hex.slice(0, 2)), ['e0', 'e1', 'e2', 'e3', 'e4']);
  assert.ok((await familyDevices(iot)).includes('recipe_lamp'));
});

test('the BLE combo recipe shows a typed error with its hint: a wrong Wi-Fi password', LIMIT, async (t) => {
  const { emulator, page, submit } = await openPage(t, 'ble-combo-miniprogram');
  emulator.devices.bleCombo({ DeviceName: 'picky_lamp', homeWifi: HOME });
  await submit({ ...HOME, password: 'wrong-one' });
  assert.match(page.data.step, /^WifiNotConnected: .+ — check the Wi-Fi password/);
});
