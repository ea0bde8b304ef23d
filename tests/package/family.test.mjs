// Family life (issue 15): families and members, sharing a device, the default family, bad input per action.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { offlineClient, assertRefused, assertIncompleteAnswersRefused } from '../fixtures/offline-client.mjs';
import { twoUsers } from './two-users.mjs';
import { loggedIn } from './emulated.mjs';

const LIMIT = { timeout: 30_000 };

const familyIds = async (client) => (await client.getFamilyList()).FamilyList.map((f) => f.FamilyId);
const failsWith = (code) => (e) => e instanceof sdk.IotExplorerError && e.kind === 'Api' && (code === undefined || e.code === code);

test('1. family and members: invite, join, list, rename, remove, rejoin, exit, delete', LIMIT, async (t) => {
  const { alice, bob } = await twoUsers(t);
  const { FamilyId } = alice;

  const described = await alice.client.describeFamily({ FamilyId });
  assert.equal(described.FamilyId, FamilyId);
  await alice.client.modifyFamily({ FamilyId, Name: 'Alice 的家', Address: '深圳' });
  assert.deepEqual([(await alice.client.describeFamily({ FamilyId })).FamilyName, (await alice.client.describeFamily({ FamilyId })).Address], ['Alice 的家', '深圳']);

  // Bob is not a member yet: Alice's family is not his to see.
  await assert.rejects(bob.client.describeFamily({ FamilyId }), failsWith());
  const { ShareToken } = await alice.client.inviteMember({ FamilyId });
  await bob.client.joinFamily({ ShareToken });
  await assert.rejects(bob.client.joinFamily({ ShareToken }), failsWith(), 'a ShareToken is used once');
  assert.ok((await familyIds(bob.client)).includes(FamilyId));
  const role = (await bob.client.getFamilyList()).FamilyList.find((f) => f.FamilyId === FamilyId).Role;
  assert.equal(role, 0, 'Bob is a plain member');
  assert.equal((await bob.client.describeFamily({ FamilyId })).FamilyName, 'Alice 的家');
  // A member sees (and may control) the family's devices.
  const aliceDevices = (await alice.client.getFamilyDeviceList({ FamilyId })).DeviceList.map((d) => d.DeviceId).sort();
  assert.deepEqual((await bob.client.getFamilyDeviceList({ FamilyId })).DeviceList.map((d) => d.DeviceId).sort(), aliceDevices);

  const members = await alice.client.getFamilyMemberList({ FamilyId });
  assert.equal(members.Total, 2);
  assert.deepEqual(members.MemberList.map((m) => [m.UserID, m.NickName, m.Role]), [[alice.UserID, 'Alice', 1], [bob.UserID, 'Bob', 0]]);
  const paged = [];
  for await (const m of bob.client.familyMembers({ FamilyId, pageSize: 1 })) paged.push(m.UserID);
  assert.deepEqual(paged, [alice.UserID, bob.UserID]);

  // Only the admin manages the family.
  await assert.rejects(bob.client.modifyFamily({ FamilyId, Name: 'Bob 的家' }), failsWith('InvalidParameterValue.NoPermission'));
  await assert.rejects(bob.client.deleteFamilyMember({ FamilyId, MemberId: alice.UserID }), failsWith('InvalidParameterValue.NoPermission'));
  await assert.rejects(alice.client.exitFamily({ FamilyId }), failsWith(), 'the admin cannot leave');

  // Removed by the doc's `MemberId`…
  await alice.client.deleteFamilyMember({ FamilyId, MemberId: bob.UserID });
  assert.ok(!(await familyIds(bob.client)).includes(FamilyId));
  await assert.rejects(bob.client.getFamilyDeviceList({ FamilyId }), failsWith());

  // …invited again by UserID (a message in his message center), joins, leaves.
  await alice.client.sendShareFamilyInvite({ FamilyId, ToUserID: bob.UserID });
  await assert.rejects(alice.client.sendShareFamilyInvite({ FamilyId, ToUserID: 'u_nobody' }), failsWith());
  const message = (await bob.client.getMessages({ Category: 2, Limit: 1 })).Data.Msgs[0];
  assert.deepEqual([message.MsgType, message.FamilyId], [204, FamilyId]);
  await bob.client.joinFamily({ ShareToken: message.Attachments.ShareToken });
  assert.equal((await alice.client.getFamilyMemberList({ FamilyId })).Total, 2);
  await bob.client.exitFamily({ FamilyId });
  assert.equal((await alice.client.getFamilyMemberList({ FamilyId })).Total, 1);

  // …and by the Android app's `MemberID`.
  const second = (await alice.client.createFamily({ Name: '老家' })).Data.FamilyId;
  await bob.client.joinFamily({ ShareToken: (await alice.client.inviteMember({ FamilyId: second })).ShareToken });
  await alice.client.deleteFamilyMember({ FamilyId: second, MemberID: bob.UserID });
  assert.equal((await alice.client.getFamilyMemberList({ FamilyId: second })).Total, 1);

  await assert.rejects(bob.client.deleteFamily({ FamilyId: second }), failsWith());
  await alice.client.deleteFamily({ FamilyId: second, Name: '老家' });
  assert.deepEqual(await familyIds(alice.client), [FamilyId]);
});

