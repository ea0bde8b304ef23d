// BLE combo provisioning for addDeviceWithToken({ provision }): find the device by its
// advertisement, connect, and walk E0 (who are you, which MTU) → E1 (station mode) → E2 (the
// Wi-Fi) → E3 (join it) → E4 (the token, answered once the device told the cloud), each reply
// awaited with the official app's timeouts; then addDeviceWithToken polls the token and binds.
import { type BleCentral, type BleLink, bluetoothError } from './ble.js';
import { type AbortSignalLikeOrNone, aborted, invalidOption, provisioningError } from './errors.js';
import {
  type BleComboDevice,
  type BleComboEvent,
  DEFAULT_ATT_MTU,
  deviceInfoRequest,
  mtuResultRequest,
  notificationReader,
  readBleComboAdvert,
  readBleComboEvent,
  tokenRequest,
  wifiConnectRequest,
  wifiInfoRequest,
  wifiModeRequest,
} from './llsync.js';
import type { HomeWifi } from './softap.js';
import type { Provision } from './softap-provisioner.js';

/** How long each reply may take, in ms (the official plugin's, 3.0.118). */
export interface BleComboTimeouts {
  deviceInfo: number;
  wifiMode: number;
  wifiInfo: number;
  /** The device answers once it has an address on the home Wi-Fi. */
  wifiConnect: number;
  /** The device answers once the cloud took the token. */
  token: number;
}

export const BLE_COMBO_DEFAULTS = {
  scanTimeoutMs: 15_000,
  stepGapMs: 300,
  timeouts: { deviceInfo: 10_000, wifiMode: 10_000, wifiInfo: 10_000, wifiConnect: 70_000, token: 60_000 } as BleComboTimeouts,
};

export interface BleComboScanOptions {
  /** Only devices of this product. */
  productId?: string;
  /** Default 15,000. */
  timeoutMs?: number;
  signal?: AbortSignalLikeOrNone;
  /** The Bluetooth central; WeChat's (wx) by default. */
  ble?: BleCentral;
}

export interface BleComboOptions extends BleComboScanOptions {
  /** The home Wi-Fi the device is to join. */
  wifi: HomeWifi;
  /** The device to provision (from findBleComboDevice); else the first found (of `productId`). */
  device?: BleComboDevice;
  timeouts?: Partial<BleComboTimeouts>;
  /** The pause between steps; default 300 (devices miss a write that follows a reply at once). */
  stepGapMs?: number;
}

/** The first combo device found (of `productId` when given); DeviceNotFound when none in time. */
export function makeFindBleComboDevice(defaultBle: () => BleCentral) {
  return async (options: BleComboScanOptions = {}): Promise<BleComboDevice> => {
    const [first] = await scan(options.ble || defaultBle(), options, true);
    return first;
  };
}

/** Every combo device heard within `timeoutMs` (of `productId` when given), nearest first. */
export function makeScanBleComboDevices(defaultBle: () => BleCentral) {
  return async (options: BleComboScanOptions = {}): Promise<BleComboDevice[]> => {
    const found = await scan(options.ble || defaultBle(), options, false);
    return found.sort((a, b) => (b.rssi ?? -999) - (a.rssi ?? -999));
  };
}

async function scan(ble: BleCentral, options: BleComboScanOptions, firstOnly: boolean): Promise<BleComboDevice[]> {
  const timeoutMs = positive(options.timeoutMs, BLE_COMBO_DEFAULTS.scanTimeoutMs, 'timeoutMs');
  const { productId, signal } = options;
  if (signal && signal.aborted) throw aborted('the Bluetooth scan');
  const found = new Map<string, BleComboDevice>();
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const stop = await ble.scan((advert) => {
    const device = readBleComboAdvert(advert);
    if (!device || (productId && device.productId !== productId) || found.has(device.deviceId)) return;
    found.set(device.deviceId, device);
    if (firstOnly) done();
  });
  const timer = setTimeout(done, timeoutMs);
  const onAbort = () => done();
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  await finished;
  clearTimeout(timer);
  if (signal) signal.removeEventListener('abort', onAbort);
  await stop();
  if (signal && signal.aborted) throw aborted('the Bluetooth scan');
  if (firstOnly && !found.size) {
    const which = productId ? ` of product ${productId}` : '';
    throw provisioningError('Timeout', 'DeviceNotFound', `no BLE combo device${which} advertised in ${timeoutMs} ms`, {
      hint: 'is the device in provisioning mode (see its manual) and near the phone, with Bluetooth on (and location on Android)?',
    });
  }
  return [...found.values()];
}

export function makeBleComboProvisioner(defaultBle: () => BleCentral) {
  const find = makeFindBleComboDevice(defaultBle);
  return (options: BleComboOptions): Provision => {
    if (!options || typeof options !== 'object') throw invalidOption('options', 'bleComboProvisioner needs { wifi }');
    wifiInfoRequest(options.wifi, DEFAULT_ATT_MTU); // the Wi-Fi checked now, not at the device
    const timeouts = { ...BLE_COMBO_DEFAULTS.timeouts };
    for (const [name, ms] of Object.entries(options.timeouts || {})) {
      const step = name as keyof BleComboTimeouts;
      if (!(step in timeouts)) throw invalidOption(`timeouts.${step}`, `timeouts has no step ${step}`);
      timeouts[step] = positive(ms, timeouts[step], `timeouts.${step}`);
    }
    const stepGapMs = positive(options.stepGapMs, BLE_COMBO_DEFAULTS.stepGapMs, 'stepGapMs', true);
    return async (token, context) => {
      const signal = (context && context.signal) || options.signal;
      const ble = options.ble || defaultBle();
      const device = options.device || (await find({ ...options, ble, signal }));
      const session = await connect(ble, device.deviceId, signal);
      try {
        const DeviceName = await session.run(options.wifi, token, timeouts, stepGapMs);
        return { ProductId: device.productId, DeviceName };
      } finally {
        await session.close();
      }
    };
  };
}

