// What scenes and automations are made of, as the service takes them (shapes from the per-action
// pages 1081/50210-50220 and the official apps; 1081/40780 is not retrievable): an Action by its
// ActionType (0 device, 1 delay, 2 scene, 3 notify), a Condition by its CondType (0 a device's
// property, 1 a time), and an automation's hours and days.
import { integer, invalid, missing, text } from './params.mjs';

const OPS = ['eq', 'ne', 'gt', 'lt', 'ge', 'le'];
const noPermission = () => invalid('用户对该设备无权限', 'InvalidParameterValue.NoPermission');

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An array of objects at `name` (none documented as too few: the apps' editors ask for one). */
function objects(body, name) {
  const list = body[name];
  if (list === undefined || list === null) throw missing(name);
  if (!Array.isArray(list) || !list.every(isObject)) throw invalid(`${name} 应为对象数组`);
  return list;
}

/** "HH:mm" (or "H:mm"), 00:00 to 23:59, as minutes of the day. */
export function minutesOf(value, name) {
  const m = typeof value === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(value) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw invalid(`${name} 应为 HH:mm`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Seven 0/1 characters, Sunday first. */
export function dayMask(value, name) {
  if (typeof value !== 'string' || !/^[01]{7}$/.test(value)) throw invalid(`${name} 应为 7 位 0/1`);
  return value;
}

/** The JSON text of an object of property values, parsed. */
function propertyValues(data, at) {
  let values;
  try {
    values = typeof data === 'string' ? JSON.parse(data) : null;
  } catch {
    values = null;
  }
  if (!isObject(values)) throw invalid(`${at}.Data 应为 JSON 对象的文本`);
  return values;
}

/** A device the user may see, in the family, named by ProductId and DeviceName. */
function familyDevice(world, user, family, item, at) {
  const ProductId = text(item, 'ProductId');
  const DeviceName = text(item, 'DeviceName');
  const device = world.deviceFor(user.UserID, { ProductId, DeviceName });
  if (!device || device.FamilyId !== family.FamilyId) throw noPermission();
  return device;
}

/** A scene's or an automation's `Actions`, checked (the user may use each device, each scene is in the family). */
export function checkActions(body, { world, user, family }) {
  return objects(body, 'Actions').map((action, i) => {
    const at = `Actions[${i}]`;
    const { ActionType, Data } = action;
    if (Data === undefined || Data === null) throw missing(`${at}.Data`);
    switch (ActionType) {
      case 0:
        familyDevice(world, user, family, action, at);
        propertyValues(Data, at);
        return action;
      case 1:
        // Seconds: text in the doc's example, a number in the Android app.
        if (!(Number.isInteger(Data) && Data >= 0) && !(typeof Data === 'string' && /^\d+$/.test(Data))) throw invalid(`${at}.Data 应为延时秒数`);
        return action;
      case 2: {
        const scene = typeof Data === 'string' ? world.scenes.get(Data) : null;
        if (!scene || scene.FamilyId !== family.FamilyId) throw invalid(`${at}.Data 场景不存在`);
        return action;
      }
      case 3:
        // The channel: 0 (the message center) in the Android app, "消息中心" in the iOS app.
        if (typeof Data !== 'string' && typeof Data !== 'number') throw invalid(`${at}.Data 非法`);
        return action;
      default:
        throw invalid(`${at}.ActionType 取值为 0、1、2、3`);
    }
  });
}

/** An automation's `Conditions`, checked (each device one the user may see in the family, each CondId once). */
export function checkConditions(body, { world, user, family }) {
  const ids = new Set();
  return objects(body, 'Conditions').map((condition, i) => {
    const at = `Conditions[${i}]`;
    const CondId = text(condition, 'CondId');
    if (ids.has(CondId)) throw invalid(`${at}.CondId 重复`);
    ids.add(CondId);
    if (condition.CondType === 0) {
      const property = condition.Property;
      if (!isObject(property)) throw missing(`${at}.Property`);
      familyDevice(world, user, family, property, `${at}.Property`);
      text(property, 'PropertyId');
      if (!OPS.includes(property.Op)) throw invalid(`${at}.Property.Op 取值为 ${OPS.join('、')}`);
      if (typeof property.Value !== 'number' && typeof property.Value !== 'string') throw invalid(`${at}.Property.Value 非法`);
      return condition;
    }
    if (condition.CondType === 1) {
      const timer = condition.Timer;
      if (!isObject(timer)) throw missing(`${at}.Timer`);
      dayMask(timer.Days, `${at}.Timer.Days`);
      minutesOf(timer.TimePoint, `${at}.Timer.TimePoint`);
      return condition;
    }
    throw invalid(`${at}.CondType 取值为 0、1`);
  });
}

/** An automation's fields (50219), checked: what it is, when it is in effect, what it does. */
export function automationFields(body, context) {
  const flag = (name) => {
    const v = integer(body, name);
    if (v !== 0 && v !== 1) throw invalid(`${name} 取值为 0 或 1`);
    return v;
  };
  const fields = {
    Name: text(body, 'Name'),
    Icon: text(body, 'Icon', { empty: true }),
    Status: flag('Status'),
    MatchType: flag('MatchType'),
    EffectiveBeginTime: text(body, 'EffectiveBeginTime'),
    EffectiveEndTime: text(body, 'EffectiveEndTime'),
    EffectiveDays: dayMask(text(body, 'EffectiveDays'), 'EffectiveDays'),
    Conditions: checkConditions(body, context),
    Actions: checkActions(body, context),
  };
  minutesOf(fields.EffectiveBeginTime, 'EffectiveBeginTime');
  minutesOf(fields.EffectiveEndTime, 'EffectiveEndTime');
  return fields;
}
