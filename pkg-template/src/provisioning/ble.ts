// Bluetooth for BLE combo provisioning: what the provisioner needs of a central (scan, connect,
// write FFE1, hear FFE3, set the MTU), and that central over WeChat's BLE API.

import { type IotExplorerError, provisioningError } from './errors.js';
import { type BleAdvert, LLSYNC_UUIDS } from './llsync.js';

export interface BleLinkHandlers {
  notify(packet: Uint8Array): void;
  disconnected(): void;
}

/** A connection to a combo device, its notifications on and its characteristics found. */
export interface BleLink {
  /** One packet (at most the ATT MTU − 3 bytes) to FFE1. */
  write(packet: Uint8Array): Promise<void>;
  /** Asks for this ATT MTU; resolves to the one in effect, rejects where the platform cannot (iOS). */
  setMtu(mtu: number): Promise<number>;
  close(): Promise<void>;
}

export interface BleCentral {
  /** Starts discovery of devices advertising 0xFFF0; resolves to a function that stops it. */
  scan(found: (advert: BleAdvert) => void): Promise<() => Promise<void>>;
  connect(deviceId: string, handlers: BleLinkHandlers): Promise<BleLink>;
}

type WxCallback = { success?: (result: never) => void; fail?: (error: never) => void };
type WxAsync = (options: Record<string, unknown> & WxCallback) => unknown;
/** The part of `wx` the central uses (base library ≥ 2.9.0 for the off* functions it calls if present). */
export type WxBleApi = { [api: string]: unknown };

const HINTS: { [errCode: number]: string } = {
  10000: 'the Bluetooth adapter was not opened (openBluetoothAdapter)',
  10001: 'Bluetooth is off: ask the user to turn it on (on Android, location too, which scanning needs)',
  10002: 'the device is no longer in reach: move closer and put it in provisioning mode again',
  10003: 'the device would not connect: it may be connected to another phone, or out of reach',
  10004: 'not an LLSync combo device: it has no 0000FFF0-65D0-… service',
  10005: 'not an LLSync combo device: it lacks the FFE1 or FFE3 characteristic',
  10006: 'the connection dropped: move closer and try again',
  10008: 'the system refused (a write longer than the MTU, or too soon after enabling notifications)',
  10012: 'connecting timed out: move closer and try again',
};

/** A WeChat BLE failure as an IotExplorerError with WeChat's errMsg and errCode. */
export function bluetoothError(api: string, failure: unknown): IotExplorerError {
  const { errMsg, errCode } = (failure || {}) as { errMsg?: unknown; errCode?: unknown };
  const code = typeof errCode === 'number' ? errCode : null;
  const text = typeof errMsg === 'string' ? errMsg : `${api}:fail ${String(failure)}`;
  return provisioningError('Transport', 'BluetoothError', `${text}${code === null ? '' : ` (errCode ${code})`}`, {
    hint: code !== null ? HINTS[code] : undefined,
    errMsg: text,
    errno: code,
    cause: failure,
  });
}

const sameUuid = (a: unknown, b: string) => typeof a === 'string' && a.toUpperCase() === b;

