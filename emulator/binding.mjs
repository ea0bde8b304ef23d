// Adding a device to a family: by bind token (the device reported it in), by the device's own
// signature, by the signature of its QR code (1081/44044-44046, 50205; the last as the official
// apps send it), several devices with one token (as the H5 panel SDK does: each that reports it
// in is bound at once; the Wi-Fi plugin then binds nothing itself). A handler gets { body, user,
// world } and returns the response content, or throws an ApiError.
import { createHmac } from 'node:crypto';
import { deviceInfo, deviceKey } from './devices.mjs';
import { memberFamily, roomIdIn } from './families.mjs';
import { deviceTimestamp, invalid, text } from './params.mjs';
import { deviceTypeOf, initialProps } from './products.mjs';
import { deviceId } from './world.mjs';

// A bind token expires (InvalidParameterValue.TokenIsExpire, 1081/44045); how soon is not
// documented. The official apps poll for up to 200 s.
const BIND_TOKEN_TTL_SECONDS = 600;

/** Moves a factory device (never bound, or unbound) into the family. */
export function bindDevice(world, user, family, roomId, key) {
  const spare = world.factory.get(key);
  if (!spare) throw invalid('设备不存在');
  if (world.devices.has(key)) throw invalid('设备已被绑定');
  world.factory.delete(key);
  const now = world.now();
  const device = {
    ProductId: spare.ProductId, DeviceName: spare.DeviceName, AliasName: spare.DeviceName, online: true,
    props: initialProps(spare.ProductId, world.clock()), DeviceType: deviceTypeOf(spare.ProductId), FamilyId: family.FamilyId, RoomId: roomId, UserID: user.UserID,
    CreateTime: now, UpdateTime: now,
  };
  world.devices.set(key, device);
  world.onBind?.(device);
  return device;
}

function bindToken(world, user, Token) {
  const entry = world.bindTokens.get(Token);
  if (!entry || entry.UserID !== user.UserID) throw invalid('Token不存在', 'InvalidParameterValue.TokenNotExist');
  if (entry.ExpireAt <= world.now()) throw invalid('Token已过期', 'InvalidParameterValue.TokenIsExpire');
  return entry;
}

export const bindingActions = {
  AppCreateDeviceBindToken({ body, user, world }) {
    // Empty (the default): 32 characters; "1": 6 characters (1081/44044).
    const lengthType = text(body, 'TokenLengthType', { required: false, empty: true }) ?? '';
    if (lengthType !== '' && lengthType !== '1') throw invalid('TokenLengthType 取值为空或 1', 'InvalidParameter');
    const Token = world.token('', lengthType === '1' ? 6 : 32);
    world.bindTokens.set(Token, { UserID: user.UserID, State: 1, ExpireAt: world.now() + BIND_TOKEN_TTL_SECONDS, ProductId: null, DeviceName: null });
    // At the top, as the official demo and the Android app read it.
    return { Token };
  },
  AppGetDeviceBindTokenState({ body, user, world }) {
    const entry = bindToken(world, user, text(body, 'Token'));
    return entry.State === 2 ? { State: 2, ProductId: entry.ProductId, DeviceName: entry.DeviceName } : { State: entry.State };
  },
  AppTokenBindDeviceFamily({ body, user, world }) {
    const entry = bindToken(world, user, text(body, 'Token'));
    const family = memberFamily(body, user, world);
    const key = deviceKey(body);
    if (entry.State !== 2 || deviceId(entry) !== key) throw invalid('设备未使用该 Token 上报');
    bindDevice(world, user, family, roomIdIn(family, body, { required: false }), key);
    world.bindTokens.delete(body.Token);
    return {};
  },
  AppSigBindDeviceInFamily({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const key = deviceKey(body);
    const spare = world.factory.get(key);
    if (!spare) throw invalid('设备不存在');
    const ts = deviceTimestamp(body, world);
    const method = text(body, 'SignMethod', { required: false }) || 'hmacsha1';
    if (method !== 'hmacsha1' && method !== 'hmacsha256') throw invalid('SignMethod 取值为 hmacsha1 或 hmacsha256');
    const bindType = text(body, 'BindType', { required: false }) || 'wifi_sign';
    if (!['wifi_sign', 'bluetooth_sign', 'other_sign'].includes(bindType)) throw invalid('BindType 非法');
    const [ProductId, DeviceName] = key.split('/');
    const want = deviceSignature(spare.psk, { ProductId, DeviceName, DeviceTimestamp: ts, ConnId: body.ConnId ?? '', SignMethod: method });
    if (text(body, 'Signature') !== want) throw invalid('设备签名校验失败');
    const device = bindDevice(world, user, family, roomIdIn(family, body, { required: false }), key);
    return { Data: { AppDeviceInfo: deviceInfo(device) } };
  },
  AppCreateMultiDeviceBindToken({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const RoomId = roomIdIn(family, body, { required: false });
    const Token = world.token('');
    world.bindTokens.set(Token, { UserID: user.UserID, multi: true, FamilyId: family.FamilyId, RoomId, devices: [], ExpireAt: world.now() + BIND_TOKEN_TTL_SECONDS });
    // At the top, as the H5 panel SDK reads it.
    return { Token };
  },
  AppGetMultiDeviceBindTokenState({ body, user, world }) {
    const entry = bindToken(world, user, text(body, 'Token'));
    if (!entry.multi) throw invalid('Token 不是多设备配网 Token');
    return { Data: entry.devices.map(({ ProductId, DeviceName, State }) => ({ ProductId, DeviceName, State })) };
  },
  AppSecureAddDeviceInFamily({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const key = world.qrSignatures.get(text(body, 'DeviceSignature'));
    if (!key) throw invalid('设备签名无效');
    const device = bindDevice(world, user, family, roomIdIn(family, body, { required: false }), key);
    return { Data: { AppDeviceInfo: deviceInfo(device) } };
  },
};

/** A device reported a multi-device token in: bound into the token's family and room at once (State 2). */
export function bindReportedDevice(world, entry, key) {
  const [ProductId, DeviceName] = key.split('/');
  const user = world.users.get(entry.UserID);
  const family = world.families.get(entry.FamilyId);
  const bound = Boolean(user && family && family.Members.has(user.UserID) && world.factory.has(key) && !world.devices.has(key));
  if (bound) bindDevice(world, user, family, entry.RoomId, key);
  entry.devices.push({ ProductId, DeviceName, State: bound ? 2 : 1 });
}

/** The signature a device makes for AppSigBindDeviceInFamily (1081/50205, Wi-Fi form): hex HMAC with its base64 PSK. */
export function deviceSignature(psk, { ProductId, DeviceName, DeviceTimestamp, ConnId = '', SignMethod = 'hmacsha1' }) {
  const text = `DeviceName=${DeviceName}&DeviceTimestamp=${DeviceTimestamp}&ProductId=${ProductId}&ConnId=${ConnId}`;
  return createHmac(SignMethod === 'hmacsha256' ? 'sha256' : 'sha1', Buffer.from(psk, 'base64')).update(text).digest('hex');
}
