// Device timers (1081/40796-40800) that fire at their time on the emulator's clock: the timer's
// Data is applied to the device, which reports it over the push channel as after a control.
// `Days` is seven 0/1 characters, Sunday first; `TimePoint` "HH:mm" in the emulator's time zone
// (`timerUtcOffsetMinutes`, UTC+8 by default: the docs do not say, the service is in China).
import { deviceOf } from './devices.mjs';
import { invalid, jsonObject, page, paging, text } from './params.mjs';
import { dayMask, minutesOf } from './smart-params.mjs';
import { deviceId } from './world.mjs';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function fields(body) {
  const Days = dayMask(text(body, 'Days'), 'Days');
  const minutes = minutesOf(text(body, 'TimePoint'), 'TimePoint');
  if (body.Repeat !== 0 && body.Repeat !== 1) throw invalid('Repeat 取值为 0 或 1');
  jsonObject(body, 'Data');
  // Kept as the service shows it: "HH:mm".
  const TimePoint = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { TimerName: text(body, 'TimerName'), Days, TimePoint, Repeat: body.Repeat, Data: body.Data };
}

function timerOf(body, user, world) {
  const device = deviceOf({ body, user, world });
  const timer = world.timers.get(text(body, 'TimerId'));
  if (!timer || timer.key !== deviceId(device)) throw invalid('定时器不存在');
  return timer;
}

const view = ({ key, lastRun, ...t }) => t;

export const timerActions = {
  AppCreateTimer({ body, user, world }) {
    const device = deviceOf({ body, user, world });
    const now = world.now();
    const timer = { TimerId: world.id('t_'), ...fields(body), ProductId: device.ProductId, DeviceName: device.DeviceName, Status: 1, CreateTime: now, UpdateTime: now, key: deviceId(device), lastRun: world.clock() };
    world.timers.set(timer.TimerId, timer);
    // Under `Data`, as the doc's example has it.
    return { Data: { TimerId: timer.TimerId, TimerName: timer.TimerName } };
  },
  AppModifyTimer({ body, user, world }) {
    const timer = timerOf(body, user, world);
    Object.assign(timer, fields(body), { UpdateTime: world.now(), lastRun: world.clock() });
    return {};
  },
  AppModifyTimerStatus({ body, user, world }) {
    const timer = timerOf(body, user, world);
    if (body.Status !== undefined) {
      if (body.Status !== 0 && body.Status !== 1) throw invalid('Status 取值为 0 或 1');
      timer.Status = body.Status;
      timer.lastRun = world.clock(); // a timer turned on fires from now on, not for times missed
    }
    timer.UpdateTime = world.now();
    return {};
  },
  AppDeleteTimer({ body, user, world }) {
    world.timers.delete(timerOf(body, user, world).TimerId);
    return {};
  },
  AppGetTimerList({ body, user, world }) {
    const device = deviceOf({ body, user, world });
    const timers = [...world.timers.values()].filter((t) => t.key === deviceId(device)).map(view);
    return { TimerList: page(timers, paging(body)), Total: timers.length };
  },
};

/**
 * The last time in (from, to] (ms) at which the timer is due, or null: its TimePoint on a day
 * whose bit is set, in the zone `offsetMinutes` east of UTC.
 */
export function dueTime(timer, from, to, offsetMinutes) {
  const [h, m] = timer.TimePoint.split(':').map(Number);
  const shift = offsetMinutes * MINUTE;
  const lastDay = Math.floor((to + shift) / DAY);
  for (let day = lastDay; day >= Math.floor((from + shift) / DAY) && day > lastDay - 8; day--) {
    const at = day * DAY + (h * 60 + m) * MINUTE - shift;
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; Sunday is 0
    if (at > from && at <= to && timer.Days[weekday] === '1') return at;
  }
  return null;
}

/**
 * Fires every timer due since it last ran, up to the clock's now: the device takes its Data and
 * reports it (World.report) as after a control. A timer that does not repeat turns itself
 * off. Returns the timers fired.
 */
export function runTimers(world, offsetMinutes) {
  const now = world.clock();
  const fired = [];
  for (const timer of world.timers.values()) {
    const from = timer.lastRun;
    timer.lastRun = now;
    if (timer.Status !== 1 || dueTime(timer, from, now, offsetMinutes) === null) continue;
    const device = world.devices.get(timer.key);
    if (!device) continue;
    world.applyData(device, timer.Data);
    if (timer.Repeat === 0) timer.Status = 0;
    fired.push(timer.TimerId);
  }
  return fired;
}
