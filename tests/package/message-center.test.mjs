// The message center (issue 27), through the public client against the emulator: what lands in
// it (a device's alert 101, a member joining or leaving 200/201, invitations 204/301, a share
// accepted 300), read newest first page by page by its cursor, deleted by MsgID as text or a
// number, invitations accepted from their message; bad input refused before anything is sent.
import test from 'node:test';
import assert from 'node:assert/strict';
import { isError } from '../fixtures/is-error.mjs';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { collect } from '../fixtures/collect.mjs';
import { twoUsers } from './two-users.mjs';

const LIMIT = { timeout: 30_000 };
const isInvalid = (param) => isError({ kind: 'InvalidInput', param });

test('alerts land as 101 messages, read newest first page by page; deleted by MsgID as text or as a number', LIMIT, async (t) => {
  const { emulator, alice } = await twoUsers(t);
  const light = (await alice.client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  for (let i = 0; i < 25; i++) emulator.push.event(light.DeviceId, 'overheat', { temperature: 80 + i });
  emulator.push.event(light.DeviceId, 'not_in_the_template', {}); // an info event: no message

  const messages = await collect(alice.client.messages({ Category: 1, pageSize: 10 }));
  assert.equal(messages.length, 25);
  assert.deepEqual(new Set(messages.map((m) => m.MsgID)).size, 25, 'no message twice across pages');
  const [newest] = messages;
  assert.deepEqual(
    [newest.MsgType, newest.Category, newest.MsgTitle, newest.ProductId, newest.DeviceName, newest.DeviceAlias, newest.FamilyId, newest.UserID],
    [101, 1, '过热', light.ProductId, light.DeviceName, light.AliasName, alice.FamilyId, alice.UserID],
  );
  assert.match(newest.MsgContent, /104/);
  assert.ok(messages.every((m, i) => i === 0 || BigInt(messages[i - 1].MsgID) > BigInt(m.MsgID)), 'newest first');
  assert.deepEqual(await collect(alice.client.messages({ Category: 2 })), [], 'another category');

  // One page by hand: the cursor is the last message's MsgID and MsgTimestamp.
  const first = await alice.client.getMessages({ Category: 1, Limit: 20 });
  assert.deepEqual([first.Data.Msgs.length, first.Data.Listover], [20, false]);
  const last = first.Data.Msgs[19];
  const rest = await alice.client.getMessages({ Category: 1, Limit: 20, MsgID: last.MsgID, MsgTimestamp: last.MsgTimestamp });
  assert.deepEqual([rest.Data.Msgs.length, rest.Data.Listover], [5, true]);

  // MsgID as its text (the table) and as a number (40795's example).
  await alice.client.deleteMessage({ MsgID: messages[0].MsgID });
  await alice.client.deleteMessage({ MsgID: Number(messages[1].MsgID) });
  assert.equal((await collect(alice.client.messages({ Category: 1, pageSize: 100 }))).length, 23);
  await assert.rejects(alice.client.deleteMessage({ MsgID: messages[0].MsgID }), (e) => e.kind === 'Api' && e.code === 'InvalidParameterValue.MsgIDInvalid');
});

test('invitations: a family (204) and a device share (301) accepted from the message; the inviter hears of it (200, 300, 201)', LIMIT, async (t) => {
  const { alice, bob } = await twoUsers(t);
  const plug = (await alice.client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList.find((d) => d.ProductId === 'PLUG00PROD');
  const second = (await alice.client.createFamily({ Name: '老家' })).Data.FamilyId;
  await alice.client.sendShareFamilyInvite({ FamilyId: second, ToUserID: bob.UserID });
  await alice.client.sendShareDeviceInvite({ DeviceId: plug.DeviceId, ToUserID: bob.UserID });

  const [family] = await collect(bob.client.messages({ Category: 2 }));
  assert.deepEqual([family.MsgType, family.FamilyId, family.FamilyName, family.FromUserID], [204, second, '老家', alice.UserID]);
  assert.deepEqual(await bob.client.acceptInvitation(family).then((a) => 'joined' in a && a.FamilyId), second);
  assert.ok((await bob.client.getFamilyList()).FamilyList.some((f) => f.FamilyId === second));
  await assert.rejects(bob.client.acceptInvitation(family), (e) => e.kind === 'Api', 'a family token is used once');

  const [share] = await collect(bob.client.messages({ Category: 3 }));
  assert.deepEqual([share.MsgType, share.ProductId, share.DeviceName], [301, plug.ProductId, plug.DeviceName]);
  const bound = await bob.client.acceptInvitation(share);
  assert.deepEqual('bound' in bound && [bound.DeviceId, bound.bound.Status], [plug.DeviceId, 'OK']);
  assert.equal((await bob.client.getDeviceData({ DeviceId: plug.DeviceId })).DataParsed.power_switch.Value, 1);

  await bob.client.exitFamily({ FamilyId: second });
  const told = (await collect(alice.client.messages({ Category: 2 }))).map((m) => [m.MsgType, m.RelateUserID]);
  assert.deepEqual(told, [[201, bob.UserID], [200, bob.UserID]]);
  const [accepted] = await collect(alice.client.messages({ Category: 3 }));
  assert.deepEqual([accepted.MsgType, accepted.FromUserID, accepted.DeviceName], [300, bob.UserID, plug.DeviceName]);

  // Messages that are not invitations, or that lost their token, are refused before sending.
  const [joined] = await collect(alice.client.messages({ Category: 2 }));
  await assert.rejects(alice.client.acceptInvitation(joined), isInvalid('message'));
  await assert.rejects(alice.client.acceptInvitation({ ...share, Attachments: null }), isInvalid('message'));
  await assert.rejects(alice.client.acceptInvitation({ ...share, DeviceName: '' }), isInvalid('message'));
});

test('message center actions: bad input is a typed InvalidInput naming the parameter, nothing sent; answers without their documented fields are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  await assertRefused(client, [
    ['getMessages', { Limit: 20 }, 'Category'],
    ['getMessages', { Category: 4, Limit: 20 }, 'Category'],
    ['getMessages', { Category: '1', Limit: 20 }, 'Category'],
    ['getMessages', { Category: 1 }, 'Limit'],
    ['getMessages', { Category: 1, Limit: 0 }, 'Limit'],
    ['getMessages', { Category: 1, Limit: 20, MsgID: 'abc' }, 'MsgID'],
    ['getMessages', { Category: 1, Limit: 20, MsgTimestamp: -1 }, 'MsgTimestamp'],
    ['deleteMessage', {}, 'MsgID'],
    ['deleteMessage', { MsgID: -1 }, 'MsgID'],
    ['deleteMessage', { MsgID: '' }, 'MsgID'],
  ]);
  await assert.rejects(client.messages({ Category: 1, pageSize: 1.5 }).next(), isInvalid('pageSize'));
  await assert.rejects(client.acceptInvitation(null), isInvalid('message'));
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [['getMessages', { Category: 1, Limit: 1 }]]);
});
