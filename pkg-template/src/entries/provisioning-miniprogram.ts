// iot-explorer-app/provisioning in mini-programs (miniprogram_dist/provisioning.js): SoftAP and
// the token-only step over wx.createUDPSocket, BLE combo over WeChat's Bluetooth API.
import { wxBle } from '../provisioning/ble.js';
import { makeBleComboProvisioner, makeFindBleComboDevice, makeScanBleComboDevices } from '../provisioning/ble-combo-provisioner.js';
import { makeSoftApProvisioner, makeTokenOnlyProvisioner } from '../provisioning/softap-provisioner.js';
import { wxUdp } from '../provisioning/udp.js';

export const softApProvisioner = makeSoftApProvisioner(() => wxUdp());
export const tokenOnlyProvisioner = makeTokenOnlyProvisioner(() => wxUdp());
export const bleComboProvisioner = makeBleComboProvisioner(() => wxBle());
export const findBleComboDevice = makeFindBleComboDevice(() => wxBle());
export const scanBleComboDevices = makeScanBleComboDevices(() => wxBle());
export * from './provisioning-common.js';
