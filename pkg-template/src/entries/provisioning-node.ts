// iot-explorer-app/provisioning in Node: SoftAP and the token-only step over node:dgram (a
// gateway or a test bench on the device's network), the byte rules of BLE combo.
import { createSocket } from 'node:dgram';
import { makeSoftApProvisioner, makeTokenOnlyProvisioner } from '../provisioning/softap-provisioner.js';
import type { UdpOpener } from '../provisioning/udp.js';

/** A UDP opener over node:dgram (udp4, any local port). */
export function nodeUdp(): UdpOpener {
  return (handlers) =>
    new Promise((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.on('message', (data, from) => handlers.message(data.toString('utf8'), { address: from.address, port: from.port }));
      socket.once('error', reject);
      socket.bind(0, () => {
        socket.off('error', reject);
        socket.on('error', (e) => handlers.error(e));
        resolve({ send: (to, text) => socket.send(text, to.port, to.address), close: () => socket.close() });
      });
    });
}

export const softApProvisioner = makeSoftApProvisioner(nodeUdp);
export const tokenOnlyProvisioner = makeTokenOnlyProvisioner(nodeUdp);
export * from './provisioning-common.js';
