// iot-explorer-app/provisioning in Node: SoftAP and the token-only step over node:dgram (a
// gateway or a test bench on the device's network); BLE combo over a central you pass as `ble`
// (Node has no Bluetooth of its own; WeChat's is the default, as in a mini-program).
import { createSocket } from 'node:dgram';
import { wxBle } from '../provisioning/ble.js';
import { makeBleComboProvisioner, makeFindBleComboDevice, makeScanBleComboDevices } from '../provisioning/ble-combo-provisioner.js';
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
export const bleComboProvisioner = makeBleComboProvisioner(() => wxBle());
export const findBleComboDevice = makeFindBleComboDevice(() => wxBle());
export const scanBleComboDevices = makeScanBleComboDevices(() => wxBle());
export * from './provisioning-common.js';
