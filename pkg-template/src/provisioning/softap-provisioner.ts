// A SoftAP provisioner for addDeviceWithToken({ provision }): hands the device on whose hotspot
// the phone is the home Wi-Fi and the bind token, and resolves to who the device says it is;
// addDeviceWithToken then polls the token and binds once. The token-only variant serves devices
// that SmartConfig, AirKiss or SimpleConfig already put on the home Wi-Fi.
import type { AbortSignalLikeOrNone } from './errors.js';
import { invalidOption } from './errors.js';
import { type HomeWifi, SOFTAP_DEFAULTS, softApRequest, tokenOnlyRequest } from './softap.js';
import { exchange, type UdpOpener } from './udp.js';

export interface SoftApOptions {
  /** The home Wi-Fi the device is to join. */
  wifi: HomeWifi;
  /** The product's region (the AT firmware refuses another); default ap-guangzhou. */
  region?: string;
  /** The device's address and port on its hotspot; default 192.168.4.1:8266. */
  address?: string;
  port?: number;
  /** How long the device may stay silent; default 14,000 (7 sends 2 s apart, as the official app). */
  timeoutMs?: number;
  signal?: AbortSignalLikeOrNone;
  /** The UDP sockets; the platform's by default (wx.createUDPSocket, node:dgram). */
  udp?: UdpOpener;
}

/** What a provision step resolves to: the device that took the token. */
export interface ProvisionedDevice {
  ProductId: string;
  DeviceName: string;
  /** The provision bound the device itself (Tencent's plugins do): addDeviceWithToken does not bind again. */
  bound?: boolean;
}

/** What addDeviceWithToken tells a provision: its signal, and the family and room to add to. */
export interface ProvisionContext {
  signal?: AbortSignalLikeOrNone;
  FamilyId?: string;
  RoomId?: string;
}

export type Provision = (token: string, context?: ProvisionContext) => Promise<ProvisionedDevice>;

const RESEND_MS = SOFTAP_DEFAULTS.resendMs;
const SOFTAP_SILENT =
  "is the phone on the device's hotspot? Where joinWifi could not join it (iOS may refuse), the user joins it in Settings → Wi-Fi; and the device must be in SoftAP mode (see its manual)";
const LAN_SILENT = 'is the phone on the same Wi-Fi as the device, and is that the address the encoding (SmartConfig, AirKiss, SimpleConfig) reported?';

function target(options: SoftApOptions | { address?: string; port?: number }, needAddress: boolean) {
  const address = options.address ?? (needAddress ? undefined : SOFTAP_DEFAULTS.address);
  if (typeof address !== 'string' || !address) throw invalidOption('address', "address must be the device's IP address");
  const port = options.port ?? SOFTAP_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalidOption('port', 'port must be an integer from 1 to 65535');
  return { address, port };
}

function schedule(timeoutMs: number | undefined) {
  const total = timeoutMs ?? RESEND_MS * SOFTAP_DEFAULTS.sends;
  if (!Number.isInteger(total) || total < 1) throw invalidOption('timeoutMs', 'timeoutMs must be a positive integer');
  return { resendMs: Math.min(RESEND_MS, total), sends: Math.max(1, Math.floor(total / RESEND_MS)) };
}

export function makeSoftApProvisioner(defaultUdp: () => UdpOpener) {
  return (options: SoftApOptions): Provision => {
    const to = target(options || ({} as SoftApOptions), false);
    const timing = schedule(options.timeoutMs);
    softApRequest(options.wifi, '0', options.region); // the Wi-Fi checked now, not at the first device
    return async (token, context) => {
      const signal = (context && context.signal) || options.signal;
      const reply = await exchange(options.udp || defaultUdp(), to, softApRequest(options.wifi, token, options.region), {
        ...timing,
        signal,
        silentHint: SOFTAP_SILENT,
      });
      return { ProductId: reply.productId, DeviceName: reply.deviceName };
    };
  };
}

export interface TokenOnlyOptions {
  /** The device's address on the home Wi-Fi, as the encoding reported it. */
  address: string;
  port?: number;
  region?: string;
  timeoutMs?: number;
  signal?: AbortSignalLikeOrNone;
  udp?: UdpOpener;
}

export function makeTokenOnlyProvisioner(defaultUdp: () => UdpOpener) {
  return (options: TokenOnlyOptions): Provision => {
    const to = target(options || ({} as TokenOnlyOptions), true);
    const timing = schedule(options.timeoutMs);
    return async (token, context) => {
      const signal = (context && context.signal) || options.signal;
      const reply = await exchange(options.udp || defaultUdp(), to, tokenOnlyRequest(token, options.region), { ...timing, signal, silentHint: LAN_SILENT });
      return { ProductId: reply.productId, DeviceName: reply.deviceName };
    };
  };
}
