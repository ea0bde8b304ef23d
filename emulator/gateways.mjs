// Gateways and their sub-devices (1081/43155, 48129, 48130, 65842, 65843): the sub-devices a
// gateway has bound (the device side's topology, World.gatewayLinks), added to the gateway's
// family, listed there. Binding and unbinding tell whoever listens to the gateway (a Gateway
// push, as the official mini-program SDK reads it). A handler gets { body, user, world } and
// returns the response content, or throws an ApiError.
import { createHmac } from 'node:crypto';
import { bindDevice } from './binding.mjs';
import { deviceInfo } from './devices.mjs';
import { deviceTimestamp, invalid, page, paging, text } from './params.mjs';
import { productSecretOf } from './products.mjs';
import { deviceId } from './world.mjs';

const notConnected = () => invalid('设备近期没有连接到云', 'InvalidParameterValue.BindDeviceNotConnected');

/** The gateway a request names (GatewayProductId and GatewayDeviceName, or `alias`'s names), which the user may see. */
function gatewayOf({ body, user, world }, alias = {}) {
  const ProductId = body.GatewayProductId ?? body[alias.ProductId];
  const DeviceName = body.GatewayDeviceName ?? body[alias.DeviceName];
  const named = { GatewayProductId: ProductId, GatewayDeviceName: DeviceName };
  const key = `${text(named, 'GatewayProductId')}/${text(named, 'GatewayDeviceName')}`;
  const gateway = world.deviceFor(user.UserID, { DeviceId: key });
  if (!gateway || gateway.DeviceType !== 1) throw invalid('网关设备不存在');
  return gateway;
}

const subDeviceKey = (body) => `${text(body, 'ProductId')}/${text(body, 'DeviceName')}`;
const linkedTo = (world, gateway) => [...world.gatewayLinks].filter(([, g]) => g === deviceId(gateway)).map(([sub]) => sub);

/** The signature a sub-device makes for AppSigGatewayBindDevice (1081/65842): Base64 HMAC-SHA1 keyed with its ProductSecret. */
export function gatewayBindSignature({ ProductId, DeviceName, DeviceTimestamp, Nonce }) {
  const text = `deviceName=${DeviceName}&nonce=${Nonce}&productId=${ProductId}&timestamp=${DeviceTimestamp}`;
  return createHmac('sha1', productSecretOf(ProductId)).update(text).digest('base64');
}

export const gatewayActions = {
  AppGetGatewayBindDeviceList(ctx) {
    const { body, world } = ctx;
    const gateway = gatewayOf(ctx);
    const product = text(body, 'ProductId', { required: false });
    const subs = linkedTo(world, gateway).filter((key) => !product || key.startsWith(`${product}/`));
    const DeviceList = page(subs, paging(body)).map((key) => {
      const [ProductId, DeviceName] = key.split('/');
      const bound = world.devices.get(key);
      return { ProductId, DeviceName, DeviceId: key, AliasName: bound ? bound.AliasName : '', IconUrl: '', BindStatus: bound ? 1 : 0 };
    });
    return { DeviceList, Total: subs.length };
  },
  AppBindSubDeviceInFamily(ctx) {
    const { user, world } = ctx;
    const gateway = gatewayOf(ctx);
    const key = subDeviceKey(ctx.body);
    if (world.gatewayLinks.get(key) !== deviceId(gateway)) throw invalid('子设备未绑定到该网关');
    const device = bindDevice(world, user, world.families.get(gateway.FamilyId), gateway.RoomId, key);
    // Under Data, as the example and the H5 panel SDK have it.
    return { Data: { AppDeviceInfo: deviceInfo(device) } };
  },
  AppGetFamilySubDeviceList(ctx) {
    const { body, world } = ctx;
    // The gateway as the page names it, or as ProductId and DeviceName (the Java device SDK).
    const gateway = gatewayOf(ctx, { ProductId: 'ProductId', DeviceName: 'DeviceName' });
    const inFamily = linkedTo(world, gateway)
      .map((key) => world.devices.get(key))
      .filter((d) => d && d.FamilyId === gateway.FamilyId);
    return { DeviceList: page(inFamily, paging(body)).map(deviceInfo), Total: inFamily.length };
  },
  AppSigGatewayBindDevice(ctx) {
    const { body, world } = ctx;
    const gateway = gatewayOf(ctx);
    if (!gateway.online) throw notConnected();
    const key = subDeviceKey(body);
    if (!world.factory.has(key) && !world.devices.has(key)) throw invalid('设备不存在');
    const DeviceTimestamp = deviceTimestamp(body, world);
    const [ProductId, DeviceName] = key.split('/');
    const want = gatewayBindSignature({ ProductId, DeviceName, DeviceTimestamp, Nonce: text(body, 'Nonce') });
    if (text(body, 'Signature') !== want) throw invalid('绑定设备动态签名错误', 'InvalidParameterValue.BindDeviceSigMismatch');
    world.gatewayLinks.set(key, deviceId(gateway));
    world.onGatewayChange?.(gateway, 'bind', [{ ProductId, DeviceName }]);
    return {};
  },
  AppGatewayUnbindDevice(ctx) {
    const { body, world } = ctx;
    const gateway = gatewayOf(ctx);
    const key = subDeviceKey(body);
    if (world.gatewayLinks.get(key) !== deviceId(gateway)) throw invalid('子设备未绑定到该网关');
    if (!gateway.online) throw notConnected();
    world.gatewayLinks.delete(key);
    const [ProductId, DeviceName] = key.split('/');
    world.onGatewayChange?.(gateway, 'unbind', [{ ProductId, DeviceName }]);
    return {};
  },
};