/** A link whose notifications are reassembled into events, awaited one step at a time. */
async function connect(ble: BleCentral, deviceId: string, signal: AbortSignalLikeOrNone) {
  const read = notificationReader();
  let waiter: { type: BleComboEvent['type']; resolve: (e: BleComboEvent) => void; reject: (e: unknown) => void } | null = null;
  let broken: unknown = null;
  const fail = (error: unknown) => {
    broken = broken || error;
    if (waiter) waiter.reject(broken);
  };
  const link: BleLink = await ble.connect(deviceId, {
    notify(packet) {
      const frame = read(packet);
      if (!frame) return;
      // Anything but the awaited reply (a log, a late answer to an earlier step) is dropped.
      const event = readBleComboEvent(frame);
      if (waiter && event.type === waiter.type) waiter.resolve(event);
    },
    disconnected: () => fail(bluetoothError('onBLEConnectionStateChange', { errMsg: 'the device disconnected', errCode: 10006 })),
  });
  const onAbort = () => fail(aborted('provisioning'));
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  if (signal && signal.aborted) onAbort();

  /** Writes `packets` and resolves to the reply of `type`, or fails after `ms`. */
  const ask = async <T extends BleComboEvent['type']>(
    packets: Uint8Array[],
    type: T,
    ms: number,
    step: string,
  ): Promise<Extract<BleComboEvent, { type: T }>> => {
    if (broken) throw broken;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = new Promise<BleComboEvent>((resolve, reject) => {
      waiter = { type, resolve, reject };
      timer = setTimeout(
        () =>
          reject(provisioningError('Timeout', 'DeviceNoReply', `the device did not answer ${step} in ${ms} ms`, { hint: 'keep the phone near the device' })),
        ms,
      );
    });
    reply.catch(() => {}); // awaited below, after the writes
    try {
      for (const packet of packets) await write(link, packet);
      return (await reply) as Extract<BleComboEvent, { type: T }>;
    } finally {
      waiter = null;
      clearTimeout(timer);
    }
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    async run(wifi: HomeWifi, token: string, timeouts: BleComboTimeouts, gapMs: number): Promise<string> {
      const info = await ask(deviceInfoRequest(), 'deviceInfo', timeouts.deviceInfo, 'E0 (device info)');
      let mtu = DEFAULT_ATT_MTU;
      if (info.mustSetMtu) {
        // Where the MTU cannot be set (iOS) the device is told so, and both keep 23.
        const wanted = Math.max(DEFAULT_ATT_MTU, info.mtu);
        mtu = await link.setMtu(wanted).then(
          (set) => Math.max(DEFAULT_ATT_MTU, Math.min(set, wanted)),
          () => DEFAULT_ATT_MTU,
        );
        for (const packet of mtuResultRequest(mtu === wanted)) await write(link, packet);
      }
      const mode = await ask(wifiModeRequest(), 'wifiMode', timeouts.wifiMode, 'E1 (station mode)');
      if (!mode.ok) throw refused('the device refused station mode (E1)');
      await pause(gapMs);
      const took = await ask(wifiInfoRequest(wifi, mtu), 'wifiInfo', timeouts.wifiInfo, 'E2 (the Wi-Fi)');
      if (!took.ok) throw refused('the device refused the Wi-Fi name and password (E2)');
      await pause(gapMs);
      const joined = await ask(wifiConnectRequest(), 'wifiConnect', timeouts.wifiConnect, 'E3 (join the Wi-Fi)');
      if (!joined.connected || joined.ssid !== wifi.ssid) {
        throw provisioningError(
          'Transport',
          'WifiNotConnected',
          `the device did not join ${wifi.ssid}${joined.connected ? ` (it is on ${joined.ssid})` : ''}`,
          {
            hint: 'check the Wi-Fi password, and that the network is 2.4 GHz and in reach of the device',
          },
        );
      }
      await pause(Math.max(gapMs, 1000));
      const bound = await ask(tokenRequest(token, mtu), 'token', timeouts.token, 'E4 (the bind token)');
      if (!bound.ok) {
        throw refused(
          `the device could not give the cloud the token (code ${bound.code})`,
          'the device reached the Wi-Fi but not the cloud: check that the network has internet access',
        );
      }
      return info.deviceName;
    },
    async close() {
      if (signal) signal.removeEventListener('abort', onAbort);
      await link.close();
    },
  };
}

/** Writes a packet; a failed write is tried twice more (Android refuses one too soon after another). */
async function write(link: BleLink, packet: Uint8Array) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await link.write(packet);
    } catch (e) {
      if (attempt === 2) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
}

const refused = (message: string, hint?: string) => provisioningError('Transport', 'DeviceRefused', message, { hint });

function positive(value: unknown, fallback: number, param: string, zeroAllowed = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) {
    throw invalidOption(param, `${param} must be ${zeroAllowed ? 'a non-negative' : 'a positive'} integer of ms`);
  }
  return value;
}