test('2. sharing a device: token by ProductId+DeviceName or DeviceId, describe, bind, list, control, remove from either side', LIMIT, async (t) => {
  const { alice, bob } = await twoUsers(t);
  const { FamilyId } = alice;
  const [lamp, plug] = (await alice.client.getFamilyDeviceList({ FamilyId })).DeviceList;
  // Bob cannot touch Alice's devices before she shares one.
  await assert.rejects(bob.client.getDeviceData({ DeviceId: lamp.DeviceId }), failsWith());

  // The doc's ProductId + DeviceName…
  const { ShareDeviceToken } = await alice.client.createShareDeviceToken({ FamilyId, ProductId: lamp.ProductId, DeviceName: lamp.DeviceName, TokenContext: '{"from":"test"}' });
  const before = (await bob.client.describeShareDeviceToken({ ShareDeviceToken })).ShareDeviceTokenInfo;
  assert.deepEqual([before.ProductId, before.DeviceName, before.FromUserId, before.UserId], [lamp.ProductId, lamp.DeviceName, alice.UserID, '']);
  await assert.rejects(alice.client.bindUserShareDevice({ ShareDeviceToken, DeviceId: lamp.DeviceId }), failsWith('InvalidParameterValue.CannotBindOwnDevice'));
  // …bound with the official demo's DeviceId.
  assert.equal((await bob.client.bindUserShareDevice({ ShareDeviceToken, DeviceId: lamp.DeviceId })).Status, 'OK');
  assert.equal((await bob.client.describeShareDeviceToken({ ShareDeviceToken })).ShareDeviceTokenInfo.UserId, bob.UserID);
  await assert.rejects(bob.client.bindUserShareDevice({ ShareDeviceToken, DeviceId: lamp.DeviceId }), failsWith('InvalidParameterValue.ShareDeviceTokenUsed'));

  // Bob reads and controls the shared lamp; Alice sees the change.
  await bob.client.controlDevice({ DeviceId: lamp.DeviceId, Data: { brightness: 33 } });
  assert.equal((await alice.client.getDeviceData({ DeviceId: lamp.DeviceId })).DataParsed.brightness.Value, 33);

  // A second device, offered by UserID (a message in his message center).
  await alice.client.sendShareDeviceInvite({ DeviceId: plug.DeviceId, ToUserID: bob.UserID });
  const offer = (await bob.client.getMessages({ Category: 3, Limit: 1 })).Data.Msgs[0];
  assert.deepEqual([offer.MsgType, offer.ProductId, offer.DeviceName], [301, plug.ProductId, plug.DeviceName]);
  await bob.client.bindUserShareDevice({ ShareDeviceToken: offer.Attachments.ShareToken, ProductId: plug.ProductId, DeviceName: plug.DeviceName });
  const page = await bob.client.listUserShareDevices({ Offset: 0, Limit: 1 });
  assert.deepEqual([page.ShareDevices.length, page.Total], [1, 2]);
  const shared = [];
  for await (const d of bob.client.sharedDevices({ pageSize: 1 })) shared.push(d.DeviceId);
  assert.deepEqual(shared.sort(), [lamp.DeviceId, plug.DeviceId].sort());

  const users = await alice.client.listShareDeviceUsers({ DeviceId: lamp.DeviceId, Offset: 0, Limit: 10 });
  assert.deepEqual(users.Users.map((u) => [u.UserID, u.NickName]), [[bob.UserID, 'Bob']]);
  await assert.rejects(bob.client.listShareDeviceUsers({ DeviceId: lamp.DeviceId }), failsWith('InvalidParameterValue.NoPermission'));

  // Alice stops sharing the lamp (the apps' RemoveUserID); Bob gives the plug back himself.
  await alice.client.removeShareDeviceUser({ DeviceId: lamp.DeviceId, RemoveUserID: bob.UserID });
  await assert.rejects(bob.client.getDeviceData({ DeviceId: lamp.DeviceId }), failsWith());
  await assert.rejects(alice.client.removeShareDeviceUser({ ProductId: lamp.ProductId, DeviceName: lamp.DeviceName, RemoveUserId: bob.UserID }), failsWith('InvalidParameterValue.AppDeviceNotExist'));
  await bob.client.removeUserShareDevice({ DeviceId: plug.DeviceId });
  assert.equal((await bob.client.listUserShareDevices({ Offset: 0, Limit: 10 })).Total, 0);
  assert.equal((await alice.client.listShareDeviceUsers({ DeviceId: plug.DeviceId })).Users.length, 0);
});

