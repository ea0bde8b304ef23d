// The push channel in the mini-program sandbox: wx.connectSocket as the socket, events typed,
// the socket closed when the app hides and reopened (resubscribed, resynced) when it shows again.
import test from 'node:test';
import assert from 'node:assert/strict';
import { until } from '../fixtures/until.mjs';
import { cloudFunction } from './cloud-function.mjs';
import { emulatorAndProject } from './fixture.mjs';
import { PACKAGE_NAME, createSandbox } from './sandbox.mjs';
import { createWxSocket } from './wx-socket.mjs';

/** A mini-program in the sandbox with a fake wx.connectSocket, logged in, and its light. */
async function setUp(t, openId) {
  const { emulator, root } = await emulatorAndProject(t);
  const sb = createSandbox({ root, domains: [emulator.url] });
  const socket = createWxSocket();
  Object.assign(sb.wx, socket.api);
  const app = sb.require(PACKAGE_NAME);
  await app.init();
  const login = cloudFunction(emulator.endpoint, openId);
  const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint, push: { reconnectMinMs: 50 } });
  const family = (await client.getFamilyList()).FamilyList[0];
  const light = (await client.getFamilyDeviceList({ FamilyId: family.FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  return { emulator, socket, client, light };
}

test('push events over wx.connectSocket; hide closes, show reconnects', { timeout: 20000 }, async (t) => {
  const { emulator, socket, client, light } = await setUp(t, 'o-mp-push');
  const events = [];
  const off = await client.subscribe([light.DeviceId], (e) => events.push(JSON.parse(JSON.stringify(e))));
  t.after(() => off());
  await until(() => emulator.push.stats.subscribes === 1, 'the subscription');
  assert.equal(socket.sockets[0].url, emulator.url.replace('http', 'ws') + '/ws/explorer');
  assert.match(socket.sockets[0].sent[0], /^\{"action":"ActivePush"/);

  await client.controlDevice({ ProductId: light.ProductId, DeviceName: light.DeviceName, Data: { power_switch: 1 } });
  await until(() => events.length === 2, 'the control and the report');
  assert.deepEqual(events.map((e) => e.type), ['ControlPush', 'PropertyReport']);

  socket.hide();
  await until(() => socket.sockets[0].closed && emulator.push.openSockets() === 0, 'the socket to close on hide');
  emulator.push.report(light.DeviceId, { brightness: 1 }); // nobody listens while hidden
  socket.show();
  await until(() => emulator.push.stats.subscribes === 2, 'resubscription on show');
  emulator.push.report(light.DeviceId, { brightness: 70 });
  // After show: the live report, and the state as the service has it (Resync), in either order.
  const afterShow = () => events.slice(2);
  await until(() => afterShow().some((e) => e.type === 'PropertyReport') && afterShow().some((e) => e.type === 'Resync'), 'the report and the resync after show');
  assert.deepEqual(afterShow().find((e) => e.type === 'PropertyReport').params, { brightness: 70 });
  const resync = afterShow().find((e) => e.type === 'Resync');
  assert.ok([1, 70].includes(resync.data.brightness.Value), `the resync carries what was reported while hidden or since, not ${JSON.stringify(resync.data.brightness)}`);
  assert.equal(afterShow().length, 2);
  assert.equal(socket.sockets.length, 2);
});

test('a connectSocket that fails through `fail` only is retried', { timeout: 20000 }, async (t) => {
  const { emulator, socket, client, light } = await setUp(t, 'o-mp-push-refused');
  socket.refuseNext();
  const events = [];
  const off = await client.subscribe([light.DeviceId], (e) => events.push(e.type));
  t.after(() => off());
  await until(() => emulator.push.stats.subscribes === 1, 'the subscription over the second socket');
  assert.equal(socket.refusals.made, 1);
  emulator.push.report(light.DeviceId, { brightness: 3 });
  await until(() => events.length === 1, 'an event');
});
