// Families and their members between the emulator's users: details, renaming, deleting,
// invitations by ShareToken, joining, leaving and removal (1081/40810-40821, 43157). A handler
// gets { body, user, world } and returns the response content, or throws an ApiError.
import { ApiError } from './actions.mjs';

// Not documented: how long a family invitation lives.
const INVITE_TTL_SECONDS = 3600;

const missing = (name) => new ApiError('ErrorRequiredParamNotFound', `缺少必选参数 ${name}`);
const invalid = (message, code = 'InvalidParameterValue') => new ApiError(code, message);
const noPermission = () => invalid('用户对该家庭无权限', 'InvalidParameterValue.NoPermission');

export function text(body, name, { required = true, empty = false } = {}) {
  const v = body[name];
  if (v === undefined || v === null || (v === '' && !empty)) {
    if (required) throw missing(name);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(`${name} 应为字符串`);
  return v;
}

export function paging(body, { max = 50, limit = 20 } = {}) {
  const Offset = body.Offset === undefined ? 0 : body.Offset;
  const Limit = body.Limit === undefined ? limit : body.Limit;
  if (!Number.isInteger(Offset) || Offset < 0) throw invalid('Offset 非法');
  if (!Number.isInteger(Limit) || Limit < 1) throw invalid('Limit 非法');
  return (items) => items.slice(Offset, Offset + Math.min(Limit, max));
}

function memberFamily(body, user, world) {
  const family = world.families.get(text(body, 'FamilyId'));
  if (!family || !family.Members.has(user.UserID)) throw invalid('家庭不存在');
  return family;
}

function adminFamily(body, user, world) {
  const family = memberFamily(body, user, world);
  if (family.Owner !== user.UserID) throw noPermission();
  return family;
}

const chars = (s) => [...s].length;

export const familyActions = {
  AppDescribeFamily({ body, user, world }) {
    const f = memberFamily(body, user, world);
    // Under `Data`, as the doc's example has it (the table lists the fields flat).
    return { Data: { FamilyId: f.FamilyId, FamilyName: f.Name, Address: f.Address, CreateTime: f.CreateTime, UpdateTime: f.UpdateTime } };
  },
  AppModifyFamily({ body, user, world }) {
    const family = adminFamily(body, user, world);
    const Name = text(body, 'Name');
    if (chars(Name) > 20) throw invalid('家庭名称过长');
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
    return {};
  },
  AppInviteMember({ body, user, world }) {
    const family = adminFamily(body, user, world);
    const ShareToken = world.id('ft_').padEnd(32, '0').slice(0, 32);
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
    return {};
  },
  AppExitFamily({ body, user, world }) {
    const family = memberFamily(body, user, world);
    if (family.Owner === user.UserID) throw invalid('管理员不能退出家庭');
    family.Members.delete(user.UserID);
    return {};
  },
  AppDeleteFamilyMember({ body, user, world }) {
    // `MemberId` (the doc) or `MemberID` (the Android app); FamilyId is optional in the table,
    // but without it the emulator cannot tell which family: it asks for it.
    const family = adminFamily(body, user, world);
    const member = body.MemberId !== undefined ? text(body, 'MemberId') : text(body, 'MemberID');
    if (member === family.Owner) throw invalid('不能删除管理员');
    if (!family.Members.delete(member)) throw invalid('成员不存在');
    return {};
  },
  AppGetFamilyMemberList({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const take = paging(body);
    const members = [...family.Members].map((id) => world.users.get(id)).filter(Boolean).map((u) => ({
      UserID: u.UserID, NickName: u.NickName, Avatar: u.Avatar, Role: u.UserID === family.Owner ? 1 : 0,
    }));
    return { MemberList: take(members), Total: members.length };
  },
  AppSendShareFamilyInvite({ body, user, world }) {
    const family = adminFamily(body, user, world);
    const to = world.users.get(text(body, 'ToUserID'));
    if (!to) throw invalid('用户不存在');
    // The real service sends the invited user a message with a ShareToken.
    const ShareToken = familyActions.AppInviteMember({ body: { FamilyId: family.FamilyId }, user, world }).ShareToken;
    world.messages.push({ UserID: to.UserID, Category: 'FamilyInvite', FamilyId: family.FamilyId, ShareToken, FromUserID: user.UserID });
    return {};
  },
};
