// One-tap scenes (issue 27), through the public client against the emulator, whose clock the test
// moves: a scene runs its actions in order (a delay waits on the clock), sends the pushes a
// control sends, notifies every member, refuses a second run while it runs, and is logged; an
// offline device, a device gone from the family and a cycle of scenes are told apart; bad input
// per scene action is refused before anything is sent.
import test from 'node:test';
import assert from 'node:assert/strict';
import { isError } from '../fixtures/is-error.mjs';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { until } from '../fixtures/until.mjs';
import { collect } from '../fixtures/collect.mjs';
import { twoUsers } from './two-users.mjs';

const LIMIT = { timeout: 30_000 };
const failsWith = (code) => isError({ kind: 'Api', code });

/** Two users of an emulator whose clock runs `clock.skew` ms ahead; Bob a member of Alice's family. */
async function home(t) {
  const clock = { skew: 0 };
  const users = await twoUsers(t, { clock: () => Date.now() + clock.skew, timerCheckMs: 60_000 });
  const { alice, bob } = users;
  await alice.client.sendShareFamilyInvite({ FamilyId: alice.FamilyId, ToUserID: bob.UserID });
  for await (const message of bob.client.messages({ Category: 2 })) await bob.client.acceptInvitation(message);
  const devices = (await alice.client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList;
  const device = (prefix) => devices.find((d) => d.ProductId.startsWith(prefix));
  return { ...users, clock, light: device('LIGHT'), plug: device('PLUG'), sensor: device('SENSOR') };
}

const power = async (client, device) => (await client.getDeviceData({ DeviceId: device.DeviceId })).DataParsed.power_switch.Value;
const deviceAction = (device, Data) => ({ ActionType: 0, ProductId: device.ProductId, DeviceName: device.DeviceName, Data });

test('a scene runs in order: a device at once, a delay on the clock, the next device, a notice to every member; logged; refused while it runs', LIMIT, async (t) => {
  const { emulator, alice, bob, clock, light, plug } = await home(t);
  const { FamilyId } = alice;
  const pushes = [];
  await bob.client.subscribe([light.DeviceId, plug.DeviceId], (e) => pushes.push(e));

  // Data as an object (sent as its JSON text), the delay as a number (the Android app's), the
  // notice's channel as the Android app's 0.
  const Actions = [deviceAction(light, { power_switch: 0 }), { ActionType: 1, Data: 60 }, deviceAction(plug, { power_switch: 0 }), { ActionType: 3, Data: 0 }];
  const { SceneId } = await alice.client.createScene({ FamilyId, SceneName: 'Good night', SceneIcon: 'https://icons/night.png', Actions });
  const [listed] = await collect(alice.client.scenes({ FamilyId }));
  assert.deepEqual([listed.SceneId, listed.SceneName, listed.Flag, listed.Status], [SceneId, 'Good night', 0, 0]);
  assert.deepEqual(listed.Actions, [
    { ActionType: 0, ProductId: light.ProductId, DeviceName: light.DeviceName, Data: '{"power_switch":0}' },
    { ActionType: 1, Data: '60' },
    { ActionType: 0, ProductId: plug.ProductId, DeviceName: plug.DeviceName, Data: '{"power_switch":0}' },
    { ActionType: 3, Data: 0 },
  ]);

  // A device of another family (Bob's own light) is refused as the page says.
  const bobsLight = (await bob.client.getFamilyDeviceList({ FamilyId: bob.FamilyId })).DeviceList.find((d) => d.ProductId === light.ProductId);
  const foreign = { FamilyId, SceneName: 'x', SceneIcon: '', Actions: [deviceAction(bobsLight, { power_switch: 1 })] };
  await assert.rejects(alice.client.createScene(foreign), failsWith('InvalidParameterValue.NoPermission'));

  await bob.client.runScene({ SceneId });
  assert.deepEqual([await power(alice.client, light), await power(alice.client, plug)], [0, 1], 'the light at once, the plug after the delay');
  assert.equal((await alice.client.getSceneList({ FamilyId })).SceneList[0].Status, 1, 'running');
  await assert.rejects(alice.client.runScene({ SceneId }), failsWith('UnsupportedOperation.SceneRunInProgress'));
  await assert.rejects(alice.client.modifyScene({ SceneId, SceneName: 'x', SceneIcon: '', Actions }), failsWith('UnsupportedOperation.SceneRunInProgress'));
  assert.deepEqual(await collect(alice.client.sceneLog({ FamilyId })), [], 'logged when it is done');

  clock.skew += 59_000;
  emulator.smart.run();
  assert.equal(await power(alice.client, plug), 1, 'the delay is not over');
  clock.skew += 1_000;
  emulator.smart.run();
  assert.equal(await power(alice.client, plug), 0);
  assert.equal((await alice.client.getSceneList({ FamilyId })).SceneList[0].Status, 0);

  // The pushes a control sends (the command, then the device's report), to a member who did not run it.
  await until(() => pushes.filter((e) => e.type === 'PropertyReport').length >= 2, 'both reports');
  const seen = pushes.filter((e) => e.type === 'ControlPush' || e.type === 'PropertyReport').map((e) => [e.type, e.deviceId, e.params.power_switch]);
  assert.deepEqual(seen, [
    ['ControlPush', light.DeviceId, 0],
    ['PropertyReport', light.DeviceId, 0],
    ['ControlPush', plug.DeviceId, 0],
    ['PropertyReport', plug.DeviceId, 0],
  ]);

  const [entry] = await collect(bob.client.sceneLog({ FamilyId }));
  assert.deepEqual([entry.SceneId, entry.SceneName, entry.ResultCode, entry.FamilyId, entry.UserId], [SceneId, 'Good night', 0, FamilyId, bob.UserID]);
  assert.deepEqual(entry.ActionResults.map((r) => [r.DeviceId, r.DeviceAliasName]), [[light.DeviceId, light.AliasName], [plug.DeviceId, plug.AliasName]]);
  for (const user of [alice, bob]) {
    const [notice] = await collect(user.client.messages({ Category: 3 }));
    assert.deepEqual([notice.MsgTitle, notice.FamilyId, notice.UserID], ['Good night', FamilyId, user.UserID]);
  }

  // Changed once it is done, then deleted.
  await alice.client.modifyScene({ SceneId, SceneName: 'Lights out', SceneIcon: '', Actions: Actions.slice(0, 1) });
  assert.equal((await alice.client.getSceneList({ FamilyId })).SceneList[0].SceneName, 'Lights out');
  await alice.client.deleteScene({ SceneId });
  assert.equal((await alice.client.getSceneList({ FamilyId })).Total, 0);
  await assert.rejects(alice.client.runScene({ SceneId }), (e) => e.kind === 'Api');
});

test('a scene fails what it cannot do: an offline device, a device gone from the family (Flag 1), a cycle of scenes; a scene runs another', LIMIT, async (t) => {
  const { emulator, alice, light, plug } = await home(t);
  const { FamilyId } = alice;
  const { SceneId: lamp } = await alice.client.createScene({ FamilyId, SceneName: 'Lamp', SceneIcon: '', Actions: [deviceAction(light, { brightness: 10 })] });
  const { SceneId: both } = await alice.client.createScene({
    FamilyId, SceneName: 'Both', SceneIcon: '', Actions: [{ ActionType: 2, Data: lamp, DeviceName: 'Lamp' }, deviceAction(plug, '{"power_switch":0}')],
  });
  await alice.client.runScene({ SceneId: both });
  assert.equal((await alice.client.getDeviceData({ DeviceId: light.DeviceId })).DataParsed.brightness.Value, 10, 'the inner scene ran');
  assert.equal(await power(alice.client, plug), 0);

  // The lamp offline: its action fails, the plug's still runs; the run is a failure.
  emulator.push.setOnline(light.DeviceId, false);
  await alice.client.controlDevice({ DeviceId: plug.DeviceId, Data: { power_switch: 1 } });
  await alice.client.runScene({ SceneId: both });
  const [failed] = await collect(alice.client.sceneLog({ FamilyId, pageSize: 1 }));
  assert.deepEqual([failed.SceneId, failed.ResultCode], [both, -1]);
  assert.deepEqual(failed.ActionResults.map((r) => [r.DeviceId, r.Result === '成功']), [[light.DeviceId, false], [plug.DeviceId, true]]);
  assert.equal(await power(alice.client, plug), 0);
  emulator.push.setOnline(light.DeviceId, true);

  // A cycle (Lamp → Both → Lamp) runs each scene once, and fails.
  await alice.client.modifyScene({ SceneId: lamp, SceneName: 'Lamp', SceneIcon: '', Actions: [deviceAction(light, { brightness: 20 }), { ActionType: 2, Data: both }] });
  await alice.client.runScene({ SceneId: lamp });
  const [cycle] = await collect(alice.client.sceneLog({ FamilyId, pageSize: 1 }));
  assert.deepEqual([cycle.SceneId, cycle.ResultCode, cycle.ActionResults.length], [lamp, -1, 2]);

  // The plug leaves the family: the scenes with it are flagged.
  await alice.client.deleteDeviceInFamily({ FamilyId, DeviceId: plug.DeviceId });
  const flags = Object.fromEntries((await collect(alice.client.scenes({ FamilyId, pageSize: 1 }))).map((s) => [s.SceneName, s.Flag]));
  assert.deepEqual(flags, { Lamp: 0, Both: 1 });
  assert.equal((await collect(alice.client.sceneLog({ FamilyId, pageSize: 2 }))).length, 3, 'the log read page by page');
});

test('scene actions: bad input is a typed InvalidInput naming the parameter, nothing sent; answers without their documented fields are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  const scene = { FamilyId: 'f', SceneName: 'n', SceneIcon: '' };
  const device = { ActionType: 0, ProductId: 'P', DeviceName: 'd' };
  await assertRefused(client, [
    ['createScene', { SceneName: 'n', SceneIcon: '', Actions: [] }, 'FamilyId'],
    ['createScene', { ...scene, SceneName: '', Actions: [] }, 'SceneName'],
    ['createScene', { ...scene, SceneIcon: 1, Actions: [] }, 'SceneIcon'],
    ['createScene', scene, 'Actions'],
    ['createScene', { ...scene, Actions: {} }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ ActionType: 7, Data: 1 }] }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ Data: 1 }] }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ ...device, Data: 'not json' }] }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ ...device, DeviceName: '', Data: {} }] }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ ActionType: 1, Data: -5 }] }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ ActionType: 1, Data: '1.5' }] }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ ActionType: 2, Data: '' }] }, 'Actions'],
    ['createScene', { ...scene, Actions: [{ ActionType: 3 }] }, 'Actions'],
    ['getSceneList', { FamilyId: 'f', Limit: 0 }, 'Limit'],
    ['getSceneList', {}, 'FamilyId'],
    ['modifyScene', { ...scene, Actions: [] }, 'SceneId'],
    ['runScene', {}, 'SceneId'],
    ['runScene', { SceneId: 5 }, 'SceneId'],
    ['deleteScene', { SceneId: '' }, 'SceneId'],
    ['getSceneAndAutomationLogs', { Limit: 1 }, 'FamilyId'],
    ['getSceneAndAutomationLogs', { FamilyId: 'f', Limit: -1 }, 'Limit'],
  ]);
  // A device action's Data checked against its product's data template, when given.
  const templates = { P: { properties: [{ id: 'brightness', mode: 'rw', define: { type: 'int', min: '0', max: '100' } }] } };
  await assert.rejects(
    client.createScene({ ...scene, Actions: [{ ActionType: 1, Data: 1 }, { ...device, Data: { brightness: 500 } }] }, { templates }),
    (e) => e.kind === 'InvalidInput' && e.param === 'Actions' && /^Actions\[1\]\.Data\.brightness/.test(e.message),
  );
  await assert.rejects(iteratorFirst(client.scenes({ FamilyId: 'f', pageSize: 0 })), (e) => e.kind === 'InvalidInput' && e.param === 'pageSize');
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [
    ['createScene', { ...scene, Actions: [] }],
    ['getSceneList', { FamilyId: 'f' }],
    ['getSceneAndAutomationLogs', { FamilyId: 'f' }],
  ]);
});

const iteratorFirst = (iterator) => iterator.next();
