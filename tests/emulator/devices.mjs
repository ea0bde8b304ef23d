// Rooms, devices in a family, adding devices (bind token, device signature, QR signature) and
// products, with state in the world. A handler gets { body, user, world } and returns the
// response content, or throws an ApiError. Shapes follow the docs' examples (1081/40802–40816,
// 43201, 44044–44046, 48764, 50205) and, where there is no doc page, the official apps.
import { createHmac } from 'node:crypto';
import { ApiError } from './actions.mjs';
import { paging, text } from './family.mjs';
import { initialProps, panelConfigOf, productOf } from './products.mjs';
import { deviceId } from './world.mjs';

// Not documented: how long a bind token lives. The official apps poll for up to 200 s.
const BIND_TOKEN_TTL_SECONDS = 600;
// Not documented: how far a device's signing time may be from the service's.
const DEVICE_TIME_WINDOW_SECONDS = 600;

const missing = (name) => new ApiError('ErrorRequiredParamNotFound', `缺少必选参数 ${name}`);
const invalid = (message, code = 'InvalidParameterValue') => new ApiError(code, message);

function familyOf(body, user, world) {
  const family = world.families.get(text(body, 'FamilyId'));
  if (!family || !family.Members.has(user.UserID)) throw invalid('家庭不存在');
  return family;
}

/** ProductId + DeviceName, or DeviceId "ProductId/DeviceName" (what the official demo sends). */
function deviceKey(body) {
  if (typeof body.DeviceId === 'string' && body.DeviceId) return body.DeviceId;
  return `${text(body, 'ProductId')}/${text(body, 'DeviceName')}`;
}

function deviceIn(family, body, world) {
  const device = world.devices.get(deviceKey(body));
  if (!device || device.FamilyId !== family.FamilyId) throw invalid('设备不存在');
  return device;
}

function roomIdIn(family, body, { required }) {
  const id = text(body, 'RoomId', { required, empty: true });
  if (id === undefined || id === '' || id === '0') return '0';
  if (!family.Rooms.has(id)) throw invalid('房间不存在');
  return id;
}

const deviceInfo = (d) => ({
  DeviceId: deviceId(d), ProductId: d.ProductId, DeviceName: d.DeviceName, AliasName: d.AliasName, IconUrl: '',
  FamilyId: d.FamilyId, RoomId: d.RoomId, DeviceType: 0, CreateTime: d.CreateTime, UpdateTime: d.UpdateTime,
});

/** Moves a factory device (never bound, or unbound) into the family. */
function bind(world, user, family, roomId, key) {
  const spare = world.factory.get(key);
  if (!spare) throw invalid('设备不存在');
  if (world.devices.has(key)) throw invalid('设备已被绑定');
  world.factory.delete(key);
  const now = world.now();
  const device = {
    ProductId: spare.ProductId, DeviceName: spare.DeviceName, AliasName: spare.DeviceName, online: true,
    props: initialProps(spare.ProductId, world.clock()), FamilyId: family.FamilyId, RoomId: roomId, UserID: user.UserID,
    CreateTime: now, UpdateTime: now,
  };
  world.devices.set(key, device);
  world.onBind?.(device);
  return device;
}

function ids(body, name, { required }) {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw missing(name);
    return [];
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalid(`${name} 应为字符串数组`);
  return v;
}

