// Adding a device by bind token (Wi-Fi/BLE provisioning), as the official apps do it:
// AppCreateDeviceBindToken → the app hands the token to the device (the caller's `provision`,
// through WeChat's radio APIs or Tencent's provisioning plugins) → poll
// AppGetDeviceBindTokenState until State 2 (the device reported in) → AppTokenBindDeviceFamily.
import { IotExplorerError, invalidInput, withFields } from './errors.js';
import type { AppGetDeviceBindTokenStateResult, TypedClientMethods } from './generated/actions.js';
import { durations, stepRunner } from './steps.js';
import type { AbortSignalLike, JsonValue } from './types.js';

export interface AddDeviceOptions {
  /**
   * Hands the token to the device (iot-explorer-app/provisioning has SoftAP and BLE combo); may
   * resolve to the device's { ProductId, DeviceName }, with `bound: true` when it bound the
   * device itself (Tencent's plugins do): then no second bind.
   */
  provision(
    token: string,
    context: { signal?: AbortSignalLike; FamilyId: string; RoomId?: string },
    // biome-ignore lint/suspicious/noConfusingVoidType: an async function that returns nothing is a provision too
  ): Promise<{ ProductId?: string; DeviceName?: string; bound?: boolean } | void>;
  signal?: AbortSignalLike;
  /** How long to wait for the device to report in (default 120,000). */
  timeoutMs?: number;
  /** The first poll interval (default 1,000), growing 1.5× to `maxPollIntervalMs` (default 5,000). */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
}

/** The added device, as AppGetDeviceInFamily answers it. */
export interface AddedDevice {
  DeviceId: string;
  ProductId: string;
  DeviceName: string;
  AliasName?: string | null;
  FamilyId?: string | null;
  RoomId?: string | number | null;
  [field: string]: JsonValue | undefined;
}

export const ADD_DEVICE_DEFAULTS = { timeoutMs: 120_000, pollIntervalMs: 1000, maxPollIntervalMs: 5000 };

/** The State 2 of AppGetDeviceBindTokenState: the device reported the token in. */
const REPORTED = 2;

const STILL_ON_HOTSPOT =
  "the phone could not reach the service while waiting for the device: it is likely still on the device's hotspot; ask the user to rejoin the home Wi-Fi (or turn on mobile data)";

/** A poll that failed on the way (request:fail, a timeout), not by the service's answer. */
const unreachable = (e: unknown): e is IotExplorerError =>
  e instanceof IotExplorerError && (e.kind === 'Transport' || e.kind === 'Timeout') && e.code !== 'Aborted' && e.code !== 'LoggedOut';

/**
 * `methods`: the client's typed methods. Resolves to the device as the family lists it
 * (AppGetDeviceInFamily's fields, which the core gives at the top whatever the answer's shape);
 * fails with an IotExplorerError whose `step` is 'token', 'provision', 'wait' or 'bind'.
 */
export async function addDeviceWithToken(
  methods: Pick<TypedClientMethods, 'createDeviceBindToken' | 'getDeviceBindTokenState' | 'tokenBindDeviceFamily' | 'getDeviceInFamily'>,
  target: { FamilyId: string; RoomId?: string },
  options: AddDeviceOptions,
): Promise<AddedDevice> {
  const { FamilyId, RoomId } = target || {};
  const { provision, signal } = options || {};
  const { timeoutMs, pollIntervalMs, maxPollIntervalMs } = durations(options, ADD_DEVICE_DEFAULTS);
  if (typeof provision !== 'function') {
    throw invalidInput('provision', 'addDeviceWithToken needs options.provision: async (token) => …, which hands the token to the device');
  }
  if (typeof FamilyId !== 'string' || !FamilyId) {
    throw new IotExplorerError('addDeviceWithToken needs a FamilyId', { kind: 'InvalidInput', code: 'MissingParameter', param: 'FamilyId' });
  }
  const { run: step, sleep } = stepRunner(signal, 'adding the device');

  // Polls until the deadline, the last time at the deadline itself: never fails before it. A
  // poll that cannot reach the service (the phone still on the device's hotspot) is tried again.
  const waitForReport = async (Token: string): Promise<AppGetDeviceBindTokenStateResult> => {
    const started = Date.now();
    const deadline = started + timeoutMs;
    let interval = pollIntervalMs;
    let offline: IotExplorerError | undefined;
    for (;;) {
      try {
        const state = await step('wait', () => methods.getDeviceBindTokenState({ Token }));
        if (state.State === REPORTED) return state;
        offline = undefined;
      } catch (e) {
        if (!unreachable(e)) throw e;
        offline = e;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const waited = Date.now() - started;
        if (offline) throw withFields(offline, `${offline.message} (the service still unreachable after ${waited} ms)`, { hint: STILL_ON_HOTSPOT });
        throw new IotExplorerError(`the device did not report the bind token in ${waited} ms (timeoutMs ${timeoutMs})`, {
          kind: 'Timeout',
          code: 'DeviceNotReported',
          retryable: true,
          step: 'wait',
        });
      }
      await sleep('wait', Math.min(interval, left));
      interval = Math.min(maxPollIntervalMs, Math.ceil(interval * 1.5));
    }
  };

  const created = await step('token', () => methods.createDeviceBindToken({}));
  const Token = created.Token;
  // The caller's provisioning may say which device took the token (the device's own reply does).
  const room = RoomId === undefined || RoomId === null ? {} : { RoomId };
  const provided = await step('provision', () => provision(Token, { signal, FamilyId, ...room }));
  const bound = Boolean(provided && provided.bound);
  const state = bound ? null : await waitForReport(Token);
  const ProductId = (state && state.ProductId) || (provided && provided.ProductId);
  const DeviceName = (state && state.DeviceName) || (provided && provided.DeviceName);
  if (!ProductId || !DeviceName) {
    throw new IotExplorerError(
      'the device reported in, but neither the service nor provision() said which device it is: resolve provision() to { ProductId, DeviceName }',
      { kind: 'Parse', step: 'wait' },
    );
  }
  if (!bound) await step('bind', () => methods.tokenBindDeviceFamily({ Token, FamilyId, ...room, ProductId, DeviceName }));
  const found = await step('bind', () => methods.getDeviceInFamily({ FamilyId, ProductId, DeviceName }));
  return { DeviceId: `${ProductId}/${DeviceName}`, ...found, ProductId, DeviceName };
}