/** The central over WeChat's BLE API (`wx` by default). */
export function wxBle(wxApi?: WxBleApi): BleCentral {
  const api = () => {
    const found = wxApi || (globalThis as { wx?: WxBleApi }).wx;
    if (!found || typeof found.openBluetoothAdapter !== 'function') {
      throw provisioningError('Transport', 'BluetoothError', "WeChat's Bluetooth API (wx.openBluetoothAdapter) is not available here");
    }
    return found;
  };
  const call = <T>(name: string, options: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      (api()[name] as WxAsync)({
        ...options,
        success: resolve as (r: never) => void,
        fail: ((e: unknown) => reject(bluetoothError(name, e))) as (e: never) => void,
      });
    });
  const listen = (on: string, off: string, listener: (event: never) => void) => {
    (api()[on] as (l: unknown) => void)(listener);
    return () => {
      if (typeof api()[off] === 'function') (api()[off] as (l: unknown) => void)(listener);
    };
  };
  // -1: already opened, already connected.
  const alreadyConnected = (e: IotExplorerError) => e.errno === -1;
  const platform = () => {
    const wx = api() as { getDeviceInfo?: () => { platform?: string }; getSystemInfoSync?: () => { platform?: string } };
    const info = typeof wx.getDeviceInfo === 'function' ? wx.getDeviceInfo() : typeof wx.getSystemInfoSync === 'function' ? wx.getSystemInfoSync() : {};
    return String((info && info.platform) || '').toLowerCase();
  };

  const openAdapter = () =>
    call('openBluetoothAdapter').catch((e: IotExplorerError) => {
      if (!alreadyConnected(e)) throw e;
    });

  return {
    async scan(found) {
      await openAdapter();
      let active = true;
      const stopListening = listen('onBluetoothDeviceFound', 'offBluetoothDeviceFound', ((event: { devices?: BleAdvert[] }) => {
        if (active) for (const device of (event && event.devices) || []) found(device);
      }) as (event: never) => void);
      try {
        await call('startBluetoothDevicesDiscovery', { services: [LLSYNC_UUIDS.advertised], allowDuplicatesKey: false, powerLevel: 'high' });
      } catch (e) {
        stopListening();
        throw e;
      }
      return async () => {
        active = false;
        stopListening();
        await call('stopBluetoothDevicesDiscovery').catch(() => {});
      };
    },

    async connect(deviceId, handlers) {
      await openAdapter();
      await call('createBLEConnection', { deviceId, timeout: 10_000 }).catch((e: IotExplorerError) => {
        if (!alreadyConnected(e)) throw e;
      });
      let open = true;
      const serviceId = LLSYNC_UUIDS.service;
      const stops = [
        listen('onBLECharacteristicValueChange', 'offBLECharacteristicValueChange', ((event: {
          deviceId: string;
          characteristicId: string;
          value: ArrayBuffer;
        }) => {
          if (open && event.deviceId === deviceId && sameUuid(event.characteristicId, LLSYNC_UUIDS.notify)) handlers.notify(new Uint8Array(event.value));
        }) as (event: never) => void),
        listen('onBLEConnectionStateChange', 'offBLEConnectionStateChange', ((event: { deviceId: string; connected: boolean }) => {
          if (open && event.deviceId === deviceId && !event.connected) handlers.disconnected();
        }) as (event: never) => void),
      ];
      const close = async () => {
        if (!open) return;
        open = false;
        for (const stop of stops) stop();
        await call('closeBLEConnection', { deviceId }).catch(() => {});
      };
      try {
        const { services } = await call<{ services: { uuid: string }[] }>('getBLEDeviceServices', { deviceId });
        if (!services.some((s) => sameUuid(s.uuid, serviceId)))
          throw bluetoothError('getBLEDeviceServices', { errMsg: 'no LLSync combo service', errCode: 10004 });
        const { characteristics } = await call<{ characteristics: { uuid: string }[] }>('getBLEDeviceCharacteristics', { deviceId, serviceId });
        for (const uuid of [LLSYNC_UUIDS.write, LLSYNC_UUIDS.notify]) {
          if (!characteristics.some((c) => sameUuid(c.uuid, uuid)))
            throw bluetoothError('getBLEDeviceCharacteristics', { errMsg: `no ${uuid}`, errCode: 10005 });
        }
        await call('notifyBLECharacteristicValueChange', { deviceId, serviceId, characteristicId: LLSYNC_UUIDS.notify, state: true });
      } catch (e) {
        await close();
        throw e;
      }
      return {
        write: async (packet) => {
          const value = packet.buffer.slice(packet.byteOffset, packet.byteOffset + packet.byteLength);
          await call('writeBLECharacteristicValue', { deviceId, serviceId, characteristicId: LLSYNC_UUIDS.write, value });
        },
        setMtu: async (mtu) => {
          if (platform() === 'ios') throw bluetoothError('setBLEMTU', { errMsg: 'setBLEMTU:fail can only be invoked on android' });
          const result = await call<{ mtu?: number }>('setBLEMTU', { deviceId, mtu });
          return result && typeof result.mtu === 'number' ? result.mtu : mtu;
        },
        close,
      };
    },
  };
}
