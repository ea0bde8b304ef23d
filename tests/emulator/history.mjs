// Data and event history (1081/43119, 60783), kept from what the simulated devices reported
// (push.mjs records every report and event), read a page at a time with a Context cursor.
import { ApiError } from './actions.mjs';
import { text } from './family.mjs';
import { productOf } from './products.mjs';
import { deviceId } from './world.mjs';

const invalid = (message, code = 'InvalidParameterValue') => new ApiError(code, message);
const DAY_SECONDS = 24 * 3600;

/** The device reported these property values (at the emulator's clock). */
export function recordReport(world, device, params) {
  const Time = world.clock();
  const log = world.dataHistory.get(deviceId(device)) || [];
  for (const [FieldName, Value] of Object.entries(params || {})) log.push({ Time, FieldName, Value });
  world.dataHistory.set(deviceId(device), log);
}

/** The device posted an event; its Type (alert, fault, info) comes from the data template. */
export function recordEvent(world, device, EventId, params) {
  const template = JSON.parse(productOf(device.ProductId)?.DataTemplate || '{}');
  const Type = (template.events || []).find((e) => e.id === EventId)?.type || 'info';
  const log = world.eventHistory.get(deviceId(device)) || [];
  log.push({ TimeStamp: world.now(), ProductId: device.ProductId, DeviceName: device.DeviceName, EventId, Type, Data: JSON.stringify(params || {}) });
  world.eventHistory.set(deviceId(device), log);
}

function deviceOf(body, user, world) {
  const key = typeof body.DeviceId === 'string' && body.DeviceId ? body.DeviceId : `${text(body, 'ProductId')}/${text(body, 'DeviceName')}`;
  const device = world.deviceFor(user.UserID, { DeviceId: key });
  if (!device) throw invalid('设备不存在');
  return device;
}

function integer(body, name, { required, min = 0 }) {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw new ApiError('ErrorRequiredParamNotFound', `缺少必选参数 ${name}`);
    return undefined;
  }
  if (!Number.isInteger(v) || v < min) throw invalid(`${name} 非法`);
  return v;
}

/** The page at the cursor: Context is the offset as text; "" once everything is read. */
function cursorPage(items, body, size) {
  const from = body.Context ? Number(body.Context) : 0;
  if (!Number.isInteger(from) || from < 0) throw invalid('Context 非法');
  const page = items.slice(from, from + size);
  const done = from + page.length >= items.length;
  // Listover true once everything is read (as the cloud API's DescribeDeviceDataHistory says).
  return { page, Context: done ? '' : String(from + page.length), Listover: done };
}

export const historyActions = {
  AppGetDeviceDataHistory({ body, user, world }) {
    const device = deviceOf(body, user, world);
    const FieldName = text(body, 'FieldName');
    const MinTime = integer(body, 'MinTime', { required: true });
    const MaxTime = integer(body, 'MaxTime', { required: true });
    const Limit = integer(body, 'Limit', { required: true, min: 1 });
    if (MaxTime < MinTime) throw invalid('MaxTime 早于 MinTime');
    const items = (world.dataHistory.get(deviceId(device)) || []).filter((r) => r.FieldName === FieldName && r.Time >= MinTime && r.Time <= MaxTime);
    const { page, Context, Listover } = cursorPage(items, body, Math.min(Limit, 500));
    // Time and Value as text, as the doc's example shows them.
    return { FieldName, Context, Listover, Results: page.map((r) => ({ Time: String(r.Time), Value: String(r.Value) })) };
  },
  AppListEventHistory({ body, user, world }) {
    const device = deviceOf(body, user, world);
    const now = world.now();
    const StartTime = integer(body, 'StartTime', { required: false }) || now - DAY_SECONDS;
    const EndTime = integer(body, 'EndTime', { required: false }) || now;
    const Size = integer(body, 'Size', { required: false, min: 1 }) ?? 10;
    const Type = text(body, 'Type', { required: false, empty: true }) || '';
    if (Type && !['alert', 'fault', 'info'].includes(Type)) throw invalid('Type 取值为 alert、fault 或 info');
    const EventId = text(body, 'EventId', { required: false });
    const items = (world.eventHistory.get(deviceId(device)) || []).filter(
      (e) => e.TimeStamp >= StartTime && e.TimeStamp <= EndTime && (!Type || e.Type === Type) && (!EventId || e.EventId === EventId),
    );
    const { page, Context, Listover } = cursorPage(items, body, Math.min(Size, 100));
    return { Context, Listover, Total: items.length, EventHistory: page };
  },
};
