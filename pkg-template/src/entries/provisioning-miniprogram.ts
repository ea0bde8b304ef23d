// iot-explorer-app/provisioning in mini-programs (miniprogram_dist/provisioning.js): SoftAP and
// the token-only step over wx.createUDPSocket, BLE combo over WeChat's Bluetooth API.
import { makeSoftApProvisioner, makeTokenOnlyProvisioner } from '../provisioning/softap-provisioner.js';
import { wxUdp } from '../provisioning/udp.js';

export const softApProvisioner = makeSoftApProvisioner(() => wxUdp());
export const tokenOnlyProvisioner = makeTokenOnlyProvisioner(() => wxUdp());
export * from './provisioning-common.js';
