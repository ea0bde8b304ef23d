// Upgrading a device's firmware, as the official apps do it: AppCheckFirmwareUpdate (is there a
// newer version?) → AppPublishFirmwareUpdateMessage (the user confirmed) → poll
// AppDescribeFirmwareUpdateStatus, reporting each status, until it is done (6), failed (5), timed
// out (10, or `timeoutMs` here) or cancelled (`signal`).
import { IotExplorerError, toIotExplorerError } from './errors.js';

export const FIRMWARE_DEFAULTS = { timeoutMs: 600_000, pollIntervalMs: 2000 };
const FAILED = 5;
const DONE = 6;
const TIMED_OUT = 10;

function failedIn(step, e) {
  const error = toIotExplorerError(e, 'Transport');
  if (error.step === undefined || error.step === null) error.step = step;
  return error;
}

const aborted = (step, signal) => failedIn(step, new IotExplorerError(`the firmware upgrade was cancelled${signal.reason && signal.reason.message ? `: ${signal.reason.message}` : ''}`, { kind: 'Transport', code: 'Aborted' }));

function sleep(ms, signal, step) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(aborted(step, signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(step, signal));
    };
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `methods`: the client's typed methods; `device`: { ProductId, DeviceName } or { DeviceId }.
 * Resolves to { upgraded: false, CurrentVersion } when there is nothing newer, or to the last
 * status ({ upgraded: true, Status: 6, Percent, OriVersion, DstVersion }); fails with an
 * IotExplorerError whose `step` is 'check', 'publish' or 'progress' (code FirmwareUpdateFailed,
 * FirmwareUpdateTimeout or Aborted when the upgrade itself did not finish).
 */
export async function upgradeFirmware(methods, device, options) {
  const { onProgress, signal } = options || {};
  const { timeoutMs, pollIntervalMs } = { ...FIRMWARE_DEFAULTS, ...numbers(options) };
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new IotExplorerError('onProgress must be a function', { kind: 'InvalidInput', code: 'InvalidParameter', param: 'onProgress' });
  }
  const step = async (name, work) => {
    if (signal && signal.aborted) throw aborted(name, signal);
    try {
      return await work();
    } catch (e) {
      throw failedIn(name, e);
    }
  };
  const { ProductId, DeviceName, DeviceId } = device || {};
  const ref = DeviceId !== undefined ? { DeviceId } : { ProductId, DeviceName };

  const check = await step('check', () => methods.checkFirmwareUpdate(ref));
  if (!check.DstVersion || check.DstVersion === check.CurrentVersion) return { upgraded: false, CurrentVersion: check.CurrentVersion };
  await step('publish', () => methods.publishFirmwareUpdateMessage(ref));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await step('progress', () => methods.describeFirmwareUpdateStatus(ref));
    const progress = { Status: status.Status, Percent: status.Percent, OriVersion: status.OriVersion, DstVersion: status.DstVersion, ErrMsg: status.ErrMsg };
    if (onProgress) onProgress(progress);
    if (status.Status === DONE) return { upgraded: true, ...progress };
    if (status.Status === FAILED) {
      throw failedIn('progress', new IotExplorerError(`the firmware upgrade to ${status.DstVersion} failed${status.ErrMsg ? `: ${status.ErrMsg}` : ''}`, { kind: 'Api', code: 'FirmwareUpdateFailed' }));
    }
    if (status.Status === TIMED_OUT || Date.now() + pollIntervalMs > deadline) {
      throw failedIn('progress', new IotExplorerError(`the firmware upgrade did not finish within ${status.Status === TIMED_OUT ? 'the service\'s time' : `${timeoutMs} ms`}`, { kind: 'Timeout', code: 'FirmwareUpdateTimeout', retryable: true }));
    }
    await sleep(pollIntervalMs, signal, 'progress');
  }
}

function numbers(options) {
  const out = {};
  for (const key of Object.keys(FIRMWARE_DEFAULTS)) {
    const v = options && options[key];
    if (v !== undefined && v !== null) {
      if (typeof v !== 'number' || !(v >= 0)) throw new IotExplorerError(`${key} must be a non-negative number of milliseconds`, { kind: 'InvalidInput', code: 'InvalidParameter', param: key });
      out[key] = v;
    }
  }
  return out;
}