test('bad input per family and sharing action is refused before sending, naming the parameter; missing result fields are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  const cases = [
    ['describeFamily', {}, 'FamilyId'],
    ['modifyFamily', { FamilyId: 'f' }, 'Name'],
    ['modifyFamily', { FamilyId: 'f', Name: 'n', Address: 3 }, 'Address'],
    ['deleteFamily', { Name: 'n' }, 'FamilyId'],
    ['inviteMember', { FamilyId: '' }, 'FamilyId'],
    ['joinFamily', {}, 'ShareToken'],
    ['exitFamily', { FamilyId: 7 }, 'FamilyId'],
    ['deleteFamilyMember', { FamilyId: 'f' }, 'MemberId'],
    ['deleteFamilyMember', { FamilyId: 'f', MemberID: '' }, 'MemberID'],
    ['getFamilyMemberList', { FamilyId: 'f', Offset: 1.5 }, 'Offset'],
    ['getFamilyMemberList', {}, 'FamilyId'],
    ['sendShareFamilyInvite', { FamilyId: 'f' }, 'ToUserID'],
    ['createShareDeviceToken', { DeviceId: 'P/d' }, 'FamilyId'],
    ['createShareDeviceToken', { FamilyId: 'f', ProductId: 'P' }, 'DeviceName'],
    ['createShareDeviceToken', { FamilyId: 'f', DeviceId: 'P-d' }, 'DeviceId'],
    ['describeShareDeviceToken', {}, 'ShareDeviceToken'],
    ['bindUserShareDevice', { DeviceId: 'P/d' }, 'ShareDeviceToken'],
    ['bindUserShareDevice', { ShareDeviceToken: 's' }, 'ProductId'],
    ['listUserShareDevices', { Limit: '10' }, 'Limit'],
    ['removeUserShareDevice', {}, 'ProductId'],
    ['listShareDeviceUsers', { DeviceId: 'P/d', Offset: -1 }, 'Offset'],
    ['removeShareDeviceUser', { DeviceId: 'P/d' }, 'RemoveUserId'],
    ['removeShareDeviceUser', { RemoveUserID: 'u' }, 'ProductId'],
    ['sendShareDeviceInvite', { DeviceId: 'P/d' }, 'ToUserID'],
  ];
  await assertRefused(client, cases);
  assert.equal(sent(), 0, 'nothing was sent');
  await assertIncompleteAnswersRefused(client, [
    ['describeFamily', { FamilyId: 'f' }],
    ['inviteMember', { FamilyId: 'f' }],
    ['getFamilyMemberList', { FamilyId: 'f' }],
    ['createShareDeviceToken', { FamilyId: 'f', DeviceId: 'P/d' }],
    ['describeShareDeviceToken', { ShareDeviceToken: 's' }],
    ['listUserShareDevices', {}],
    ['listShareDeviceUsers', { DeviceId: 'P/d' }],
  ]);
});

test("FamilyId 'default' is found again after the family is deleted", LIMIT, async (t) => {
  const { client, FamilyId: first } = await loggedIn(t);
  const { Data: { FamilyId: second } } = await client.createFamily({ Name: 'second' });
  await client.deleteFamily({ FamilyId: 'default', Name: '我的家' });
  assert.equal(await client.defaultFamilyId(), second);
  assert.notEqual(second, first);
  assert.equal((await client.getFamilyDeviceList({ FamilyId: 'default' })).Total, 0);
});
