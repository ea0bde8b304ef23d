// BLE combo (LLSync 蓝牙辅助配网: the LLSync protocol's §7; the device side in Tencent's LLSync
// SDK, the app side in qcloud-iotexplorer-appdev-plugin-wificonf-blecombo) as bytes, without
// I/O: the advertisement, the requests E0–E4 sliced to the MTU, the notifications reassembled
// and read. Every frame is [type][u16 length][payload]; the length's top two bits say whether a
// packet is a whole frame (00) or its first (01), a middle (10) or its last slice (11).
import { fromUtf8, hex, utf8 } from './bytes.js';
import { invalidOption } from './errors.js';
import type { HomeWifi } from './softap.js';

export const LLSYNC_UUIDS = {
  /** The 16-bit service 0xFFF0 a combo device advertises: the discovery key. */
  advertised: '0000FFF0-0000-1000-8000-00805F9B34FB',
  service: '0000FFF0-65D0-4E20-B56A-E493541BA4E2',
  /** App → device (LLDeviceInfo). */
  write: '0000FFE1-65D0-4E20-B56A-E493541BA4E2',
  /** Device → app (LLEvent). */
  notify: '0000FFE3-65D0-4E20-B56A-E493541BA4E2',
};

/** The ATT MTU every link starts with (iOS cannot change it from a mini-program). */
export const DEFAULT_ATT_MTU = 23;

const WHOLE = 0;
const FIRST = 1;
const MIDDLE = 2;
const LAST = 3;
const LENGTH_MASK = 0x1fff;
// The device reassembles a request in 128 bytes (BLE_QIOT_EVENT_MAX_SIZE).
const MAX_REQUEST = 128;
const STA_MODE = 1;

/** A combo device as its advertisement tells: the IoT Explorer product and the Bluetooth MAC. */
export interface BleComboDevice {
  /** WeChat's id for connecting (the MAC on Android, a UUID on iOS). */
  deviceId: string;
  productId: string;
  /** AA:BB:CC:DD:EE:FF */
  mac: string;
  name: string;
  rssi: number | null;
}

/** What onBluetoothDeviceFound reports of a device, as far as the reader needs it. */
export interface BleAdvert {
  deviceId: string;
  name?: string;
  localName?: string;
  RSSI?: number;
  advertisData?: ArrayBuffer | Uint8Array;
  advertisServiceUUIDs?: string[];
}

/**
 * A combo device's advertisement, or null for any other: service 0xFFF0 advertised, and the
 * manufacturer data E7 FE (Tencent's company id), 02 (LLSync version), MAC (6), product id (10);
 * Android scan records may lack the company id.
 */
export function readBleComboAdvert(advert: BleAdvert): BleComboDevice | null {
  if (!advert || typeof advert.deviceId !== 'string' || !advert.advertisData) return null;
  const services = Array.isArray(advert.advertisServiceUUIDs) ? advert.advertisServiceUUIDs : [];
  if (!services.some((uuid) => typeof uuid === 'string' && /^(0000)?FFF0(-0000-1000-8000-00805F9B34FB)?$/i.test(uuid))) return null;
  const raw = new Uint8Array(advert.advertisData as ArrayBuffer);
  const data = raw[0] === 0xe7 && raw[1] === 0xfe ? raw.subarray(2) : raw;
  if (data.length < 17 || data[0] !== 0x02) return null;
  const productId = String.fromCharCode(...data.subarray(7, 17));
  if (!/^[A-Z0-9]{10}$/.test(productId)) return null;
  const mac = hex(data.subarray(1, 7))
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
  const name = advert.localName || advert.name || '';
  return { deviceId: advert.deviceId, productId, mac, name, rssi: typeof advert.RSSI === 'number' ? advert.RSSI : null };
}

/** E0: the device's name and the MTU it wants. */
export const deviceInfoRequest = (): Uint8Array[] => [Uint8Array.of(0xe0)];

/** 09: whether the app set the MTU the device asked for (0000) or could not (FFFF). */
export const mtuResultRequest = (set: boolean): Uint8Array[] => [Uint8Array.of(0x09, set ? 0 : 0xff, set ? 0 : 0xff)];

/** E1 01: station mode. */
export const wifiModeRequest = (): Uint8Array[] => [Uint8Array.of(0xe1, STA_MODE)];

/** E2: the home Wi-Fi, as [ssid length][ssid][password length][password]. */
export function wifiInfoRequest(wifi: HomeWifi, attMtu: number): Uint8Array[] {
  if (!wifi || typeof wifi.ssid !== 'string' || !wifi.ssid) throw invalidOption('wifi.ssid', 'wifi.ssid must be the home Wi-Fi name');
  if (typeof wifi.password !== 'string') throw invalidOption('wifi.password', 'wifi.password must be a string ("" for an open network)');
  const ssid = utf8(wifi.ssid);
  const password = utf8(wifi.password);
  if (ssid.length > 32) throw invalidOption('wifi.ssid', 'wifi.ssid must be at most 32 bytes');
  if (password.length > 64) throw invalidOption('wifi.password', 'wifi.password must be at most 64 bytes');
  return slices(0xe2, [withLength(ssid), withLength(password)], attMtu);
}

