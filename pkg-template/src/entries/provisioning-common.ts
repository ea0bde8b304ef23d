// What every build of iot-explorer-app/provisioning exports besides its platform's UDP.
export type { ProvisioningCode } from '../provisioning/errors.js';
export type { HomeWifi, SoftApReply } from '../provisioning/softap.js';
export { readSoftApReply, SOFTAP_DEFAULTS, softApRequest, tokenOnlyRequest } from '../provisioning/softap.js';
export type { Provision, ProvisionedDevice, SoftApOptions, TokenOnlyOptions } from '../provisioning/softap-provisioner.js';
export type { UdpEndpoint, UdpHandlers, UdpOpener, UdpSocketLike, WxUdpSocket } from '../provisioning/udp.js';
export { wxUdp } from '../provisioning/udp.js';
