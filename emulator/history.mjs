// Data and event history (1081/43119, 60783), kept from what the simulated devices reported
// (push.mjs records every report and event), read a page at a time with a Context cursor, and a
// property's values aggregated per interval (AppGetDeviceAggsData, as the free panels ask).
import { deviceOf } from './devices.mjs';
import { integer, invalid, text } from './params.mjs';
import { templateOf } from './products.mjs';
import { deviceId } from './world.mjs';

const DAY_SECONDS = 24 * 3600;
// The free panels ask for sum and avg; max and min as the cloud API's aggregates.
const AGGREGATES = {
  sum: (v) => v.reduce((a, b) => a + b, 0),
  avg: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  max: (v) => Math.max(...v),
  min: (v) => Math.min(...v),
};

/** The device reported these property values (at the emulator's clock). */
export function recordReport(world, device, params) {
  const Time = world.clock();
  const log = world.dataHistory.get(deviceId(device)) || [];
  for (const [FieldName, Value] of Object.entries(params || {})) log.push({ Time, FieldName, Value });
  world.dataHistory.set(deviceId(device), log);
}

/** The device posted an event; its Type (alert, fault, info) comes from the data template. Returns the entry. */
export function recordEvent(world, device, EventId, params) {
  const template = templateOf(device.ProductId);
  const Type = (template.events || []).find((e) => e.id === EventId)?.type || 'info';
  const log = world.eventHistory.get(deviceId(device)) || [];
  const entry = { TimeStamp: world.now(), ProductId: device.ProductId, DeviceName: device.DeviceName, EventId, Type, Data: JSON.stringify(params || {}) };
  log.push(entry);
  world.eventHistory.set(deviceId(device), log);
  return entry;
}

/** The page at the cursor: Context is the offset as text; "" once everything is read. */
function cursorPage(items, body, size) {
  const from = body.Context ? Number(body.Context) : 0;
  if (!Number.isInteger(from) || from < 0) throw invalid('Context 非法');
  const page = items.slice(from, from + size);
  const done = from + page.length >= items.length;
  return { page, Context: done ? '' : String(from + page.length), done };
}

/** A page of at most `size`, or of the emulator's own bound `limit` when it was given one. */
const sizeOf = (world, size, limit) => Math.min(size, world.limits[limit] || size);

export const historyActions = {
  AppGetDeviceDataHistory({ body, user, world }) {
    const device = deviceOf({ body, user, world });
    const FieldName = text(body, 'FieldName');
    const MinTime = integer(body, 'MinTime');
    const MaxTime = integer(body, 'MaxTime');
    const Limit = integer(body, 'Limit', { min: 1 });
    const items = (world.dataHistory.get(deviceId(device)) || []).filter((r) => r.FieldName === FieldName && r.Time >= MinTime && r.Time <= MaxTime);
    const { page, Context, done } = cursorPage(items, body, sizeOf(world, Limit, 'historyPageSize'));
    // Listover true while more remain ("True 表示未读取完可继续读取", 1081/43119; the cloud
    // API's twin says the opposite). Time and Value as text, as the doc's example shows them.
    return { FieldName, Context, Listover: !done, Results: page.map((r) => ({ Time: String(r.Time), Value: String(r.Value) })) };
  },
  AppListEventHistory({ body, user, world }) {
    const device = deviceOf({ body, user, world });
    const now = world.now();
    const StartTime = integer(body, 'StartTime', { fallback: 0 }) || now - DAY_SECONDS;
    const EndTime = integer(body, 'EndTime', { fallback: 0 }) || now;
    const Size = integer(body, 'Size', { min: 1, fallback: 10 });
    const Type = text(body, 'Type', { required: false, empty: true }) || '';
    if (Type && !['alert', 'fault', 'info'].includes(Type)) throw invalid('Type 取值为 alert、fault 或 info');
    const EventId = text(body, 'EventId', { required: false });
    const items = (world.eventHistory.get(deviceId(device)) || []).filter(
      (e) => e.TimeStamp >= StartTime && e.TimeStamp <= EndTime && (!Type || e.Type === Type) && (!EventId || e.EventId === EventId),
    );
    const { page, Context, done } = cursorPage(items, body, sizeOf(world, Size, 'eventPageSize'));
    return { Context, Listover: done, Total: items.length, EventHistory: page };
  },
  AppGetDeviceAggsData({ body, user, world }) {
    const device = deviceOf({ body, user, world });
    const FieldName = text(body, 'FieldName');
    const method = AGGREGATES[text(body, 'AggMethod')];
    if (!method) throw invalid(`AggMethod 取值为 ${Object.keys(AGGREGATES).join('、')}`);
    const interval = /^([1-9]\d{0,2})([hd])$/.exec(text(body, 'Interval'));
    if (!interval) throw invalid('Interval 应为 <n>h 或 <n>d');
    const step = Number(interval[1]) * (interval[2] === 'h' ? 3600_000 : 86400_000);
    const MinTime = integer(body, 'MinTime');
    const MaxTime = integer(body, 'MaxTime');
    if (MaxTime < MinTime || (MaxTime - MinTime) / step > 1000) throw invalid('时间范围非法');
    const values = (world.dataHistory.get(deviceId(device)) || []).filter((r) => r.FieldName === FieldName && r.Time >= MinTime && r.Time <= MaxTime && Number.isFinite(Number(r.Value)));
    const Results = [];
    for (let from = MinTime; from <= MaxTime; from += step) {
      const bucket = values.filter((r) => r.Time >= from && r.Time < from + step).map((r) => Number(r.Value));
      if (!bucket.length) continue;
      Results.push({ Data: method(bucket), Date: new Date(from).toISOString().slice(0, interval[2] === 'h' ? 13 : 10), TimestampMs: from });
    }
    return { Results };
  },
};
