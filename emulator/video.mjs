// A camera's cloud recordings (1081/106039-106044): a camera product whose devices have recorded
// an event every 20 minutes over the two days before they left the factory, listed a page at a
// time (Context: the offset), by day and hour in the emulator's time zone; thumbnails, picture
// streams and playback addresses are served by the emulator (GET /__video/…) while their
// signature holds and their expiry (Unix seconds) is not past: 403 after.
import { createHmac } from 'node:crypto';
import { deviceOf } from './devices.mjs';
import { integer, invalid, text } from './params.mjs';
import { deviceId } from './world.mjs';

export const CAMERA = 'CAMERAPROD';
const EVENT_EVERY_SECONDS = 20 * 60;
const EVENT_SECONDS = 15;
const RECORDED_DAYS = 2;
// Thumbnails and streams stay readable this long (the cloud API's thumbnail URLs: an hour).
const READABLE_SECONDS = 3600;
const SIGNING_KEY = 'emulator-video-signing-key';

/** What a camera recorded before `until` (Unix seconds): an event every 20 minutes for two days. */
export function recordingsOf(DeviceName, until) {
  const last = until - (until % EVENT_EVERY_SECONDS);
  const events = [];
  for (let start = last - RECORDED_DAYS * 86400; start < last; start += EVENT_EVERY_SECONDS) {
    const EventId = (start / EVENT_EVERY_SECONDS) % 3 === 0 ? 'person' : 'motion';
    events.push({ StartTime: start, EndTime: start + EVENT_SECONDS, Thumbnail: `/${CAMERA}/${DeviceName}/events/${start}.jpg`, EventId, UploadStatus: 'Finished', Data: '' });
  }
  return events;
}

const sign = (path, exper) => createHmac('sha1', SIGNING_KEY).update(`${path}:${exper}`).digest('hex');
const signed = (base, path, exper) => `${base}${path}${path.includes('?') ? '&' : '?'}exper=${exper}&sign=${sign(path, exper)}`;

function cameraOf(ctx) {
  const device = deviceOf(ctx);
  if (device.ProductId !== CAMERA) throw invalid('设备不支持云存');
  device.recordings ??= recordingsOf(device.DeviceName, device.CreateTime);
  return device;
}

/** "YYYY-MM-DD" of a Unix time in the zone `offsetMinutes` east of UTC. */
const dayOf = (seconds, offsetMinutes) => new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 10);
const playbackPath = (device) => `/__video/timeshift/${encodeURIComponent(deviceId(device))}/timeshift.m3u8`;

export function videoActions({ offsetMinutes }) {
  return {
    IotVideoDescribeCloudStorageEvents(ctx) {
      const { body, world } = ctx;
      const device = cameraOf(ctx);
      const now = world.now();
      const start = integer(body, 'StartTime', { fallback: 0 }) || now - 86400;
      const end = integer(body, 'EndTime', { fallback: 0 }) || now;
      const size = integer(body, 'Size', { min: 1, fallback: 10 });
      const from = body.Context ? Number(body.Context) : 0;
      if (!Number.isInteger(from) || from < 0) throw invalid('Context 非法');
      const wanted = text(body, 'EventId', { required: false });
      // Newest first, as the official demo shows them.
      const events = device.recordings.filter((e) => e.StartTime >= start && e.StartTime <= end && (!wanted || e.EventId === wanted)).reverse();
      const Events = events.slice(from, from + size);
      const Listover = from + Events.length >= events.length;
      return { Events, Context: Listover ? '' : String(from + Events.length), Listover, Total: Events.length, VideoURL: `${world.publicUrl}${playbackPath(device)}` };
    },
    IotVideoDescribeCloudStorageThumbnail(ctx) {
      const device = cameraOf(ctx);
      const thumbnail = text(ctx.body, 'Thumbnail');
      if (!device.recordings.some((e) => e.Thumbnail === thumbnail)) throw invalid('缩略图不存在');
      return { ThumbnailURL: signed(ctx.world.publicUrl, `/__video/thumbnail${thumbnail}`, ctx.world.now() + READABLE_SECONDS) };
    },
    IotVideoDescribeCloudStorageDate(ctx) {
      const device = cameraOf(ctx);
      return { Data: [...new Set(device.recordings.map((e) => dayOf(e.StartTime, offsetMinutes)))] };
    },
    IotVideoDescribeCloudStorageTime(ctx) {
      const { body, world } = ctx;
      const device = cameraOf(ctx);
      const date = text(body, 'Date');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid('Date 应为 YYYY-MM-DD');
      const start = integer(body, 'StartTime', { fallback: 0 });
      const end = integer(body, 'EndTime', { fallback: 0 }) || Infinity;
      const TimeList = device.recordings
        .filter((e) => dayOf(e.StartTime, offsetMinutes) === date && e.StartTime >= start && e.EndTime <= end)
        .map(({ StartTime, EndTime }) => ({ StartTime, EndTime }));
      // Under Data, the only one of these pages to nest its answer.
      return { Data: { VideoURL: `${world.publicUrl}${playbackPath(device)}`, TimeList } };
    },
    IotVideoGenerateSignedVideoURL({ body, user, world }) {
      const ProductId = text(body, 'ProductId');
      const url = text(body, 'VideoURL');
      const ExpireTime = integer(body, 'ExpireTime');
      if (!url.startsWith(`${world.publicUrl}/__video/timeshift/`)) throw invalid('VideoURL 非法');
      const path = url.slice(world.publicUrl.length);
      const id = decodeURIComponent(path.split('/')[3] || '');
      const device = world.deviceFor(user.UserID, { DeviceId: id });
      if (!device || device.ProductId !== ProductId) throw invalid('设备不存在');
      // A time already past is taken: its address answers 403 (the official demo sends one).
      return { SignedVideoURL: signed(world.publicUrl, path, ExpireTime) };
    },
    IotVideoDescribeCloudStorageStreamData(ctx) {
      const device = cameraOf(ctx);
      const start = integer(ctx.body, 'StartTime');
      if (!device.recordings.some((e) => e.StartTime === start)) throw invalid('事件不存在');
      const exper = ctx.world.now() + READABLE_SECONDS;
      const base = `/__video/stream/${encodeURIComponent(deviceId(device))}/${start}`;
      return { VideoStream: signed(ctx.world.publicUrl, `${base}.video`, exper), AudioStream: signed(ctx.world.publicUrl, `${base}.audio`, exper) };
    },
  };
}

/** GET /__video/…: what a signed address points at while it holds, else 403. True when it answered. */
export function serveVideo(world, req, res, path) {
  if (req.method !== 'GET' || !path.startsWith('/__video/')) return false;
  const url = new URL(req.url, 'http://x');
  const exper = Number(url.searchParams.get('exper'));
  url.searchParams.delete('exper');
  const given = url.searchParams.get('sign');
  url.searchParams.delete('sign');
  const unsigned = `${path}${url.searchParams.size ? `?${url.searchParams}` : ''}`;
  if (!given || given !== sign(unsigned, exper) || !(exper >= world.now())) {
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
    return true;
  }
  const playlist = path.endsWith('.m3u8');
  const body = playlist ? '#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:15,\nsegment0.ts\n#EXT-X-ENDLIST\n' : `emulator ${path.split('/').pop()}`;
  res.writeHead(200, { 'content-type': playlist ? 'application/vnd.apple.mpegurl' : 'application/octet-stream' }).end(body);
  return true;
}
