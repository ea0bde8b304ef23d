// Device actions (1081/61347, 61348), answered by the simulated device from its data template's
// action definition: sync returns the output at once; async returns a ClientToken and the device
// answers a little later with an Action Report push (method action_reply) carrying it. Both
// also send the Action Push frame (the call reaching the device).
import { deviceOf } from './devices.mjs';
import { invalid, jsonObject, text } from './params.mjs';
import { templateOf } from './products.mjs';

// How long the simulated device takes to answer an async call.
const ASYNC_REPLY_MS = 50;

function call({ body, user, world }) {
  const device = deviceOf({ body, user, world });
  const ActionId = text(body, 'ActionId');
  const template = templateOf(device.ProductId);
  const action = (template.actions || []).find((a) => a.id === ActionId);
  if (!action) throw invalid(`设备没有行为 ${ActionId}`);
  // An empty InputParams (optional, 1081/61348) is no input.
  const input = text(body, 'InputParams', { required: false, empty: true }) ? jsonObject(body, 'InputParams') : {};
  for (const k of Object.keys(input)) if (!(action.input || []).some((i) => i.id === k)) throw invalid(`行为 ${ActionId} 没有输入参数 ${k}`);
  if (!device.online) throw invalid('设备不在线', 'InvalidParameterValue.DeviceOffline');
  const clientToken = world.id('ct_');
  world.onActionPush?.(device, { method: 'action', clientToken, actionId: ActionId, timestamp: world.now(), params: input });
  // The device's answer: every output parameter 0 (for the demo light: err_code 0, "ok").
  const response = Object.fromEntries((action.output || []).map((o) => [o.id, 0]));
  return { device, clientToken, reply: { method: 'action_reply', clientToken, code: 0, status: 'ok', response } };
}

export const deviceActionActions = {
  AppCallDeviceActionSync(ctx) {
    const { device, clientToken, reply } = call(ctx);
    ctx.world.onActionReply?.(device, reply);
    return { ClientToken: clientToken, Status: 'succ', OutputParams: JSON.stringify(reply.response) };
  },
  AppCallDeviceActionAsync(ctx) {
    const { device, clientToken, reply } = call(ctx);
    setTimeout(() => ctx.world.onActionReply?.(device, reply), ASYNC_REPLY_MS).unref?.();
    return { ClientToken: clientToken, Status: 'Sent' };
  },
};
