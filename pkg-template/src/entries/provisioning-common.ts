// What every build of iot-explorer-app/provisioning exports besides its platform's UDP.
export type { BleCentral, BleLink, BleLinkHandlers, WxBleApi } from '../provisioning/ble.js';
export { wxBle } from '../provisioning/ble.js';
export type { BleComboOptions, BleComboScanOptions, BleComboTimeouts } from '../provisioning/ble-combo-provisioner.js';
export { BLE_COMBO_DEFAULTS } from '../provisioning/ble-combo-provisioner.js';
export type { ProvisioningCode } from '../provisioning/errors.js';
export type { BleAdvert, BleComboDevice, BleComboEvent } from '../provisioning/llsync.js';
export {
  DEFAULT_ATT_MTU,
  deviceInfoRequest,
  LLSYNC_UUIDS,
  mtuResultRequest,
  notificationReader,
  readBleComboAdvert,
  readBleComboEvent,
  tokenRequest,
  wifiConnectRequest,
  wifiInfoRequest,
  wifiModeRequest,
} from '../provisioning/llsync.js';
export type { OfficialPluginHost, OfficialPluginReporter, PluginHostClient } from '../provisioning/official-plugins.js';
export { officialPluginHost, officialPluginProvision } from '../provisioning/official-plugins.js';
export type { HomeWifi, SoftApReply } from '../provisioning/softap.js';
export { readSoftApReply, SOFTAP_DEFAULTS, softApRequest, tokenOnlyRequest } from '../provisioning/softap.js';
export type { Provision, ProvisionContext, ProvisionedDevice, SoftApOptions, TokenOnlyOptions } from '../provisioning/softap-provisioner.js';
export type { UdpEndpoint, UdpHandlers, UdpOpener, UdpSocketLike, WxUdpSocket } from '../provisioning/udp.js';
export { wxUdp } from '../provisioning/udp.js';
export type { JoinWifiOptions, WxWifiApi } from '../provisioning/wifi.js';
export { joinWifi } from '../provisioning/wifi.js';
