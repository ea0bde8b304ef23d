// Uses iot-explorer-app/provisioning and the emulator's simulated devices with the types a user
// writes; compiled by types.test.mjs with `tsc --noEmit --strict`. A type error here is a bug in
// provisioning.d.ts or emulator/index.d.ts.
import { createClient, IotExplorerError } from 'iot-explorer-app';
import {
  bleComboProvisioner,
  type BleComboDevice,
  type BleComboEvent,
  findBleComboDevice,
  joinWifi,
  nodeUdp,
  notificationReader,
  officialPluginHost,
  officialPluginProvision,
  type Provision,
  type ProvisioningCode,
  readBleComboEvent,
  readSoftApReply,
  scanBleComboDevices,
  softApProvisioner,
  tokenOnlyProvisioner,
  tokenRequest,
} from 'iot-explorer-app/provisioning';
import { startEmulator } from 'iot-explorer-app/emulator';

const emulator = await startEmulator();
const client = createClient({ endpoint: emulator.endpoint, getAccessToken: async () => ({ Token: 't', ExpireAt: 0 }) });
const FamilyId = await client.defaultFamilyId();
const wifi = { ssid: 'Home', password: 'secret123' };

const plug = await emulator.devices.softAp({ ssid: 'tcloud_plug', homeWifi: wifi, failure: 'previousError' });
const hotspot: string = plug.ssid;
const lamp = emulator.devices.bleCombo({ ProductId: 'LIGHT0PROD', mtu: 64, mustSetMtu: true, failure: null });
const mtuResults: number[] = lamp.mtuResults;
const radio = emulator.wx({ platform: 'ios', connectWifiError: 12007 });
const onWifi: string | null = radio.connectedWifi();
console.log(hotspot, mtuResults, onWifi, radio.calls.length, lamp.received.length);

const controller = new AbortController();
await joinWifi({ ssid: hotspot }, { signal: controller.signal });
const softAp: Provision = softApProvisioner({ wifi, region: 'ap-guangzhou', address: plug.address, port: plug.port, timeoutMs: 5000, udp: nodeUdp() });
const added = await client.addDeviceWithToken({ FamilyId }, { provision: softAp, signal: controller.signal });
console.log(added.DeviceId);

const tokenOnly = tokenOnlyProvisioner({ address: '192.168.1.20' });
const devices: BleComboDevice[] = await scanBleComboDevices({ productId: 'LIGHT0PROD', timeoutMs: 3000 });
const device = await findBleComboDevice({ productId: devices[0]?.productId });
const ble = bleComboProvisioner({ wifi, device, timeouts: { token: 90_000 }, stepGapMs: 200 });
const host = officialPluginHost(client, { reporter: { info: () => {} } });
const smartConfig = officialPluginProvision(host, 'wifiConfSmartConfig', { targetWifiInfo: { SSID: wifi.ssid, password: wifi.password } });
for (const provision of [tokenOnly, ble, smartConfig]) {
  try {
    const { ProductId, DeviceName, bound } = await provision('token', { FamilyId, signal: controller.signal });
    console.log(ProductId, DeviceName, bound === true);
  } catch (e) {
    if (!(e instanceof IotExplorerError)) throw e;
    const code = e.code as ProvisioningCode;
    console.log(code, e.hint, e.errno);
  }
}

const reply = readSoftApReply('{"cmdType":2,"productId":"P","deviceName":"D"}');
if (reply.type === 'device') console.log(reply.productId, reply.deviceName);
const reassemble = notificationReader();
for (const packet of tokenRequest('token', 23)) {
  const frame = reassemble(packet);
  const event: BleComboEvent | null = frame && readBleComboEvent(frame);
  if (event?.type === 'token') console.log(event.ok, event.code);
}
await emulator.close();