/** E3: join the Wi-Fi now. */
export const wifiConnectRequest = (): Uint8Array[] => [Uint8Array.of(0xe3)];

/** E4: the bind token; the device answers once it has told the cloud. */
export function tokenRequest(token: string, attMtu: number): Uint8Array[] {
  if (typeof token !== 'string' || !token || token.length > 32) throw invalidOption('token', 'a bind token has 1 to 32 characters');
  return slices(0xe4, [utf8(token)], attMtu);
}

/**
 * A frame as the writes that carry it at this ATT MTU (each at most MTU − 3 bytes): whole when
 * it fits, else each item its own slice, cut further when longer than a slice holds (as the
 * official app slices).
 */
export function slices(type: number, items: Uint8Array[], attMtu: number): Uint8Array[] {
  const room = attMtu - 3;
  if (!Number.isInteger(attMtu) || attMtu < DEFAULT_ATT_MTU) throw invalidOption('mtu', 'the ATT MTU must be an integer of at least 23');
  const payload = concat(items);
  if (3 + payload.length > MAX_REQUEST) throw invalidOption('wifi', `the request would be ${3 + payload.length} bytes: the device takes ${MAX_REQUEST}`);
  if (3 + payload.length <= room) return [frame(type, WHOLE, payload)];
  const pieces: Uint8Array[] = [];
  for (const item of items) for (let at = 0; at < item.length; at += room - 3) pieces.push(item.subarray(at, at + room - 3));
  return pieces.map((piece, i) => frame(type, i === 0 ? FIRST : i === pieces.length - 1 ? LAST : MIDDLE, piece));
}

/**
 * Reassembles the device's notifications: each packet in, a whole frame out once its last slice
 * came (null before). A slice that belongs to no frame is dropped; a frame over `maxBytes` too.
 */
export function notificationReader(maxBytes = 1024): (packet: Uint8Array) => Uint8Array | null {
  let type = -1;
  let parts: Uint8Array[] = [];
  let size = 0;
  return (packet) => {
    if (packet.length < 3) return packet.length ? packet : null; // a frame with no payload
    const mark = packet[1] >> 6;
    const body = packet.subarray(3, 3 + (((packet[1] << 8) | packet[2]) & LENGTH_MASK));
    if (mark === WHOLE) return frame(packet[0], WHOLE, body);
    if (mark === FIRST) {
      type = packet[0];
      parts = [];
      size = 0;
    } else if (packet[0] !== type) return null;
    parts.push(body);
    size += body.length;
    if (size > maxBytes) type = -1;
    if (mark !== LAST || type === -1) return null;
    type = -1;
    return frame(packet[0], WHOLE, concat(parts));
  };
}

/** What one notification frame says. Replies are numbered one below their request. */
export type BleComboEvent =
  | { type: 'deviceInfo'; llsyncVersion: number; mtu: number; mustSetMtu: boolean; deviceName: string }
  | { type: 'wifiMode'; ok: boolean }
  | { type: 'wifiInfo'; ok: boolean }
  | { type: 'wifiConnect'; connected: boolean; ssid: string }
  | { type: 'token'; ok: boolean; code: number }
  | { type: 'log'; logType: number; log: string }
  | { type: 'mtu'; mtu: number }
  | { type: 'other'; frameType: number; why: string };

export function readBleComboEvent(frame_: Uint8Array): BleComboEvent {
  const frameType = frame_[0];
  const p = frame_.subarray(3, 3 + (((frame_[1] << 8) | frame_[2]) & LENGTH_MASK));
  const short = (n: number): BleComboEvent | null => (p.length < n ? { type: 'other', frameType, why: `${p.length} bytes of payload, fewer than ${n}` } : null);
  switch (frameType) {
    case 0x08: {
      if (p.length < 4 || p.length < 4 + p[3]) return { type: 'other', frameType, why: 'device info shorter than its name length says' };
      const field = (p[1] << 8) | p[2];
      return {
        type: 'deviceInfo',
        llsyncVersion: p[0],
        mtu: field & 0x07ff,
        mustSetMtu: (field & 0x8000) !== 0,
        deviceName: fromUtf8(p.subarray(4, 4 + p[3])),
      };
    }
    case 0xe0:
      return short(1) || { type: 'wifiMode', ok: p[0] === 0 };
    case 0xe1:
      return short(1) || { type: 'wifiInfo', ok: p[0] === 0 };
    case 0xe2:
      return short(4) || { type: 'wifiConnect', connected: p[1] === 0, ssid: fromUtf8(p.subarray(4, 4 + p[3])) };
    case 0xe3:
      return short(1) || { type: 'token', ok: p[0] === 0, code: p[0] };
    case 0xe4:
      return short(1) || { type: 'log', logType: p[0], log: fromUtf8(p.subarray(1)) };
    case 0x0c:
      return short(2) || { type: 'mtu', mtu: (p[0] << 8) | p[1] };
    default:
      return { type: 'other', frameType, why: 'not a combo event' };
  }
}

function frame(type: number, mark: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(3 + payload.length);
  out[0] = type;
  out[1] = (mark << 6) | (payload.length >> 8);
  out[2] = payload.length & 0xff;
  out.set(payload, 3);
  return out;
}

const withLength = (bytes: Uint8Array): Uint8Array => concat([Uint8Array.of(bytes.length), bytes]);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
