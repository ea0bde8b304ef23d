// Firmware upgrades (876/47129, 1081/47131, 1081/47128) that progress over a few steps of the
// emulator's clock: sent (2), downloading (3, 30% then 60%), burning (4, 90%), done (6, the
// device now runs the new version). Test hooks make the next upgrade of a device fail (5) or
// stall (no progress, for timeouts).
import { deviceKey } from './devices.mjs';
import { invalid } from './params.mjs';
import { deviceId } from './world.mjs';

const STEPS = [
  { Status: 2, Percent: 0 },
  { Status: 3, Percent: 30 },
  { Status: 3, Percent: 60 },
  { Status: 4, Percent: 90 },
  { Status: 6, Percent: 100 },
];

/** The firmware the console offers per product; devices start at 1.0.0. */
export const LATEST_FIRMWARE = { LIGHT0PROD: '1.1.0', PLUG00PROD: '1.0.0', SENSORPROD: '2.0.0' };

/** The device, or the documented refusal (InvalidParameterValue.NoPermission, 1081/47129). */
function deviceOf(body, user, world) {
  const device = world.deviceFor(user.UserID, { DeviceId: deviceKey(body) });
  if (!device) throw invalid('用户对该设备无权限', 'InvalidParameterValue.NoPermission');
  return device;
}

const versionOf = (device) => device.firmwareVersion || '1.0.0';

/** Where the device's upgrade is by now: a step index, or the failure / stall set by a hook. */
export function firmwareStatus(world, device, stepMs) {
  const task = world.firmwareTasks.get(deviceId(device));
  if (!task) return null;
  const elapsed = Math.max(0, world.clock() - task.startedAt);
  let index = Math.min(STEPS.length - 1, Math.floor(elapsed / stepMs));
  if (task.stall) index = Math.min(index, 1);
  const base = { OriVersion: task.OriVersion, DstVersion: task.DstVersion, ErrMsg: '' };
  if (task.fail && index >= 3) return { ...base, Status: 5, Percent: 60, ErrMsg: task.fail };
  if (STEPS[index].Status === 6) device.firmwareVersion = task.DstVersion;
  return { ...base, ...STEPS[index] };
}

export function firmwareActions({ stepMs }) {
  return {
    AppCheckFirmwareUpdate({ body, user, world }) {
      const device = deviceOf(body, user, world);
      const CurrentVersion = versionOf(device);
      const latest = LATEST_FIRMWARE[device.ProductId] || CurrentVersion;
      return { CurrentVersion, DstVersion: latest > CurrentVersion ? latest : CurrentVersion };
    },
    AppPublishFirmwareUpdateMessage({ body, user, world }) {
      const device = deviceOf(body, user, world);
      const latest = LATEST_FIRMWARE[device.ProductId];
      if (!latest || latest <= versionOf(device)) throw invalid('设备无固件版本', 'ResourceNotFound.DeviceHasNoFirmware');
      if (!device.online) throw invalid('设备处于离线状态', 'FailedOperation.DeviceOffline');
      const key = deviceId(device);
      const planned = world.firmwarePlans.get(key) || {};
      world.firmwarePlans.delete(key);
      world.firmwareTasks.set(key, { OriVersion: versionOf(device), DstVersion: latest, startedAt: world.clock(), ...planned });
      return {};
    },
    AppDescribeFirmwareUpdateStatus({ body, user, world }) {
      const status = firmwareStatus(world, deviceOf(body, user, world), stepMs);
      if (!status) throw invalid('未查询到固件升级任务', 'ResourceNotFound.DeviceFirmwareTaskNotExist');
      return status;
    },
  };
}
