// Firmware upgrades (876/47129, 1081/47131, 1081/47128) that progress over a few steps of the
// emulator's clock: sent (2), downloading (3, 30% then 60%), burning (4, 90%), done (6, the
// device now runs the new version). Test hooks make the next upgrade of a device fail (5) or
// stall (no progress, for timeouts). A Bluetooth device's upgrade is the app's to carry out
// (86901, 86902): the download address, then the progress the app reports, which is the status.
import { deviceKey } from './devices.mjs';
import { integer, invalid, text } from './params.mjs';
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

// What the app reports of an upgrade it carries out, as the status the console shows.
const REPORTED_STATUS = { downloading: 3, burning: 4, updating: 4, done: 6, fail: 5 };
const noTask = () => invalid('未查询到固件升级任务', 'ResourceNotFound.DeviceFirmwareTaskNotExist');

/** Where the device's upgrade is by now: a step index, or the failure / stall set by a hook, or what the app reported. */
export function firmwareStatus(world, device, stepMs) {
  const task = world.firmwareTasks.get(deviceId(device));
  if (!task) return null;
  if (task.byApp) {
    const { State = 'downloading', Persent = 0, ResultMsg = '' } = task.reported || {};
    return { OriVersion: task.OriVersion, DstVersion: task.DstVersion, Status: REPORTED_STATUS[State], Percent: Persent, ErrMsg: ResultMsg };
  }
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
      if (!status) throw noTask();
      return status;
    },
    AppGetDeviceOTAInfo({ body, user, world }) {
      const device = deviceOf(body, user, world);
      const key = deviceId(device);
      const latest = LATEST_FIRMWARE[device.ProductId];
      let task = world.firmwareTasks.get(key);
      // A task is open until the device runs its version.
      if (!task || task.DstVersion <= versionOf(device)) {
        if (!latest || latest <= versionOf(device)) throw noTask();
        task = { OriVersion: versionOf(device), DstVersion: latest, startedAt: world.clock(), byApp: true };
        world.firmwareTasks.set(key, task);
      }
      return { FirmwareURL: `${world.publicUrl}/__firmware/${device.ProductId}/${task.DstVersion}.bin`, TargetVersion: task.DstVersion, UploadVersion: versionOf(device) };
    },
    AppReportOTAStatus({ body, user, world }) {
      const device = deviceOf(body, user, world);
      const task = world.firmwareTasks.get(deviceId(device));
      if (!task) throw noTask();
      const State = text(body, 'State');
      if (!(State in REPORTED_STATUS)) throw invalid('State 非法');
      const ResultCode = integer(body, 'ResultCode', { min: -5 });
      if (ResultCode > 0) throw invalid('ResultCode 非法');
      const ResultMsg = text(body, 'ResultMsg', { required: State === 'fail', empty: State !== 'fail' }) ?? '';
      const Persent = integer(body, 'Persent', { fallback: 0 });
      if (Persent > 100) throw invalid('Persent 取值范围 0 ~ 100');
      task.byApp = true;
      task.reported = { State, Persent, ResultMsg };
      if (State === 'done') device.firmwareVersion = text(body, 'Version');
      return {};
    },
    AppReportFirmwareVersion({ body, user, world }) {
      deviceOf(body, user, world).firmwareVersion = text(body, 'Version');
      return {};
    },
  };
}
