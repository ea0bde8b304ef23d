// Gateways and sub-devices (issue 28, group 2), through the public client against the emulator:
// a gateway added to the family lists the sub-devices it has bound, they join its family, a new
// one is bound to it by its dynamic signature and unbound again, each with the Gateway push; bad
// input per action is refused before anything is sent.
import test from 'node:test';
import assert from 'node:assert/strict';
import { isError } from '../fixtures/is-error.mjs';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { until } from '../fixtures/until.mjs';
import { twoUsers } from './two-users.mjs';

const LIMIT = { timeout: 30_000 };
const failsWith = (code) => isError({ kind: 'Api', code });

test('a gateway: its sub-devices listed, bound into its family, a new one bound by signature and unbound, with the Gateway pushes', LIMIT, async (t) => {
  const { emulator, alice, bob } = await twoUsers(t);
  const { FamilyId } = alice;
  const { gateway, subDevices } = emulator.devices.gateway('hub', 2);
  const DeviceSignature = emulator.devices.qrSignature(gateway.ProductId, gateway.DeviceName);
  const added = (await alice.client.secureAddDeviceInFamily({ FamilyId, DeviceSignature })).Data.AppDeviceInfo;
  assert.equal(added.DeviceType, 1, 'a gateway');
  const hub = { GatewayProductId: gateway.ProductId, GatewayDeviceName: gateway.DeviceName };
  const events = [];
  await alice.client.subscribe([`${gateway.ProductId}/${gateway.DeviceName}`], (e) => events.push(e));

  const listed = await alice.client.getGatewayBindDeviceList({ ...hub, Offset: 0, Limit: 50 });
  assert.equal(listed.Total, 2);
  assert.deepEqual(listed.DeviceList.map((d) => [d.DeviceName, d.BindStatus]), subDevices.map((s) => [s.DeviceName, 0]));

  // What the official apps do after adding a gateway: every sub-device not in a family joins it.
  for (const sub of listed.DeviceList.filter((d) => d.BindStatus === 0)) {
    const { AppDeviceInfo } = await alice.client.bindSubDeviceInFamily({ ...hub, ProductId: sub.ProductId, DeviceName: sub.DeviceName });
    assert.deepEqual([AppDeviceInfo.DeviceId, AppDeviceInfo.FamilyId, AppDeviceInfo.DeviceType], [sub.DeviceId, FamilyId, 2]);
  }
  assert.deepEqual((await alice.client.getGatewayBindDeviceList(hub)).DeviceList.map((d) => d.BindStatus), [1, 1]);
  const inFamily = await alice.client.getFamilySubDeviceList({ ...hub, Offset: 0, Limit: 10 });
  assert.deepEqual([inFamily.Total, inFamily.DeviceList.every((d) => d.FamilyId === FamilyId)], [2, true]);
  // The Java device SDK names the gateway ProductId and DeviceName.
  assert.equal((await alice.client.getFamilySubDeviceList({ ProductId: gateway.ProductId, DeviceName: gateway.DeviceName })).Total, 2);
  const [first] = subDevices;
  await assert.rejects(alice.client.bindSubDeviceInFamily({ ...hub, ProductId: first.ProductId, DeviceName: first.DeviceName }), (e) => e.kind === 'Api');

  // A new sub-device, bound to the gateway by its dynamic signature (made on the device side).
  const door = emulator.devices.make('DOORSNSPROD', 'hub_back_door');
  const signed = { ProductId: door.ProductId, DeviceName: door.DeviceName, DeviceTimestamp: Math.floor(Date.now() / 1000), Nonce: 'a1b2c' };
  await assert.rejects(
    alice.client.sigGatewayBindDevice({ ...hub, ...signed, Signature: 'not-the-signature' }),
    failsWith('InvalidParameterValue.BindDeviceSigMismatch'),
  );
  await alice.client.sigGatewayBindDevice({ ...hub, ...signed, Signature: emulator.devices.gatewaySignature(signed) });
  await until(() => events.some((e) => e.type === 'SubDeviceChange' && e.action === 'bind'), 'the bind push');
  const bound = events.find((e) => e.type === 'SubDeviceChange');
  assert.deepEqual(bound.type === 'SubDeviceChange' && bound.subDevices, [{ ProductId: door.ProductId, DeviceName: door.DeviceName }]);
  assert.equal((await alice.client.getGatewayBindDeviceList(hub)).Total, 3);

  // Unbound from the gateway; Bob, not in the family, cannot touch it.
  await assert.rejects(bob.client.gatewayUnbindDevice({ ...hub, ProductId: door.ProductId, DeviceName: door.DeviceName }), (e) => e.kind === 'Api');
  await alice.client.gatewayUnbindDevice({ ...hub, ProductId: door.ProductId, DeviceName: door.DeviceName });
  await until(() => events.some((e) => e.type === 'SubDeviceChange' && e.action === 'unbind'), 'the unbind push');
  assert.equal((await alice.client.getGatewayBindDeviceList(hub)).Total, 2);
  await assert.rejects(alice.client.gatewayUnbindDevice({ ...hub, ProductId: door.ProductId, DeviceName: door.DeviceName }), (e) => e.kind === 'Api');

  // An offline gateway has not been connected lately: nothing binds through it.
  emulator.push.setOnline(`${gateway.ProductId}/${gateway.DeviceName}`, false);
  await assert.rejects(
    alice.client.sigGatewayBindDevice({ ...hub, ...signed, Signature: emulator.devices.gatewaySignature(signed) }),
    failsWith('InvalidParameterValue.BindDeviceNotConnected'),
  );
});

