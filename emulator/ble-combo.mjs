// A BLE combo (LLSync) device as an in-process peer, speaking the LLSync protocol's §7 as
// Tencent's LLSync SDK does: it advertises 0xFFF0 with E7 FE 02 MAC ProductId; on FFE1 it takes
// E0 (answers 08: its name and the MTU it wants), 09 (the MTU result), E1 (mode → E0), E2 (the
// Wi-Fi → E1), E3 (joins → E2 once it has an address, or says it could not), E4 (the token → E3
// once the cloud took it); requests come sliced to the link's MTU and are reassembled in 128
// bytes, notifications go out sliced to min(MTU − 3, 20). Failure modes: silent (never
// notifies), cloudUnreachable (joins the Wi-Fi, never reaches the cloud: E3 answers 0x98),
// dropsLink (goes away when told to join the Wi-Fi).
import { randomBytes } from 'node:crypto';

const SERVICE = '0000FFF0-65D0-4E20-B56A-E493541BA4E2';
const WRITE = '0000FFE1-65D0-4E20-B56A-E493541BA4E2';
const NOTIFY = '0000FFE3-65D0-4E20-B56A-E493541BA4E2';
const ADVERTISED = '0000FFF0-0000-1000-8000-00805F9B34FB';
const MAX_REQUEST = 128; // BLE_QIOT_EVENT_MAX_SIZE
const EVENT_BUF = 23; // BLE_QIOT_EVENT_BUF_SIZE
const TIMEOUT_CODE = 408 & 0xff; // bt_combo_report_bind_result(408), as a byte

/**
 * `homeWifi`: the only network it can join (any when absent); `mtu`: the ATT MTU it asks for in
 * 08 (default 23), `mustSetMtu`: whether it asks the app to set it; `maxMtu`: the most it takes.
 */
export function bleComboDevice(world, options = {}) {
  const { ProductId = 'LIGHT0PROD', homeWifi = null, mtu = 23, mustSetMtu = false, maxMtu = 247, failure = null, joinDelayMs = 100, reportDelayMs = 100, rssi = -50 } = options;
  const factory = world.makeDevice(ProductId, options.DeviceName);
  const macBytes = options.mac ? Buffer.from(options.mac.replace(/:/g, ''), 'hex') : randomBytes(6);
  const mac = macBytes.toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
  const received = []; // each request, reassembled, as hex
  const mtuResults = [];

  const advertisement = {
    deviceId: mac,
    name: `LLSync_${mac.slice(-5).replace(':', '')}`,
    localName: `LLSync_${mac.slice(-5).replace(':', '')}`,
    RSSI: rssi,
    advertisData: Uint8Array.from([0xe7, 0xfe, 0x02, ...macBytes, ...Buffer.from(factory.ProductId, 'ascii')]),
    advertisServiceUUIDs: [ADVERTISED],
  };

  /** A link from a phone: `notify(packet)` hears the device, `linkMtu()` is the ATT MTU now, `drop()` ends the link. */
  function connect(notify, linkMtu, drop) {
    let slice = null; // { type, parts, size }
    let wifi = null;
    let joined = false;
    let open = true;
    const timers = new Set();
    const later = (ms, work) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (open) work();
      }, ms);
      timers.add(timer);
    };

    const send = (type, payload) => {
      if (failure === 'silent') return;
      const room = Math.min(linkMtu() - 3, EVENT_BUF - 3) - 3;
      const bytes = Buffer.from(payload);
      if (bytes.length <= room) return notify(Buffer.concat([Buffer.from([type, bytes.length >> 8, bytes.length & 0xff]), bytes]));
      for (let at = 0; at < bytes.length; at += room) {
        const piece = bytes.subarray(at, at + room);
        const mark = at === 0 ? 1 : at + room >= bytes.length ? 3 : 2;
        notify(Buffer.concat([Buffer.from([type, (mark << 6) | (piece.length >> 8), piece.length & 0xff]), piece]));
      }
    };

    function handle(frame) {
      received.push(frame.toString('hex'));
      const type = frame[0];
      const body = frame.subarray(3);
      if (type === 0xe0) {
        const name = Buffer.from(factory.DeviceName, 'utf8');
        const field = (mustSetMtu ? 0x8000 : 0) | mtu;
        send(0x08, [0x02, field >> 8, field & 0xff, name.length, ...name]);
      } else if (type === 0x09) {
        mtuResults.push(frame.readUInt16BE(1));
      } else if (type === 0xe1) {
        send(0xe0, [frame[1] === 1 ? 0 : 1]);
      } else if (type === 0xe2) {
        const ssidLength = body[0];
        const passwordLength = body[1 + ssidLength];
        const ok = body.length >= 2 + ssidLength && body.length === 2 + ssidLength + passwordLength;
        if (ok) wifi = { ssid: body.subarray(1, 1 + ssidLength).toString('utf8'), password: body.subarray(2 + ssidLength).toString('utf8') };
        send(0xe1, [ok ? 0 : 1]);
      } else if (type === 0xe3) {
        if (failure === 'dropsLink') return later(0, drop);
        later(joinDelayMs, () => {
          joined = Boolean(wifi && (!homeWifi || (wifi.ssid === homeWifi.ssid && wifi.password === homeWifi.password)));
          const ssid = joined ? Buffer.from(wifi.ssid, 'utf8') : Buffer.alloc(0);
          send(0xe2, [0x01, joined ? 0 : 1, 0, ssid.length, ...ssid]);
        });
      } else if (type === 0xe4) {
        const token = body.toString('utf8');
        if (!joined || failure === 'cloudUnreachable') return later(reportDelayMs, () => send(0xe3, [TIMEOUT_CODE]));
        world.provision(token, { ProductId: factory.ProductId, DeviceName: factory.DeviceName, delayMs: reportDelayMs }).then((known) => {
          if (open) send(0xe3, [known ? 0 : 404 & 0xff]);
        });
      }
    }

    return {
      /** One write to FFE1: a whole frame, or a slice of one. */
      write(packet) {
        const bytes = Buffer.from(packet);
        // E0, E1 01, E3, 09 rr rr carry no length: a packet of 3 bytes or fewer is never a slice.
        if (bytes.length <= 3) return handle(bytes);
        const mark = bytes[1] >> 6;
        const piece = bytes.subarray(3, 3 + (bytes.readUInt16BE(1) & 0x1fff));
        if (mark === 0) return handle(bytes);
        if (mark === 1) slice = { type: bytes[0], parts: [], size: 3 };
        else if (!slice || slice.type !== bytes[0]) return; // a slice of no frame: dropped
        slice.parts.push(piece);
        slice.size += piece.length;
        if (slice.size > MAX_REQUEST) return void (slice = null);
        if (mark !== 3) return;
        const payload = Buffer.concat(slice.parts);
        slice = null;
        handle(Buffer.concat([Buffer.from([bytes[0], payload.length >> 8, payload.length & 0xff]), payload]));
      },
      close() {
        open = false;
        for (const timer of timers) clearTimeout(timer);
      },
    };
  }

  return {
    deviceId: advertisement.deviceId,
    mac,
    ProductId: factory.ProductId,
    DeviceName: factory.DeviceName,
    maxMtu,
    advertisement,
    services: [{ uuid: SERVICE, isPrimary: true }],
    characteristics: [
      { uuid: WRITE, properties: { read: false, write: true, notify: false, indicate: false, writeNoResponse: true } },
      { uuid: NOTIFY, properties: { read: false, write: false, notify: true, indicate: false, writeNoResponse: false } },
    ],
    received,
    mtuResults,
    connect,
  };
}
