// The radio half of `wx` for testing provisioning off the phone: Bluetooth (discovery, GATT,
// notifications, MTU) in front of the emulator's BLE combo devices, UDP sockets over node:dgram,
// and Wi-Fi joining. It behaves as WeChat's pages say: callbacks run later, never at once; calls
// before openBluetoothAdapter fail with 10000; writes longer than the MTU − 3 fail (10008);
// setBLEMTU works on Android only and not above what the device takes; each errMsg and errCode
// is WeChat's. A phone on a SoftAP device's hotspot reaches that device at 192.168.4.1:8266.
import { createSocket } from 'node:dgram';

const WRITE = '0000FFE1-65D0-4E20-B56A-E493541BA4E2';
const NOTIFY = '0000FFE3-65D0-4E20-B56A-E493541BA4E2';
const HOTSPOT = { address: '192.168.4.1', port: 8266 };
const WIFI_ERRORS = { 12002: 'password error Wi-Fi', 12005: 'wifi not turned on', 12006: 'gps not turned on', 12007: 'user denied', 12013: 'wifi config may be expired' };

/**
 * `devices()`: the BLE combo devices in reach; `hotspots()`: the SoftAP devices ({ ssid, address,
 * port }) whose hotspots the phone can join; `platform`: 'android' or 'ios'; `bluetooth`:
 * false when it is off; `connectWifiError`: the errCode wx.connectWifi fails with;
 * `ArrayBuffer`: the realm's (a mini-program sandbox's) for what it hands over.
 */
export function createWxRadio({ devices = () => [], hotspots = () => [], platform = 'android', bluetooth = true, connectWifiError = null, ArrayBuffer: RealmArrayBuffer = ArrayBuffer } = {}) {
  const calls = [];
  const listeners = { found: new Set(), value: new Set(), state: new Set() };
  const links = new Map(); // deviceId → { session, mtu, notifying }
  let adapterOpen = false;
  let connectedWifi = null;

  const buffer = (bytes) => {
    const out = new RealmArrayBuffer(bytes.length);
    new Uint8Array(out).set(bytes);
    return out;
  };
  const emit = (set, event) => setTimeout(() => set.forEach((listener) => listener(event)), 0);
  /** A WeChat async API: `run(options)` returns the success payload or throws [errCode, text]. */
  const api = (name, run) => (options = {}) => {
    calls.push({ api: name, options });
    let ok = true;
    let payload;
    try {
      payload = { ...run(options), errMsg: `${name}:ok`, errCode: 0 };
    } catch (failure) {
      if (!Array.isArray(failure)) throw failure;
      ok = false;
      payload = { errMsg: `${name}:fail ${failure[1]}`, errCode: failure[0] };
    }
    setTimeout(() => {
      (ok ? options.success : options.fail)?.(payload);
      options.complete?.(payload);
    }, 0);
  };
  const adapter = () => {
    if (!adapterOpen) throw [10000, 'not init'];
  };
  const linkOf = (deviceId) => {
    adapter();
    const link = links.get(deviceId);
    if (!link) throw [10006, 'no connection'];
    return link;
  };
  const disconnect = (deviceId) => {
    const link = links.get(deviceId);
    if (!link) return;
    links.delete(deviceId);
    link.session.close();
    emit(listeners.state, { deviceId, connected: false });
  };

  const wx = {
    getDeviceInfo: () => ({ platform }),
    getSystemInfoSync: () => ({ platform }),

    openBluetoothAdapter: api('openBluetoothAdapter', () => {
      if (!bluetooth) throw [10001, 'not available'];
      adapterOpen = true;
    }),
    closeBluetoothAdapter: api('closeBluetoothAdapter', () => {
      for (const deviceId of [...links.keys()]) disconnect(deviceId);
      adapterOpen = false;
    }),
    startBluetoothDevicesDiscovery: api('startBluetoothDevicesDiscovery', ({ services }) => {
      adapter();
      const wanted = (services || []).map((s) => s.toUpperCase());
      setTimeout(() => {
        for (const device of devices()) {
          const ad = device.advertisement;
          if (wanted.length && !ad.advertisServiceUUIDs.some((s) => wanted.includes(s))) continue;
          emit(listeners.found, { devices: [{ ...ad, advertisData: buffer(ad.advertisData), advertisServiceUUIDs: [...ad.advertisServiceUUIDs] }] });
        }
      }, 5);
    }),
    stopBluetoothDevicesDiscovery: api('stopBluetoothDevicesDiscovery', () => adapter()),
    onBluetoothDeviceFound: (listener) => listeners.found.add(listener),
    offBluetoothDeviceFound: (listener) => listeners.found.delete(listener),

    createBLEConnection: api('createBLEConnection', ({ deviceId }) => {
      adapter();
      if (links.has(deviceId)) throw [-1, 'already connect'];
      const device = devices().find((d) => d.deviceId === deviceId);
      if (!device) throw [10002, 'no device'];
      const link = { device, mtu: 23, notifying: false };
      const notify = (packet) => {
        if (packet.length > link.mtu - 3) throw new Error(`the device notified ${packet.length} bytes over MTU ${link.mtu}`);
        if (link.notifying && links.get(deviceId) === link) {
          emit(listeners.value, { deviceId, serviceId: device.services[0].uuid, characteristicId: NOTIFY, value: buffer(packet) });
        }
      };
      link.session = device.connect(notify, () => link.mtu, () => disconnect(deviceId));
      links.set(deviceId, link);
      emit(listeners.state, { deviceId, connected: true });
    }),
    closeBLEConnection: api('closeBLEConnection', ({ deviceId }) => {
      linkOf(deviceId);
      disconnect(deviceId);
    }),
    getBLEDeviceServices: api('getBLEDeviceServices', ({ deviceId }) => ({ services: linkOf(deviceId).device.services.map((s) => ({ ...s })) })),
    getBLEDeviceCharacteristics: api('getBLEDeviceCharacteristics', ({ deviceId, serviceId }) => {
      const { device } = linkOf(deviceId);
      if (!device.services.some((s) => s.uuid === String(serviceId).toUpperCase())) throw [10004, 'no service'];
      return { characteristics: device.characteristics.map((c) => ({ ...c, properties: { ...c.properties } })) };
    }),
    notifyBLECharacteristicValueChange: api('notifyBLECharacteristicValueChange', ({ deviceId, characteristicId, state }) => {
      const link = linkOf(deviceId);
      if (String(characteristicId).toUpperCase() !== NOTIFY) throw [10007, 'property not support'];
      link.notifying = Boolean(state);
    }),
    writeBLECharacteristicValue: api('writeBLECharacteristicValue', ({ deviceId, characteristicId, value }) => {
      const link = linkOf(deviceId);
      if (String(characteristicId).toUpperCase() !== WRITE) throw [10007, 'property not support'];
      if (Object.prototype.toString.call(value) !== '[object ArrayBuffer]') throw [10013, 'invalid_data'];
      if (value.byteLength > link.mtu - 3) throw [10008, `data length ${value.byteLength} exceeds MTU ${link.mtu} - 3`];
      const packet = new Uint8Array(value.slice(0));
      setTimeout(() => links.get(deviceId) === link && link.session.write(packet), 0);
    }),
    setBLEMTU: api('setBLEMTU', ({ deviceId, mtu }) => {
      if (platform !== 'android') throw [undefined, 'can only be invoked on android'];
      const link = linkOf(deviceId);
      if (!Number.isInteger(mtu) || mtu <= 22 || mtu > 512) throw [10013, 'invalid_data'];
      if (mtu > link.device.maxMtu) throw [-1, 'setBLEMTU fail'];
      link.mtu = mtu;
      return { mtu };
    }),
    getBLEMTU: api('getBLEMTU', ({ deviceId }) => ({ mtu: linkOf(deviceId).mtu })),
    onBLECharacteristicValueChange: (listener) => listeners.value.add(listener),
    offBLECharacteristicValueChange: (listener) => listeners.value.delete(listener),
    onBLEConnectionStateChange: (listener) => listeners.state.add(listener),
    offBLEConnectionStateChange: (listener) => listeners.state.delete(listener),

    startWifi: api('startWifi', () => {}),
    stopWifi: api('stopWifi', () => {}),
    connectWifi: api('connectWifi', ({ SSID }) => {
      if (connectWifiError) throw [connectWifiError, WIFI_ERRORS[connectWifiError] || 'system internal error'];
      connectedWifi = SSID;
    }),
    getConnectedWifi: api('getConnectedWifi', () => {
      if (!connectedWifi) throw [12010, 'not connected'];
      return { wifi: { SSID: connectedWifi, BSSID: '', secure: true, signalStrength: 99 } };
    }),

    createUDPSocket: () => udpSocket(buffer, () => hotspots().find((device) => device.ssid === connectedWifi)),
  };
  return { wx, calls, connectedWifi: () => connectedWifi };
}

