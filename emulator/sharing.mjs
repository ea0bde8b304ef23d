// Sharing a device between the emulator's users (1081/43156, 48183-48192): a share token made by
// a member of the device's family, bound by another user, who may then read and control the
// device (World.deviceFor) until either side removes the share.
import { deviceKey } from './devices.mjs';
import { postMessage } from './messages.mjs';
import { invalid, page, paging, text } from './params.mjs';
import { deviceId } from './world.mjs';

// The doc's example token lives 7 days (ExpireTime - CreateTime = 604800).
const SHARE_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

const notBound = () => invalid('没有找到绑定设备', 'InvalidParameterValue.AppDeviceNotExist');

/** A device in one of the user's families (its owners may share it). */
function ownDevice(body, user, world) {
  const device = world.devices.get(deviceKey(body));
  const family = device && world.families.get(device.FamilyId);
  if (!family || !family.Members.has(user.UserID)) throw invalid('用户对该设备无权限', 'InvalidParameterValue.NoPermission');
  return device;
}

function makeToken(world, user, device, TokenContext = '') {
  const token = world.token('sd_');
  const now = world.now();
  world.shareTokens.set(token, {
    key: deviceId(device), FromUserId: user.UserID, FromUserNick: user.NickName, UserId: '', UserNick: '',
    BindTime: 0, ExpireTime: now + SHARE_TOKEN_TTL_SECONDS, CreateTime: now, TokenContext,
  });
  return token;
}

function liveToken(world, ShareDeviceToken) {
  const entry = world.shareTokens.get(ShareDeviceToken);
  if (!entry || entry.ExpireTime <= world.now()) throw invalid('设备分享Token无效', 'InvalidParameterValue.InvalidShareDeviceToken');
  return entry;
}

function sharedWith(world, key) {
  if (!world.shares.has(key)) world.shares.set(key, new Map());
  return world.shares.get(key);
}

export const sharingActions = {
  AppCreateShareDeviceToken({ body, user, world }) {
    const device = ownDevice(body, user, world);
    if (text(body, 'FamilyId') !== device.FamilyId) throw invalid('设备不在该家庭');
    return { ShareDeviceToken: makeToken(world, user, device, text(body, 'TokenContext', { required: false, empty: true }) ?? '') };
  },
  AppDescribeShareDeviceToken({ body, world }) {
    const entry = liveToken(world, text(body, 'ShareDeviceToken'));
    const device = world.devices.get(entry.key);
    if (!device) throw invalid('设备不存在');
    const { key, TokenContext, ...info } = entry;
    return { ShareDeviceTokenInfo: { ...info, ProductId: device.ProductId, DeviceName: device.DeviceName, AliasName: device.AliasName, IconUrl: '' } };
  },
  AppBindUserShareDevice({ body, user, world }) {
    const entry = liveToken(world, text(body, 'ShareDeviceToken'));
    if (deviceKey(body) !== entry.key) throw invalid('设备与分享 Token 不符');
    const device = world.devices.get(entry.key);
    if (!device) throw invalid('设备不存在');
    if (world.families.get(device.FamilyId)?.Members.has(user.UserID)) throw invalid('不能绑定自己分享的设备', 'InvalidParameterValue.CannotBindOwnDevice');
    if (entry.UserId) throw invalid('设备分享 Token 已使用', 'InvalidParameterValue.ShareDeviceTokenUsed');
    const users = sharedWith(world, entry.key);
    if (users.has(user.UserID)) throw invalid('设备已经和当前用户绑定', 'InvalidParameterValue.DeviceBinded');
    const BindTime = world.now();
    users.set(user.UserID, { BindTime });
    Object.assign(entry, { UserId: user.UserID, UserNick: user.NickName, BindTime });
    postMessage(world, entry.FromUserId, 'shareAccepted', {
      FromUserID: user.UserID, ProductId: device.ProductId, DeviceName: device.DeviceName, DeviceAlias: device.AliasName,
      MsgTitle: '设备分享', MsgContent: `“${user.NickName}”接受了“${device.AliasName}”的分享`, RelateUserID: user.UserID,
    });
    return { Status: 'OK' };
  },
  AppListUserShareDevices({ body, user, world }) {
    const devices = [...world.shares].filter(([key, users]) => users.has(user.UserID) && world.devices.has(key)).map(([key, users]) => {
      const d = world.devices.get(key);
      // CreateTime as the doc's example shows it: an ISO date, not UNIX seconds.
      const CreateTime = new Date(users.get(user.UserID).BindTime * 1000).toISOString();
      return { ProductId: d.ProductId, DeviceName: d.DeviceName, DeviceId: key, AliasName: d.AliasName, IconUrl: '', CreateTime };
    });
    return { ShareDevices: page(devices, paging(body, { max: 100, limit: 10 })), Total: devices.length };
  },
  AppRemoveUserShareDevice({ body, user, world }) {
    if (!world.shares.get(deviceKey(body))?.delete(user.UserID)) throw notBound();
    return { Status: 'OK' };
  },
  AppListShareDeviceUsers({ body, user, world }) {
    const device = ownDevice(body, user, world);
    const users = [...(world.shares.get(deviceId(device)) || new Map())].map(([UserID, { BindTime }]) => {
      const u = world.users.get(UserID);
      return { UserID, NickName: u.NickName, Avatar: u.Avatar, CountryCode: u.CountryCode, PhoneNumber: u.PhoneNumber, BindTime };
    });
    return { Users: page(users, paging(body, { max: 100, limit: 10 })), Total: users.length };
  },
  AppRemoveShareDeviceUser({ body, user, world }) {
    const device = ownDevice(body, user, world);
    // `RemoveUserId` (the doc) or `RemoveUserID` (the demo and the apps).
    const removed = body.RemoveUserId !== undefined ? text(body, 'RemoveUserId') : text(body, 'RemoveUserID');
    if (!world.shares.get(deviceId(device))?.delete(removed)) throw notBound();
    return { Status: 'OK' };
  },
  AppSendShareDeviceInvite({ body, user, world }) {
    const device = ownDevice(body, user, world);
    const to = world.users.get(text(body, 'ToUserID'));
    if (!to) throw invalid('用户不存在');
    // The invitation is a message of the user's, whose ShareToken AppBindUserShareDevice takes.
    const ShareToken = makeToken(world, user, device);
    postMessage(world, to.UserID, 'shareInvitation', {
      FromUserID: user.UserID, ProductId: device.ProductId, DeviceName: device.DeviceName, DeviceAlias: device.AliasName,
      MsgTitle: '设备分享', MsgContent: `“${user.NickName}”向你分享了“${device.AliasName}”`, Attachments: { ShareToken },
    });
    return { Status: 'OK' };
  },
};
