// Families, their rooms and members between the emulator's users: listing, details, renaming,
// deleting, invitations by ShareToken (in the invitee's message center, 204), joining and leaving
// (each told to the family's members, 200 and 201) and removal (1081/40808-40821, 43157).
// A handler gets { body, user, world } and returns the response content, or throws an ApiError.
import { postMessage, postToFamily } from './messages.mjs';
import { chars, invalid, page, paging, text, withinLimit } from './params.mjs';

// Not documented: how long a family invitation lives.
const INVITE_TTL_SECONDS = 3600;

const noPermission = () => invalid('用户对该家庭无权限', 'InvalidParameterValue.NoPermission');

/** The family named by `FamilyId`, of which the user is a member. */
export function memberFamily(body, user, world) {
  const family = world.families.get(text(body, 'FamilyId'));
  if (!family || !family.Members.has(user.UserID)) throw invalid('家庭不存在');
  return family;
}

function adminFamily(body, user, world) {
  const family = memberFamily(body, user, world);
  if (family.Owner !== user.UserID) throw noPermission();
  return family;
}

const familyView = (f, userId) => ({
  FamilyId: f.FamilyId, Name: f.Name, Role: f.Owner === userId ? 1 : 0, CreateTime: f.CreateTime, UpdateTime: f.UpdateTime,
});

/** A room's id in `family` from `RoomId` ("" and "0": the default room). */
export function roomIdIn(family, body, { required }) {
  const id = text(body, 'RoomId', { required, empty: true });
  if (id === undefined || id === '' || id === '0') return '0';
  if (!family.Rooms.has(id)) throw invalid('房间不存在');
  return id;
}