/**
 * WeChat's UDPSocket over node:dgram (bound to a free port of 127.0.0.1, whatever port is asked);
 * `hotspot()`: the SoftAP device whose hotspot the phone is on, if any.
 */
function udpSocket(buffer, hotspot) {
  const socket = createSocket('udp4');
  const handlers = { message: new Set(), error: new Set(), listening: new Set(), close: new Set() };
  let closed = false;
  socket.on('message', (data, from) => {
    const device = hotspot();
    const seen = device && from.address === device.address && from.port === device.port ? HOTSPOT : from;
    const event = { message: buffer(data), remoteInfo: { address: seen.address, family: 'IPv4', port: seen.port, size: data.length }, localInfo: {} };
    handlers.message.forEach((h) => h(event));
  });
  socket.on('error', (e) => handlers.error.forEach((h) => h({ errMsg: e.message })));
  socket.on('listening', () => handlers.listening.forEach((h) => h({})));
  socket.on('close', () => handlers.close.forEach((h) => h({})));
  const on = (set) => (h) => set.add(h);
  const off = (set) => (h) => (h ? set.delete(h) : set.clear());
  return {
    bind: () => {
      socket.bind(0, '127.0.0.1');
      return 0;
    },
    send: ({ address, port, message }) => {
      if (closed) return handlers.error.forEach((h) => h({ errMsg: 'send:fail socket is closed' }));
      const bytes = typeof message === 'string' ? Buffer.from(message, 'utf8') : Buffer.from(new Uint8Array(message));
      if (address !== HOTSPOT.address) return socket.send(bytes, port, address);
      const device = hotspot();
      if (device && port === HOTSPOT.port) socket.send(bytes, device.port, device.address); // else lost: no such host on this network
    },
    close: () => {
      if (closed) return;
      closed = true;
      socket.close();
    },
    onMessage: on(handlers.message),
    offMessage: off(handlers.message),
    onError: on(handlers.error),
    offError: off(handlers.error),
    onListening: on(handlers.listening),
    offListening: off(handlers.listening),
    onClose: on(handlers.close),
    offClose: off(handlers.close),
  };
}
