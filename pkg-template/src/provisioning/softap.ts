// SoftAP provisioning (1081/48404; the device side: Tencent's embedded C SDK, wifi_config) as
// rules without I/O: what to send the device, how to read what it answers, when to send again.
// The app sends one JSON object per UDP datagram to the device's hotspot address
// (192.168.4.1:8266); the device answers the sender, three times, then leaves AP mode.

import { utf8 } from './bytes.js';
import { invalidOption } from './errors.js';

/** The home Wi-Fi the device is to join. */
export interface HomeWifi {
  ssid: string;
  password: string;
  /** The Android app sends it; no device firmware seen reads it. */
  bssid?: string;
}

/** What a device answered: who it is, or an error of this attempt, or an earlier attempt's log. */
export type SoftApReply =
  | { type: 'device'; productId: string; deviceName: string; protoVersion: string | null; productRegion: string | null }
  | { type: 'currentError'; log: string }
  | { type: 'previousError'; log: string }
  | { type: 'other' };

/** The device's default address and port; a reply comes within this schedule or never. */
export const SOFTAP_DEFAULTS = { address: '192.168.4.1', port: 8266, resendMs: 2000, sends: 7, region: 'ap-guangzhou' };

// The ESP8266 firmware reads a datagram into 256 bytes; SSID ≤ 32 bytes, PSK ≤ 64 (wifi_config).
const MAX_DATAGRAM = 255;

/**
 * The datagram of SoftAP provisioning (cmdType 1): the Wi-Fi, the bind token, the region (the
 * AT firmware refuses a token whose region is not its product's; ap-guangzhou when left out).
 */
export function softApRequest(wifi: HomeWifi, token: string, region: string = SOFTAP_DEFAULTS.region): string {
  if (!wifi || typeof wifi.ssid !== 'string' || !wifi.ssid) throw invalidOption('wifi.ssid', 'wifi.ssid must be the home Wi-Fi name');
  if (utf8(wifi.ssid).length > 32) throw invalidOption('wifi.ssid', 'wifi.ssid must be at most 32 bytes');
  if (typeof wifi.password !== 'string') throw invalidOption('wifi.password', 'wifi.password must be a string ("" for an open network)');
  if (utf8(wifi.password).length > 64) throw invalidOption('wifi.password', 'wifi.password must be at most 64 bytes');
  const bssid = typeof wifi.bssid === 'string' && wifi.bssid ? { bssid: wifi.bssid } : {};
  return checked(JSON.stringify({ cmdType: 1, ssid: wifi.ssid, password: wifi.password, token: tokenOf(token), region: regionOf(region), ...bssid }));
}

/**
 * The token alone (cmdType 0), sent to a device already on the home Wi-Fi: after SmartConfig,
 * AirKiss or SimpleConfig gave it the Wi-Fi and told the app its address.
 */
export function tokenOnlyRequest(token: string, region: string = SOFTAP_DEFAULTS.region): string {
  return checked(JSON.stringify({ cmdType: 0, token: tokenOf(token), region: regionOf(region) }));
}

/** Reads one datagram: pretty-printed or with a trailing \r\n is fine; anything else is `other`. */
export function readSoftApReply(text: string): SoftApReply {
  let value: unknown;
  try {
    value = JSON.parse(String(text).trim());
  } catch {
    return { type: 'other' };
  }
  if (!value || typeof value !== 'object' || Number((value as { cmdType?: unknown }).cmdType) !== 2) return { type: 'other' };
  const reply = value as { [key: string]: unknown };
  const text_ = (key: string) => (typeof reply[key] === 'string' ? (reply[key] as string) : null);
  if (reply.deviceReply === 'Current_Error') return { type: 'currentError', log: text_('log') || '' };
  if (reply.deviceReply === 'Previous_Error') return { type: 'previousError', log: text_('log') || '' };
  const productId = text_('productId');
  const deviceName = text_('deviceName');
  if (!productId || !deviceName) return { type: 'other' };
  return { type: 'device', productId, deviceName, protoVersion: text_('protoVersion'), productRegion: text_('productRegion') };
}

function tokenOf(token: string): string {
  if (typeof token !== 'string' || !token) throw invalidOption('token', 'the bind token is missing');
  // The device keeps 32 characters of it (MAX_TOKEN_LENGTH).
  if (token.length > 32) throw invalidOption('token', 'a bind token has at most 32 characters');
  return token;
}

function regionOf(region: string): string {
  if (typeof region !== 'string' || !region) throw invalidOption('region', 'region must be a region name such as ap-guangzhou');
  return region;
}

function checked(json: string): string {
  if (utf8(json).length > MAX_DATAGRAM) throw invalidOption('wifi', `the datagram would be ${utf8(json).length} bytes: devices read at most ${MAX_DATAGRAM}`);
  return json;
}
