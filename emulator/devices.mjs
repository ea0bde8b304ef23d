// A family's devices: listing, online states, property values and control, details, alias,
// room, removal, per-user settings (1081/40802-40807, 43201, 48492; AppSetUserDeviceConfig as
// the official demo sends it). A handler gets { body, user, world } and returns the response
// content, or throws an ApiError.
import { memberFamily, roomIdIn } from './families.mjs';
import { invalid, jsonObject, page, paging, text, withinLimit } from './params.mjs';
import { deviceId } from './world.mjs';

/** ProductId + DeviceName, or DeviceId "ProductId/DeviceName" (what the official demo sends). */
export function deviceKey(body) {
  if (typeof body.DeviceId === 'string' && body.DeviceId) return body.DeviceId;
  return `${text(body, 'ProductId')}/${text(body, 'DeviceName')}`;
}

/** The device a request names, which the user may see (a member of its family, or shared). */
export function deviceOf({ body, user, world }) {
  const device = world.deviceFor(user.UserID, { DeviceId: deviceKey(body) });
  if (!device) throw invalid('设备不存在');
  return device;
}

function deviceIn(family, body, world) {
  const device = world.devices.get(deviceKey(body));
  if (!device || device.FamilyId !== family.FamilyId) throw invalid('设备不存在');
  return device;
}

/** A device as AppGetDeviceInFamily and the binding actions describe it. */
export const deviceInfo = (d) => ({
  DeviceId: deviceId(d), ProductId: d.ProductId, DeviceName: d.DeviceName, AliasName: d.AliasName, IconUrl: '',
  FamilyId: d.FamilyId, RoomId: d.RoomId, DeviceType: d.DeviceType ?? 0, CreateTime: d.CreateTime, UpdateTime: d.UpdateTime,
});

const deviceView = (d) => ({
  ProductId: d.ProductId, DeviceName: d.DeviceName, DeviceId: deviceId(d), AliasName: d.AliasName, UserID: d.UserID,
  RoomId: d.RoomId, IconUrl: '', CreateTime: d.CreateTime, UpdateTime: d.UpdateTime,
});

export const deviceActions = {
  AppGetFamilyDeviceList({ body, user, world }) {
    const family = memberFamily(body, user, world);
    // "Required" in the table (1081/40803: "" every room, "0" the default room), but the
    // official demo sends none and works: then every room.
    const RoomId = text(body, 'RoomId', { required: false, empty: true });
    const room = RoomId === undefined || RoomId === '' ? null : RoomId;
    const devices = [...world.devices.values()].filter((d) => d.FamilyId === family.FamilyId && (room === null || d.RoomId === room));
    return { DeviceList: page(devices, paging(body)).map(deviceView), Total: devices.length };
  },
  AppGetDeviceStatuses({ body, user, world }) {
    const ids = body.DeviceIds;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw invalid('DeviceIds 应为字符串数组');
    withinLimit(world, 'deviceIdsPerCall', ids.length, 'DeviceIds 过多');
    const statuses = ids.map((id) => world.deviceFor(user.UserID, { DeviceId: id })).filter(Boolean);
    // Online: 1 online, 0 offline, as every official client reads it.
    return {
      DeviceStatuses: statuses.map((d) => ({ DeviceId: deviceId(d), ProductId: d.ProductId, DeviceName: d.DeviceName, Online: d.online ? 1 : 0 })),
    };
  },
  AppGetDeviceData(ctx) {
    return { Data: JSON.stringify(deviceOf(ctx).props) };
  },
  AppControlDeviceData(ctx) {
    const device = deviceOf(ctx);
    const wanted = jsonObject(ctx.body, 'Data');
    if (!device.online) throw invalid('设备不在线', 'InvalidParameterValue.DeviceOffline');
    for (const key of Object.keys(wanted)) if (!(key in device.props)) throw invalid(`设备没有属性 ${key}`);
    ctx.world.report(device, wanted, { controlled: true });
    return { Data: JSON.stringify(Object.fromEntries(Object.keys(wanted).map((k) => [k, device.props[k]]))) };
  },
  AppGetDeviceInFamily({ body, user, world }) {
    // Under `Data`, as the doc's example has it (the table lists the fields flat).
    return { Data: deviceInfo(deviceIn(memberFamily(body, user, world), body, world)) };
  },
  AppUpdateDeviceInFamily(ctx) {
    const device = deviceOf(ctx);
    const AliasName = text(ctx.body, 'AliasName');
    withinLimit(ctx.world, 'nameLength', [...AliasName].length, '设备别名过长');
    device.AliasName = AliasName;
    device.UpdateTime = ctx.world.now();
    return { Data: deviceInfo(device) };
  },
  AppDeleteDeviceInFamily({ body, user, world }) {
    const device = deviceIn(memberFamily(body, user, world), body, world);
    world.onUnbind?.(device); // while the family's members may still hear of it
    world.devices.delete(deviceId(device));
    world.makeDevice(device.ProductId, device.DeviceName); // back to the factory: it can be added again
    return {};
  },
  AppModifyFamilyDeviceRoom({ body, user, world }) {
    const family = memberFamily(body, user, world);
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
};

