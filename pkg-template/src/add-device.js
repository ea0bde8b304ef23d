// Adding a device by bind token (Wi-Fi/BLE provisioning), as the official apps do it:
// AppCreateDeviceBindToken → the app hands the token to the device (the caller's `provision`,
// through WeChat's radio APIs or Tencent's provisioning plugins) → poll
// AppGetDeviceBindTokenState until State 2 (the device reported in) → AppTokenBindDeviceFamily.
import { IotExplorerError } from './errors.js';
import { durations, failedIn, stepRunner } from './steps.js';

export const ADD_DEVICE_DEFAULTS = { timeoutMs: 120_000, pollIntervalMs: 1000, maxPollIntervalMs: 5000 };

/** The State 2 of AppGetDeviceBindTokenState: the device reported the token in. */
const REPORTED = 2;

const at = (result, name) => (result[name] !== undefined ? result[name] : result.Data && typeof result.Data === 'object' ? result.Data[name] : undefined);

/**
 * `methods`: the client's typed methods. Resolves to the device as the family lists it
 * (AppGetDeviceInFamily's fields, wherever the answer put them); fails with an
 * IotExplorerError whose `step` is 'token', 'provision', 'wait' or 'bind'.
 */
export async function addDeviceWithToken(methods, target, options) {
  const { FamilyId, RoomId } = target || {};
  const { provision, signal } = options || {};
  const { timeoutMs, pollIntervalMs, maxPollIntervalMs } = durations(options, ADD_DEVICE_DEFAULTS);
  if (typeof provision !== 'function') {
    throw new IotExplorerError('addDeviceWithToken needs options.provision: async (token) => …, which hands the token to the device', { kind: 'InvalidInput', code: 'InvalidParameter', param: 'provision' });
  }
  if (typeof FamilyId !== 'string' || !FamilyId) {
    throw new IotExplorerError('addDeviceWithToken needs a FamilyId', { kind: 'InvalidInput', code: 'MissingParameter', param: 'FamilyId' });
  }
  const { run: step, sleep } = stepRunner(signal, 'adding the device');

  const created = await step('token', () => methods.createDeviceBindToken({}));
  const Token = at(created, 'Token');
  // The caller's provisioning may say which device took the token (the device's own reply does).
  const provided = await step('provision', () => provision(Token, { signal }));

  const deadline = Date.now() + timeoutMs;
  let interval = pollIntervalMs;
  let state;
  for (;;) {
    state = await step('wait', () => methods.getDeviceBindTokenState({ Token }));
    if (at(state, 'State') === REPORTED) break;
    if (Date.now() + interval > deadline) {
      throw failedIn('wait', new IotExplorerError(`the device did not report the bind token within ${timeoutMs} ms`, { kind: 'Timeout', code: 'DeviceNotReported', retryable: true }));
    }
    await sleep('wait', interval);
    interval = Math.min(maxPollIntervalMs, Math.ceil(interval * 1.5));
  }
  const ProductId = at(state, 'ProductId') || (provided && provided.ProductId);
  const DeviceName = at(state, 'DeviceName') || (provided && provided.DeviceName);
  if (!ProductId || !DeviceName) {
    throw failedIn('wait', new IotExplorerError('the device reported in, but neither the service nor provision() said which device it is: resolve provision() to { ProductId, DeviceName }', { kind: 'Parse' }));
  }
  const room = RoomId === undefined || RoomId === null ? {} : { RoomId };
  await step('bind', () => methods.tokenBindDeviceFamily({ Token, FamilyId, ...room, ProductId, DeviceName }));
  const found = await step('bind', () => methods.getDeviceInFamily({ FamilyId, ProductId, DeviceName }));
  const device = found.Data && typeof found.Data === 'object' ? found.Data : found;
  return { DeviceId: `${ProductId}/${DeviceName}`, ...device, ProductId, DeviceName };
}