export const familyActions = {
  AppGetFamilyList({ body, user, world }) {
    const families = world.familiesOf(user.UserID).map((f) => familyView(f, user.UserID));
    return { FamilyList: page(families, paging(body)), Total: families.length };
  },
  AppCreateFamily({ body, user, world }) {
    const name = text(body, 'Name');
    withinLimit(world, 'nameLength', chars(name), '家庭名称过长');
    const family = world.createFamily(user.UserID, name, text(body, 'Address', { required: false }) || '');
    return { Data: { FamilyId: family.FamilyId } };
  },
  AppDescribeFamily({ body, user, world }) {
    const f = memberFamily(body, user, world);
    // Under `Data`, as the doc's example has it (the table lists the fields flat).
    return { Data: { FamilyId: f.FamilyId, FamilyName: f.Name, Address: f.Address, CreateTime: f.CreateTime, UpdateTime: f.UpdateTime } };
  },
  AppModifyFamily({ body, user, world }) {
    const family = adminFamily(body, user, world);
    const Name = text(body, 'Name');
    withinLimit(world, 'nameLength', chars(Name), '家庭名称过长');
    family.Name = Name;
    const Address = text(body, 'Address', { required: false, empty: true });
    if (Address !== undefined) family.Address = Address;
    family.UpdateTime = world.now();
    return {};
  },
  AppDeleteFamily({ body, user, world }) {
    const family = adminFamily(body, user, world);
    if (world.familiesOf(user.UserID).length === 1) throw invalid('不能删除最后一个家庭');
    // Its devices go back to the factory: they can be added again.
    for (const [key, d] of world.devices) {
      if (d.FamilyId !== family.FamilyId) continue;
      world.devices.delete(key);
      world.shares.delete(key);
      world.makeDevice(d.ProductId, d.DeviceName);
    }
    world.families.delete(family.FamilyId);
    for (const [id, scene] of world.scenes) if (scene.FamilyId === family.FamilyId) world.scenes.delete(id);
    for (const [id, automation] of world.automations) if (automation.FamilyId === family.FamilyId) world.automations.delete(id);
    return {};
  },
  AppInviteMember({ body, user, world }) {
    const family = adminFamily(body, user, world);
    const ShareToken = world.token('ft_');
    world.familyInvites.set(ShareToken, { FamilyId: family.FamilyId, ExpireAt: world.now() + INVITE_TTL_SECONDS });
    return { ShareToken };
  },
  AppJoinFamily({ body, user, world }) {
    const ShareToken = text(body, 'ShareToken');
    const invite = world.familyInvites.get(ShareToken);
    if (!invite || invite.ExpireAt <= world.now()) throw invalid('分享 Token 无效或已过期');
    const family = world.families.get(invite.FamilyId);
    if (!family) throw invalid('家庭不存在');
    if (family.Members.has(user.UserID)) throw invalid('已是家庭成员');
    family.Members.add(user.UserID);
    world.familyInvites.delete(ShareToken); // one use
    postToFamily(world, family.FamilyId, 'memberJoined', { MsgTitle: '成员加入', MsgContent: `“${user.NickName}”加入了“${family.Name}”`, RelateUserID: user.UserID });
    return {};
  },
  AppExitFamily({ body, user, world }) {
    const family = memberFamily(body, user, world);
    if (family.Owner === user.UserID) throw invalid('管理员不能退出家庭');
    family.Members.delete(user.UserID);
    postToFamily(world, family.FamilyId, 'memberLeft', { MsgTitle: '成员退出', MsgContent: `“${user.NickName}”退出了“${family.Name}”`, RelateUserID: user.UserID });
    return {};
  },
  AppDeleteFamilyMember({ body, user, world }) {
    // `MemberId` (the doc) or `MemberID` (the Android app); FamilyId is optional in the table,
    // but without it the emulator cannot tell which family: it asks for it.
    const family = adminFamily(body, user, world);
    const member = body.MemberId !== undefined ? text(body, 'MemberId') : text(body, 'MemberID');
    if (member === family.Owner) throw invalid('不能删除管理员');
    if (!family.Members.delete(member)) throw invalid('成员不存在');
    const left = { FamilyId: family.FamilyId, FamilyName: family.Name, MsgTitle: '成员移除', MsgContent: `“${world.users.get(member)?.NickName ?? member}”已被移出“${family.Name}”`, RelateUserID: member };
    postToFamily(world, family.FamilyId, 'memberLeft', left);
    postMessage(world, member, 'memberLeft', left);
    return {};
  },
  AppGetFamilyMemberList({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const members = [...family.Members].map((id) => world.users.get(id)).filter(Boolean).map((u) => ({
      UserID: u.UserID, NickName: u.NickName, Avatar: u.Avatar, Role: u.UserID === family.Owner ? 1 : 0,
    }));
    return { MemberList: page(members, paging(body)), Total: members.length };
  },
  AppSendShareFamilyInvite({ body, user, world }) {
    const family = adminFamily(body, user, world);
    const to = world.users.get(text(body, 'ToUserID'));
    if (!to) throw invalid('用户不存在');
    // The invitation is a message of the invitee's, whose ShareToken AppJoinFamily takes.
    const ShareToken = familyActions.AppInviteMember({ body: { FamilyId: family.FamilyId }, user, world }).ShareToken;
    postMessage(world, to.UserID, 'familyInvitation', {
      FromUserID: user.UserID, FamilyId: family.FamilyId, FamilyName: family.Name, MsgTitle: '家庭邀请',
      MsgContent: `“${user.NickName}”邀请你加入“${family.Name}”`, Attachments: { ShareToken },
    });
    return {};
  },
  // ---- rooms ----
  AppCreateRoom({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const Name = text(body, 'Name');
    withinLimit(world, 'nameLength', chars(Name), '房间名称过长');
    const now = world.now();
    const room = { RoomId: world.id('r_'), RoomName: Name, CreateTime: now, UpdateTime: now };
    family.Rooms.set(room.RoomId, room);
    // Under `Data`, as the doc's example and the Android app have it (the table: at the top).
    return { Data: { RoomId: room.RoomId } };
  },
  AppModifyRoom({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const room = family.Rooms.get(text(body, 'RoomId'));
    if (!room) throw invalid('房间不存在');
    const Name = text(body, 'Name', { required: false });
    if (Name !== undefined) {
      withinLimit(world, 'nameLength', chars(Name), '房间名称过长');
      room.RoomName = Name;
      room.UpdateTime = world.now();
    }
    return {};
  },
  AppDeleteRoom({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const RoomId = text(body, 'RoomId');
    if (!family.Rooms.delete(RoomId)) throw invalid('房间不存在');
    for (const d of world.devices.values()) if (d.FamilyId === family.FamilyId && d.RoomId === RoomId) d.RoomId = '0';
    return {};
  },
  AppGetRoomList({ body, user, world }) {
    // FamilyId is optional in the table: without it, the rooms of every family of the user.
    const families = body.FamilyId === undefined ? world.familiesOf(user.UserID) : [memberFamily(body, user, world)];
    const rooms = families.flatMap((f) =>
      [...f.Rooms.values()].map((r) => ({ ...r, DeviceNum: [...world.devices.values()].filter((d) => d.FamilyId === f.FamilyId && d.RoomId === r.RoomId).length })),
    );
    return { RoomList: page(rooms, paging(body)), Total: rooms.length };
  },
};