export const deviceActions = {
  // ---- rooms ----
  AppCreateRoom({ body, user, world }) {
    const family = familyOf(body, user, world);
    const Name = text(body, 'Name');
    if ([...Name].length > 20) throw invalid('房间名称过长');
    const now = world.now();
    const room = { RoomId: world.id('r_'), RoomName: Name, CreateTime: now, UpdateTime: now };
    family.Rooms.set(room.RoomId, room);
    return { Data: { RoomId: room.RoomId } };
  },
  AppModifyRoom({ body, user, world }) {
    const family = familyOf(body, user, world);
    const room = family.Rooms.get(text(body, 'RoomId'));
    if (!room) throw invalid('房间不存在');
    const Name = text(body, 'Name', { required: false });
    if (Name !== undefined) {
      if ([...Name].length > 20) throw invalid('房间名称过长');
      room.RoomName = Name;
      room.UpdateTime = world.now();
    }
    return {};
  },
  AppDeleteRoom({ body, user, world }) {
    const family = familyOf(body, user, world);
    const RoomId = text(body, 'RoomId');
    if (!family.Rooms.delete(RoomId)) throw invalid('房间不存在');
    for (const d of world.devices.values()) if (d.FamilyId === family.FamilyId && d.RoomId === RoomId) d.RoomId = '0';
    return {};
  },
  AppGetRoomList({ body, user, world }) {
    // FamilyId is optional in the table: without it, the rooms of every family of the user.
    const families = body.FamilyId === undefined ? world.familiesOf(user.UserID) : [familyOf(body, user, world)];
    const take = paging(body);
    const rooms = families.flatMap((f) =>
      [...f.Rooms.values()].map((r) => ({ ...r, DeviceNum: [...world.devices.values()].filter((d) => d.FamilyId === f.FamilyId && d.RoomId === r.RoomId).length })),
    );
    return { RoomList: take(rooms), Total: rooms.length };
  },

  // ---- devices in a family ----
  AppGetDeviceInFamily({ body, user, world }) {
    return { Data: deviceInfo(deviceIn(familyOf(body, user, world), body, world)) };
  },
  AppUpdateDeviceInFamily({ body, user, world }) {
    const device = world.deviceFor(user.UserID, { DeviceId: deviceKey(body) });
    if (!device) throw invalid('设备不存在');
    const AliasName = text(body, 'AliasName');
    if ([...AliasName].length > 64) throw invalid('设备别名过长');
    device.AliasName = AliasName;
    device.UpdateTime = world.now();
    return { Data: deviceInfo(device) };
  },
  AppDeleteDeviceInFamily({ body, user, world }) {
    const device = deviceIn(familyOf(body, user, world), body, world);
    world.onUnbind?.(device); // while the family's members may still hear of it
    world.devices.delete(deviceId(device));
    world.makeDevice(device.ProductId, device.DeviceName); // back to the factory: it can be added again
    world.onUnbind?.(device);
    return {};
  },
  AppModifyFamilyDeviceRoom({ body, user, world }) {
    const family = familyOf(body, user, world);
    const device = deviceIn(family, body, world);
    device.RoomId = roomIdIn(family, body, { required: true });
    device.UpdateTime = world.now();
    return {};
  },
  AppSetUserDeviceConfig({ body, user, world }) {
    const device = world.deviceFor(user.UserID, { DeviceId: text(body, 'DeviceId') });
    if (!device) throw invalid('设备不存在');
    const key = text(body, 'DeviceKey');
    world.deviceConfig.set(`${user.UserID}:${deviceId(device)}:${key}`, text(body, 'DeviceValue', { empty: true }));
    return {};
  },

  // ---- adding a device ----
  AppCreateDeviceBindToken({ user, world }) {
    const Token = world.id('bt_').padEnd(32, '0').slice(0, 32);
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
    const family = familyOf(body, user, world);
    const key = deviceKey(body);
    if (entry.State !== 2 || `${entry.ProductId}/${entry.DeviceName}` !== key) throw invalid('设备未使用该 Token 上报');
    bind(world, user, family, roomIdIn(family, body, { required: false }), key);
    world.bindTokens.delete(body.Token);
    return {};
  },
  AppSigBindDeviceInFamily({ body, user, world }) {
    const family = familyOf(body, user, world);
    const key = deviceKey(body);
    const spare = world.factory.get(key);
    if (!spare) throw invalid('设备不存在');
    const ts = body.DeviceTimestamp;
    if (!Number.isInteger(ts)) throw invalid('DeviceTimestamp 应为整数');
    if (Math.abs(ts - world.now()) > DEVICE_TIME_WINDOW_SECONDS) throw invalid('DeviceTimestamp 已过期');
    const method = text(body, 'SignMethod', { required: false }) || 'hmacsha1';
    if (method !== 'hmacsha1' && method !== 'hmacsha256') throw invalid('SignMethod 取值为 hmacsha1 或 hmacsha256');
    const bindType = text(body, 'BindType', { required: false }) || 'wifi_sign';
    if (!['wifi_sign', 'bluetooth_sign', 'other_sign'].includes(bindType)) throw invalid('BindType 非法');
    const [ProductId, DeviceName] = key.split('/');
    const want = deviceSignature(spare.psk, { ProductId, DeviceName, DeviceTimestamp: ts, ConnId: body.ConnId ?? '', SignMethod: method });
    if (text(body, 'Signature') !== want) throw invalid('设备签名校验失败');
    const device = bind(world, user, family, roomIdIn(family, body, { required: false }), key);
    return { Data: { AppDeviceInfo: deviceInfo(device) } };
  },
  AppSecureAddDeviceInFamily({ body, user, world }) {
    const family = familyOf(body, user, world);
    const key = world.qrSignatures.get(text(body, 'DeviceSignature'));
    if (!key) throw invalid('设备签名无效');
    const device = bind(world, user, family, roomIdIn(family, body, { required: false }), key);
    return { Data: { AppDeviceInfo: deviceInfo(device) } };
  },

  // ---- products ----
  AppGetProducts({ body }) {
    const wanted = ids(body, 'ProductIds', { required: true });
    const fromDevices = ids(body, 'DeviceIds', { required: false }).map((id) => id.split('/')[0]);
    return { Products: [...new Set([...wanted, ...fromDevices])].map(productOf).filter(Boolean) };
  },
  AppGetProductsConfig({ body }) {
    return { Data: ids(body, 'ProductIds', { required: true }).map(panelConfigOf).filter(Boolean) };
  },
};

function bindToken(world, user, Token) {
  const entry = world.bindTokens.get(Token);
  if (!entry || entry.UserID !== user.UserID) throw invalid('Token不存在', 'InvalidParameterValue.TokenNotExist');
  if (entry.ExpireAt <= world.now()) throw invalid('Token已过期', 'InvalidParameterValue.TokenIsExpire');
  return entry;
}

/** The signature a device makes for AppSigBindDeviceInFamily (1081/50205, Wi-Fi form): hex HMAC with its base64 PSK. */
export function deviceSignature(psk, { ProductId, DeviceName, DeviceTimestamp, ConnId = '', SignMethod = 'hmacsha1' }) {
  const text = `DeviceName=${DeviceName}&DeviceTimestamp=${DeviceTimestamp}&ProductId=${ProductId}&ConnId=${ConnId}`;
  return createHmac(SignMethod === 'hmacsha256' ? 'sha256' : 'sha1', Buffer.from(psk, 'base64')).update(text).digest('hex');
}
