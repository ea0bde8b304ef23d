// Where a device is and its geofences (the pages under 1081/48493). The device hook
// `devices.moveTo(id, { Longitude, Latitude })` plays a cellular device reporting a position:
// each enabled fence of it whose area the move enters or leaves (its AlertCondition) records an
// alert event. A fence's area is GeoJSON: polygons, and circles as the official panel draws them
// (a Point with properties.radius in metres). A handler gets { body, user, world } and returns
// the response content, or throws an ApiError.
import { deviceOf } from './devices.mjs';
import { integer, invalid, jsonObject, page, paging, text } from './params.mjs';
import { deviceId } from './world.mjs';

const noFence = () => invalid('围栏不存在');
const MAX_EVENTS = 1000;

/** The fence's areas as polygons (rings of [lng, lat]) and circles ({ lng, lat, radius }). */
function areasOf(geojson) {
  const features = geojson.type === 'FeatureCollection' ? geojson.features : [geojson];
  if (!Array.isArray(features) || !features.length) throw invalid('FenceArea 应为 GeoJSON');
  return features.map((f) => {
    const g = f && f.geometry;
    if (g && g.type === 'Polygon' && Array.isArray(g.coordinates) && Array.isArray(g.coordinates[0])) return { ring: g.coordinates[0] };
    const radius = f && f.properties && Number(f.properties.radius);
    if (g && g.type === 'Point' && Array.isArray(g.coordinates) && radius > 0) return { lng: g.coordinates[0], lat: g.coordinates[1], radius };
    throw invalid('FenceArea 仅支持多边形和圆形');
  });
}

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const metres = (a, b) => {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  return 6_371_000 * Math.hypot(dLat, dLng);
};

const inside = (fence, point) => fence.areas.some((a) => (a.ring ? inRing(point, a.ring) : metres([a.lng, a.lat], point) <= a.radius));

function fenceFields(body) {
  const FenceArea = text(body, 'FenceArea');
  const areas = areasOf(jsonObject(body, 'FenceArea'));
  if (typeof body.FenceEnable !== 'boolean') throw invalid('FenceEnable 应为布尔值');
  return {
    FenceName: text(body, 'FenceName'), FenceArea, FenceDesc: text(body, 'FenceDesc', { empty: true }),
    AlertCondition: text(body, 'AlertCondition'), FenceEnable: body.FenceEnable, Method: text(body, 'Method'), areas,
  };
}

function fenceOf(ctx) {
  const device = deviceOf(ctx);
  const fence = ctx.world.fences.get(integer(ctx.body, 'FenceId'));
  if (!fence || fence.key !== deviceId(device)) throw noFence();
  return fence;
}

const fenceView = ({ key, areas, events, ...fence }) => fence;

/** The device is at `point` now: its history grows, and its fences record what the move crossed. */
export function moveDevice(world, device, { Longitude, Latitude }) {
  const key = deviceId(device);
  const track = world.positions.get(key) || [];
  const before = track.at(-1);
  track.push({ Longitude, Latitude, at: world.clock() });
  world.positions.set(key, track);
  for (const fence of world.fences.values()) {
    if (fence.key !== key || !fence.FenceEnable || !before) continue;
    const [was, is] = [inside(fence, [before.Longitude, before.Latitude]), inside(fence, [Longitude, Latitude])];
    const EventType = !was && is ? 'enter' : was && !is ? 'leave' : null;
    if (EventType && fence.AlertCondition === EventType) {
      fence.events.push({ EventType, CreateTime: world.now() });
      if (fence.events.length > MAX_EVENTS) fence.events.shift();
    }
  }
}

export const locationActions = {
  AppGetDeviceLocation(ctx) {
    const last = (ctx.world.positions.get(deviceId(deviceOf(ctx))) || []).at(-1);
    if (!last) throw invalid('设备没有上报位置');
    // CreateTime in nanoseconds, as the page's example.
    return { Data: { Ret: 0, ErrMsg: '', CreateTime: last.at * 1e6, Longitude: last.Longitude, Latitude: last.Latitude } };
  },
  AppGetDeviceLocationHistory(ctx) {
    const device = deviceOf(ctx);
    const min = integer(ctx.body, 'MinTime');
    const max = integer(ctx.body, 'MaxTime');
    const Pos = (ctx.world.positions.get(deviceId(device)) || [])
      .filter((p) => p.at >= min && p.at <= max)
      .map((p) => ({ Location: { Longitude: p.Longitude, Latitude: p.Latitude }, CreateTime: p.at * 1e6 }));
    // The example's shape (the table says an array of positions).
    return { Data: { Ret: 0, ErrMsg: '', Pos } };
  },
  AppCreateFence(ctx) {
    const device = deviceOf(ctx);
    const now = ctx.world.now();
    const fence = { FenceId: ++ctx.world.lastFenceId, ...fenceFields(ctx.body), CreateTime: now, UpdateTime: now, key: deviceId(device), events: [] };
    ctx.world.fences.set(fence.FenceId, fence);
    return { FenceId: fence.FenceId };
  },
  AppGetFenceList(ctx) {
    const device = deviceOf(ctx);
    const fences = [...ctx.world.fences.values()].filter((f) => f.key === deviceId(device));
    return { List: page(fences, paging(ctx.body)).map(fenceView), Total: fences.length };
  },
  AppModifyFence(ctx) {
    const fence = fenceOf(ctx);
    Object.assign(fence, fenceFields(ctx.body), { UpdateTime: ctx.world.now() });
    return {};
  },
  AppDeleteFence(ctx) {
    ctx.world.fences.delete(fenceOf(ctx).FenceId);
    return {};
  },
  AppGetFenceEventList(ctx) {
    const fence = fenceOf(ctx);
    const now = ctx.world.now();
    // Seconds in the table, milliseconds in the example: a time past the year 33658 is in ms.
    const seconds = (t) => (t > 1e12 ? Math.floor(t / 1000) : t);
    const start = seconds(integer(ctx.body, 'StartTime')) || now - 86400;
    const end = seconds(integer(ctx.body, 'EndTime')) || now;
    const events = fence.events.filter((e) => e.CreateTime >= start && e.CreateTime <= end);
    return { List: page(events, paging(ctx.body)), Total: events.length };
  },
};
