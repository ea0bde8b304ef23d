// Upgrading a device's firmware, as the official apps do it: AppCheckFirmwareUpdate (is there a
// newer version?) → AppPublishFirmwareUpdateMessage (the user confirmed) → poll
// AppDescribeFirmwareUpdateStatus, reporting each status, until it is done (6), failed (5), timed
// out (10, or `timeoutMs` here) or cancelled (`signal`).
import { IotExplorerError, invalidInput } from './errors.js';
import type { TypedClientMethods } from './generated/actions.js';
import { durations, stepRunner } from './steps.js';
import type { AbortSignalLike, DeviceSelector } from './types.js';

/** One status of a firmware upgrade (AppDescribeFirmwareUpdateStatus). */
export interface FirmwareProgress {
  /** 1 pending, 2 sent, 3 downloading, 4 burning, 5 failed, 6 done, 7 processing, 8 awaiting the user, 10 timed out, 20 downloaded. */
  Status?: number | null;
  Percent?: number | null;
  OriVersion?: string | null;
  DstVersion?: string | null;
  ErrMsg?: string | null;
}

export interface UpgradeFirmwareOptions {
  onProgress?: (progress: FirmwareProgress) => void;
  signal?: AbortSignalLike;
  timeoutMs?: number;
  pollIntervalMs?: number;
}

export const FIRMWARE_DEFAULTS = { timeoutMs: 600_000, pollIntervalMs: 2000 };
const FAILED = 5;
const DONE = 6;
const TIMED_OUT = 10;

/**
 * `methods`: the client's typed methods; `device`: { ProductId, DeviceName } or { DeviceId }.
 * Resolves to { upgraded: false, CurrentVersion } when there is nothing newer, or to the last
 * status ({ upgraded: true, Status: 6, Percent, OriVersion, DstVersion }); fails with an
 * IotExplorerError whose `step` is 'check', 'publish' or 'progress' (code FirmwareUpdateFailed,
 * FirmwareUpdateTimeout or Aborted when the upgrade itself did not finish).
 */
export async function upgradeFirmware(
  methods: Pick<TypedClientMethods, 'checkFirmwareUpdate' | 'publishFirmwareUpdateMessage' | 'describeFirmwareUpdateStatus'>,
  device: DeviceSelector,
  options?: UpgradeFirmwareOptions,
): Promise<FirmwareProgress & { upgraded: boolean; CurrentVersion?: string | null }> {
  const { onProgress, signal } = options || {};
  const { timeoutMs, pollIntervalMs } = durations(options, FIRMWARE_DEFAULTS);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw invalidInput('onProgress', 'onProgress must be a function');
  }
  const { run: step, sleep } = stepRunner(signal, 'the firmware upgrade');
  const { ProductId, DeviceName, DeviceId } = device || {};
  // Either half may be missing here (a caller without types): the core names what is.
  const ref = (DeviceId !== undefined ? { DeviceId } : { ProductId, DeviceName }) as DeviceSelector;

  const check = await step('check', () => methods.checkFirmwareUpdate(ref));
  if (!check.DstVersion || check.DstVersion === check.CurrentVersion) return { upgraded: false, CurrentVersion: check.CurrentVersion };
  await step('publish', () => methods.publishFirmwareUpdateMessage(ref));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await step('progress', () => methods.describeFirmwareUpdateStatus(ref));
    const progress: FirmwareProgress = {
      Status: status.Status,
      Percent: status.Percent,
      OriVersion: status.OriVersion,
      DstVersion: status.DstVersion,
      ErrMsg: status.ErrMsg,
    };
    if (onProgress) onProgress(progress);
    if (status.Status === DONE) return { upgraded: true, ...progress };
    if (status.Status === FAILED) {
      throw new IotExplorerError(`the firmware upgrade to ${status.DstVersion} failed${status.ErrMsg ? `: ${status.ErrMsg}` : ''}`, {
        kind: 'Api',
        code: 'FirmwareUpdateFailed',
        step: 'progress',
      });
    }
    if (status.Status === TIMED_OUT || Date.now() + pollIntervalMs > deadline) {
      throw new IotExplorerError(`the firmware upgrade did not finish within ${status.Status === TIMED_OUT ? "the service's time" : `${timeoutMs} ms`}`, {
        kind: 'Timeout',
        code: 'FirmwareUpdateTimeout',
        retryable: true,
        step: 'progress',
      });
    }
    await sleep('progress', pollIntervalMs);
  }
}
