// Adding a device in the mini-program sandbox: the whole bind-token flow over wx.request, with
// the emulator's simulated device taking the token a moment after the app hands it over.
import test from 'node:test';
import assert from 'node:assert/strict';
import { cloudFunction } from './cloud-function.mjs';
import { emulatorAndProject } from './fixture.mjs';
import { PACKAGE_NAME, createSandbox } from './sandbox.mjs';

test('addDeviceWithToken over wx.request: token, provisioning, polling, bind', { timeout: 20000 }, async (t) => {
  const { emulator, root } = await emulatorAndProject(t);
  const sb = createSandbox({ root, domains: [emulator.url] });
  const app = sb.require(PACKAGE_NAME);
  await app.init();
  const login = cloudFunction(emulator.endpoint, 'o-mp-add-device');
  const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint });
  const FamilyId = await client.defaultFamilyId();
  const { RoomId } = await client.createRoom({ FamilyId, Name: '卧室' });
  const from = sb.requests.length;

  const device = await client.addDeviceWithToken({ FamilyId, RoomId }, {
    pollIntervalMs: 50,
    // The radio side (wx.startWifi/BLE or Tencent's provisioning plugin) is the device's part here.
    provision: async (token) => {
      emulator.devices.provision(token, { ProductId: 'PLUG00PROD', DeviceName: 'mp_plug', delayMs: 120 });
    },
  });
  assert.equal(device.DeviceId, 'PLUG00PROD/mp_plug');
  assert.equal(device.RoomId, RoomId);
  const actions = sb.requests.slice(from).map((r) => JSON.parse(r.data).Action);
  assert.equal(actions[0], 'AppCreateDeviceBindToken');
  assert.ok(actions.filter((a) => a === 'AppGetDeviceBindTokenState').length >= 2, 'polled until the device reported in');
  assert.deepEqual(actions.slice(-2), ['AppTokenBindDeviceFamily', 'AppGetDeviceInFamily']);
  assert.ok(sb.requests.every((r) => r.dataType === 'text'));
  await client.controlDevice({ DeviceId: device.DeviceId, Data: { power_switch: 1 } });
  const listed = (await client.getFamilyDeviceList({ FamilyId, RoomId })).DeviceList;
  assert.equal(listed.map((d) => d.DeviceId).join(), 'PLUG00PROD/mp_plug'); // an array of the sandbox's realm
});
