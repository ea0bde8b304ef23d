// Automations (1081/50215-50220; AppDeleteAutomation as the official apps send it) that fire by
// themselves: when a device of their conditions reports a value that meets them, and at their
// timer conditions, only while in effect (their days and hours), in the emulator's time zone
// (the one of device timers). MatchType 0: every condition met (a timer condition: this minute
// is its time), 1: any. A handler gets { body, user, world } and returns the response content,
// or throws an ApiError.
import { memberFamily } from './families.mjs';
import { invalid, text } from './params.mjs';
import { isRunning, startRun } from './runs.mjs';
import { automationFields, minutesOf } from './smart-params.mjs';
import { dueTime } from './timers.mjs';
import { deviceId } from './world.mjs';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function automationOf(body, user, world) {
  const automation = world.automations.get(text(body, 'AutomationId'));
  if (!automation || !world.families.get(automation.FamilyId)?.Members.has(user.UserID)) throw invalid('自动智能不存在');
  return automation;
}

const listView = ({ AutomationId, Icon, Name, Status }) => ({ AutomationId, Icon, Name, Status });
const detailView = ({ lastCheck, spent, UserId, ...automation }) => automation;

export const automationActions = {
  AppCreateAutomation({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const automation = {
      AutomationId: world.id('a_'), FamilyId: family.FamilyId, ...automationFields(body, { world, user, family }), UserId: user.UserID, lastCheck: world.clock(), spent: new Set(),
    };
    world.automations.set(automation.AutomationId, automation);
    // At the top, as AppCreateScene's SceneId (50215 is not retrievable; no official app reads it).
    return { AutomationId: automation.AutomationId };
  },
  AppGetAutomationList({ body, user, world }) {
    const family = memberFamily(body, user, world);
    return { List: [...world.automations.values()].filter((a) => a.FamilyId === family.FamilyId).map(listView) };
  },
  AppDescribeAutomation({ body, user, world }) {
    // Under `Data`, as the doc's example has it.
    return { Data: detailView(automationOf(body, user, world)) };
  },
  AppModifyAutomation({ body, user, world }) {
    const automation = automationOf(body, user, world);
    const fields = automationFields(body, { world, user, family: world.families.get(automation.FamilyId) });
    Object.assign(automation, fields, { lastCheck: world.clock(), spent: new Set() });
    return {};
  },
  AppModifyAutomationStatus({ body, user, world }) {
    const automation = automationOf(body, user, world);
    if (body.Status !== 0 && body.Status !== 1) throw invalid('Status 取值为 0 或 1');
    // Turned on, it fires from now on, not for times missed.
    Object.assign(automation, { Status: body.Status, lastCheck: world.clock() });
    return {};
  },
  AppDeleteAutomation({ body, user, world }) {
    world.automations.delete(automationOf(body, user, world).AutomationId);
    return {};
  },
};

/** `a op b`: as numbers when both are (the Android app sends "26", the doc 26), else as text. */
function compare(op, a, b) {
  const numeric = a !== '' && b !== '' && Number.isFinite(Number(a)) && Number.isFinite(Number(b));
  const [x, y] = numeric ? [Number(a), Number(b)] : [String(a), String(b)];
  return { eq: x === y, ne: x !== y, gt: x > y, lt: x < y, ge: x >= y, le: x <= y }[op];
}

const propertyMet = (world, { Property: p }) => {
  const device = world.devices.get(deviceId(p));
  return Boolean(device && p.PropertyId in device.props && compare(p.Op, device.props[p.PropertyId].Value, p.Value));
};

/** The local minute of the day and weekday (0 Sunday) at `at` ms, `offset` minutes east of UTC. */
function localTime(at, offset) {
  const local = at + offset * MINUTE;
  const day = Math.floor(local / DAY);
  return { weekday: (day + 4) % 7, minute: Math.floor((local - day * DAY) / MINUTE) };
}

/** Its days ("0000000": once, on any day) and its time point. */
const timerOf = (timer) => ({ ...timer, Days: timer.Days === '0000000' ? '1111111' : timer.Days });

function timerMetAt(condition, at, offset) {
  const { weekday, minute } = localTime(at, offset);
  const timer = timerOf(condition.Timer);
  return timer.Days[weekday] === '1' && minutesOf(timer.TimePoint) === minute;
}

/** Inside its effective days and hours (an end before the beginning: through midnight). */
function inEffect(automation, at, offset) {
  const { weekday, minute } = localTime(at, offset);
  const begin = minutesOf(automation.EffectiveBeginTime);
  const end = minutesOf(automation.EffectiveEndTime);
  const hours = begin <= end ? minute >= begin && minute <= end : minute >= begin || minute <= end;
  return automation.EffectiveDays[weekday] === '1' && hours;
}

function fire(world, automation, cause) {
  startRun(world, {
    FamilyId: automation.FamilyId, UserId: automation.UserId, source: { AutomationId: automation.AutomationId, AutomationName: automation.Name },
    actions: automation.Actions, cause: [...cause, automation.AutomationId],
  });
}

/**
 * Whether the automation fires for what happened at `at` (ms): it is on and in effect then, not
 * already running nor led to by its own run, and with MatchType 0 every condition is met.
 */
function firesAt(world, automation, { at, cause, offset }) {
  const ready = automation.Status === 1 && !cause.includes(automation.AutomationId) && !isRunning(world, 'AutomationId', automation.AutomationId);
  if (!ready || !inEffect(automation, at, offset)) return false;
  return automation.MatchType === 1 || automation.Conditions.every((c) => (c.CondType === 0 ? propertyMet(world, c) : timerMetAt(c, at, offset)));
}

/** A device reported `params`: the automations with a condition on one of them that it now meets fire. */
export function automationsOnReport(world, device, params, cause, offset) {
  const reporter = deviceId(device);
  for (const automation of [...world.automations.values()]) {
    const met = automation.Conditions.some(
      (c) => c.CondType === 0 && deviceId(c.Property) === reporter && c.Property.PropertyId in params && propertyMet(world, c),
    );
    if (met && firesAt(world, automation, { at: world.clock(), cause, offset })) fire(world, automation, cause);
  }
}

/** Fires the automations whose timer condition came due since they were last checked. Returns their ids. */
export function runAutomationTimers(world, offset) {
  const now = world.clock();
  const fired = [];
  for (const automation of [...world.automations.values()]) {
    const from = automation.lastCheck;
    automation.lastCheck = now;
    const due = automation.Conditions.filter((c) => c.CondType === 1 && !automation.spent.has(c.CondId))
      .map((c) => ({ c, at: dueTime(timerOf(c.Timer), from, now, offset) }))
      .filter(({ at }) => at !== null);
    const at = Math.max(...due.map((d) => d.at));
    if (!due.length || !firesAt(world, automation, { at, cause: [], offset })) continue;
    for (const { c } of due) if (c.Timer.Days === '0000000') automation.spent.add(c.CondId);
    fire(world, automation, []);
    fired.push(automation.AutomationId);
  }
  return fired;
}
