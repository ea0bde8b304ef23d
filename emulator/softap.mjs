// A Wi-Fi device in SoftAP mode on a UDP port of 127.0.0.1, speaking the protocol of 1081/48404
// as Tencent's embedded C SDK and ESP8266 firmware do: one JSON object per datagram; for a
// cmdType 1 (Wi-Fi and token) or 0 (token alone) it answers the sender with who it is, three
// times `replyEveryMs` apart (pretty-printed, and compact with \r\n), then leaves AP mode; with
// the right home Wi-Fi and region it reports the token to the cloud after `reportDelayMs` (the
// token's state turns 2). Failure modes: silent, a Current_Error answer, a Previous_Error log
// before the answer, a wrong password or another region (answers, never reports).
import { createSocket } from 'node:dgram';

const ERROR_LOG = { wifi: 'ESP WIFI connect error! (10, 2)', command: 'APP command error! (2, 204)', earlier: 'MQTT connect error! (1, -4)' };

/**
 * Starts the device; resolves to { address, port, ssid, received (every datagram's JSON), close() }.
 * `homeWifi`: the only network it can join ({ ssid, password }; any when absent); `region`: its product's.
 */
export async function startSoftApDevice(world, { ProductId = 'PLUG00PROD', DeviceName, ssid, homeWifi, region = 'ap-guangzhou', failure = null, replyEveryMs = 1000, reportDelayMs = 300 } = {}) {
  const device = world.makeDevice(ProductId, DeviceName);
  const socket = createSocket('udp4');
  const received = [];
  let apMode = true;
  let previousLogSent = false;
  const timers = new Set();
  let closed = null;
  const later = (ms, work) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };
  const reply = (to, value, pretty) => socket.send(pretty ? JSON.stringify(value, null, '\t') : `${JSON.stringify(value)}\r\n`, to.port, to.address);

  socket.on('message', (data, from) => {
    if (!apMode || failure === 'silent') return;
    let message;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch {
      return reply(from, { cmdType: 2, deviceReply: 'Current_Error', log: ERROR_LOG.command });
    }
    received.push(message);
    if (message.cmdType !== 0 && message.cmdType !== 1) return;
    if (failure === 'previousError' && !previousLogSent) {
      previousLogSent = true;
      reply(from, { cmdType: 2, deviceReply: 'Previous_Error', log: ERROR_LOG.earlier });
    }
    const complete = typeof message.token === 'string' && (message.cmdType === 0 || (typeof message.ssid === 'string' && typeof message.password === 'string'));
    if (!complete || failure === 'currentError') {
      return reply(from, { cmdType: 2, deviceReply: 'Current_Error', log: complete ? ERROR_LOG.wifi : ERROR_LOG.command });
    }
    apMode = false;
    const info = { cmdType: 2, productId: device.ProductId, deviceName: device.DeviceName, protoVersion: '2.0' };
    for (let i = 0; i < 3; i++) later(i * replyEveryMs, () => reply(from, i === 1 ? { ...info, productRegion: region } : info, i === 0));
    // cmdType 0: the device is on the home Wi-Fi already.
    const joins = message.cmdType === 0 || !homeWifi || (message.ssid === homeWifi.ssid && message.password === homeWifi.password);
    const sameRegion = (message.region ?? 'ap-guangzhou') === region;
    if (joins && sameRegion) later(reportDelayMs, () => world.provision(message.token, { ProductId: device.ProductId, DeviceName: device.DeviceName, delayMs: 0 }));
  });
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    address: '127.0.0.1',
    port,
    /** Its hotspot's name: a phone of emulator.wx() that joined it reaches the device at 192.168.4.1:8266. */
    ssid: ssid || `tcloud_${device.DeviceName}`.slice(0, 32),
    ProductId: device.ProductId,
    DeviceName: device.DeviceName,
    received,
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      closed ??= new Promise((resolve) => socket.close(resolve));
      return closed;
    },
  };
}