test('gateway actions: bad input is a typed InvalidInput naming the parameter, nothing sent; a String Total (48129\'s table) is a number', async () => {
  const { client, sent } = offlineClient(sdk);
  const hub = { GatewayProductId: 'G', GatewayDeviceName: 'g' };
  const sub = { ProductId: 'P', DeviceName: 'd' };
  await assertRefused(client, [
    ['getGatewayBindDeviceList', { GatewayDeviceName: 'g' }, 'GatewayProductId'],
    ['getGatewayBindDeviceList', { ...hub, Limit: 0 }, 'Limit'],
    ['getGatewayBindDeviceList', { ...hub, ProductId: '' }, 'ProductId'],
    ['bindSubDeviceInFamily', { ...hub, ProductId: 'P' }, 'DeviceName'],
    ['bindSubDeviceInFamily', { ...sub, GatewayProductId: 'G' }, 'GatewayDeviceName'],
    ['getFamilySubDeviceList', { GatewayDeviceName: 'g' }, 'GatewayProductId'],
    ['getFamilySubDeviceList', { ...hub, Offset: -1 }, 'Offset'],
    ['sigGatewayBindDevice', { ...hub, ...sub, Nonce: 'n', Signature: 's' }, 'DeviceTimestamp'],
    ['sigGatewayBindDevice', { ...hub, ...sub, DeviceTimestamp: '1', Nonce: 'n', Signature: 's' }, 'DeviceTimestamp'],
    ['sigGatewayBindDevice', { ...hub, ...sub, DeviceTimestamp: 1, Signature: 's' }, 'Nonce'],
    ['sigGatewayBindDevice', { ...hub, ...sub, DeviceTimestamp: 1, Nonce: 'n' }, 'Signature'],
    ['gatewayUnbindDevice', { ...hub, DeviceName: 'd' }, 'ProductId'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [
    ['getGatewayBindDeviceList', hub],
    ['bindSubDeviceInFamily', { ...hub, ...sub }],
    ['getFamilySubDeviceList', hub],
  ]);
  const answering = (inner) => sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport: async () => ({ status: 200, body: JSON.stringify({ Response: { ...inner, RequestId: 'r' } }) }) });
  const list = await answering({ DeviceList: [], Total: '2' }).getGatewayBindDeviceList(hub);
  assert.equal(list.Total, 2);
  const info = { ProductId: 'P', DeviceName: 'd' };
  assert.deepEqual((await answering({ AppDeviceInfo: info }).bindSubDeviceInFamily({ ...hub, ...sub })).AppDeviceInfo, info, "the table's place, at the top");
});
