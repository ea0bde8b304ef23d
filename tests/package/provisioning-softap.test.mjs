// SoftAP provisioning (issue 30) through iot-explorer-app/provisioning against the emulator's
// SoftAP device on a UDP port of 127.0.0.1: a device added end to end with addDeviceWithToken,
// the token-only step, each failure mode the device has, bad options, cancelling.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { joinWifi, readSoftApReply, softApProvisioner, softApRequest, tokenOnlyProvisioner, wxUdp } from 'iot-explorer-app/provisioning';
import { loggedIn } from './emulated.mjs';

const LIMIT = { timeout: 30_000 };
const HOME = { ssid: 'Home-WiFi', password: 'abcd1234' };
const FAST = { pollIntervalMs: 50, maxPollIntervalMs: 100 };

const device = (emulator, options = {}) => emulator.devices.softAp({ homeWifi: HOME, replyEveryMs: 50, reportDelayMs: 50, ...options });
const at = (d) => ({ address: d.address, port: d.port });

test('a SoftAP device added end to end: the Wi-Fi and token over UDP, its answer, the token polled and bound once', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await loggedIn(t);
  const plug = await device(emulator, { ProductId: 'PLUG00PROD', DeviceName: 'softap_plug' });
  const added = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: softApProvisioner({ wifi: HOME, ...at(plug) }) });
  assert.deepEqual([added.DeviceId, added.ProductId, added.DeviceName], ['PLUG00PROD/softap_plug', 'PLUG00PROD', 'softap_plug']);
  const [sent] = plug.received;
  assert.deepEqual([sent.cmdType, sent.ssid, sent.password, sent.region, typeof sent.token], [1, 'Home-WiFi', 'abcd1234', 'ap-guangzhou', 'string']);
  assert.equal((await client.getFamilyDeviceList({ FamilyId })).DeviceList.filter((d) => d.DeviceName === 'softap_plug').length, 1);
});

test('the token alone (cmdType 0) to a device SmartConfig, AirKiss or SimpleConfig put on the home Wi-Fi', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await loggedIn(t);
  const light = await device(emulator, { ProductId: 'LIGHT0PROD', DeviceName: 'smartconfig_light' });
  const added = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: tokenOnlyProvisioner(at(light)) });
  assert.equal(added.DeviceName, 'smartconfig_light');
  assert.deepEqual(Object.keys(light.received[0]).sort(), ['cmdType', 'region', 'token']);
});

test('what goes wrong: a silent device, a Current_Error, a Previous_Error before success, a wrong password, another region', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await loggedIn(t);
  const quick = { timeoutMs: 400, ...FAST };
  const silent = await device(emulator, { failure: 'silent' });
  const noReply = await softApProvisioner({ wifi: HOME, ...at(silent), timeoutMs: 300 })('t0k3n').catch((e) => e);
  assert.ok(noReply instanceof sdk.IotExplorerError, 'the main entry\'s class');
  assert.deepEqual([noReply.kind, noReply.code], ['Timeout', 'DeviceNoReply']);
  assert.match(noReply.hint, /hotspot.*iOS/);

  const failing = await device(emulator, { failure: 'currentError' });
  const failed = await softApProvisioner({ wifi: HOME, ...at(failing) })('t0k3n').catch((e) => e);
  assert.deepEqual([failed.code, /ESP WIFI connect error/.test(failed.message)], ['DeviceError', true]);

  const retried = await device(emulator, { failure: 'previousError', DeviceName: 'after_an_error' });
  const added = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: softApProvisioner({ wifi: HOME, ...at(retried) }) });
  assert.equal(added.DeviceName, 'after_an_error', 'an earlier attempt\'s log is no failure');

  // The device answers but never reaches the cloud: the token is never reported.
  const wrongPassword = await device(emulator);
  await assert.rejects(
    client.addDeviceWithToken({ FamilyId }, { ...quick, provision: softApProvisioner({ wifi: { ...HOME, password: 'wrong' }, ...at(wrongPassword) }) }),
    (e) => e.code === 'DeviceNotReported' && e.step === 'wait',
  );
  const overseas = await device(emulator, { region: 'na-ashburn' });
  await assert.rejects(client.addDeviceWithToken({ FamilyId }, { ...quick, provision: softApProvisioner({ wifi: HOME, ...at(overseas) }) }), (e) => e.code === 'DeviceNotReported');
  const overseasToo = await device(emulator, { region: 'na-ashburn', DeviceName: 'us_plug' });
  const us = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: softApProvisioner({ wifi: HOME, region: 'na-ashburn', ...at(overseasToo) }) });
  assert.equal(us.DeviceName, 'us_plug', 'the right region');
});

test('while the phone is still on the device\'s hotspot the polls fail (request:fail): tried again until the deadline, then a hint', LIMIT, async (t) => {
  // A user on a transport that cannot reach the service while `onHotspot` holds.
  let onHotspot = false;
  const failedPolls = [];
  const transport = async (request) => {
    if (onHotspot && request.body.includes('AppGetDeviceBindTokenState')) {
      failedPolls.push(Date.now());
      throw Object.assign(new Error('request:fail'), { errMsg: 'request:fail' });
    }
    return sdk.fetchTransport()(request);
  };
  const { emulator, client, FamilyId } = await loggedIn(t, { clientOptions: { transport, retry: false } });
  const joinHotspot = (provision) => async (token, context) => {
    const answer = await provision(token, context);
    onHotspot = true;
    return answer;
  };

  const back = await device(emulator, { DeviceName: 'phone_came_back' });
  setTimeout(() => (onHotspot = false), 300);
  const added = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: joinHotspot(softApProvisioner({ wifi: HOME, ...at(back) })) });
  assert.equal(added.DeviceName, 'phone_came_back');
  assert.ok(failedPolls.length >= 2, `${failedPolls.length} polls failed and were tried again`);

  failedPolls.length = 0;
  const stranded = await device(emulator, { DeviceName: 'phone_stays' });
  const error = await client
    .addDeviceWithToken({ FamilyId }, { ...FAST, timeoutMs: 400, provision: joinHotspot(softApProvisioner({ wifi: HOME, ...at(stranded) })) })
    .catch((e) => e);
  onHotspot = false;
  assert.deepEqual([error.kind, error.step], ['Transport', 'wait']);
  assert.match(error.message, /request:fail.*unreachable after \d+ ms/);
  assert.match(error.hint, /home Wi-Fi/);
  assert.ok(failedPolls.length >= 3);
});

test('the phone joins a Wi-Fi with wx.connectWifi; its refusals 12005, 12006, 12007, 12013 are typed errors with a hint', LIMIT, async (t) => {
  const { emulator } = await loggedIn(t);
  const wx = emulator.wx();
  await joinWifi({ ssid: 'tcloud_PLUG_1234' }, { wx });
  assert.deepEqual(wx.calls.map((c) => c.api), ['startWifi', 'connectWifi']);
  assert.deepEqual(wx.calls[1].options.SSID, 'tcloud_PLUG_1234');
  const hints = { 12005: /Wi-Fi is off/, 12006: /location \(GPS\)/, 12007: /加入.*允许/, 12013: /forget the network/ };
  for (const [errCode, hint] of Object.entries(hints)) {
    const error = await joinWifi(HOME, { wx: emulator.wx({ connectWifiError: Number(errCode) }) }).catch((e) => e);
    assert.ok(error instanceof sdk.IotExplorerError);
    assert.deepEqual([error.code, error.errno], ['WifiError', Number(errCode)]);
    assert.match(error.hint, hint);
    assert.match(error.errMsg, /^connectWifi:fail/);
  }
});

test('SoftAP over WeChat\'s UDP socket (wxUdp), as in a mini-program', LIMIT, async (t) => {
  const { emulator, client, FamilyId } = await loggedIn(t);
  const plug = await device(emulator, { DeviceName: 'over_wx_udp' });
  const added = await client.addDeviceWithToken({ FamilyId }, { ...FAST, provision: softApProvisioner({ wifi: HOME, ...at(plug), udp: wxUdp(emulator.wx()) }) });
  assert.equal(added.DeviceName, 'over_wx_udp');
});

test('bad options are refused when the provisioner is made; a cancelled provisioning stops at once', LIMIT, async (t) => {
  const { emulator } = await loggedIn(t);
  const refused = (options, param) => assert.throws(() => softApProvisioner(options), (e) => e.kind === 'InvalidInput' && e.param === param);
  refused({ wifi: { password: 'p' } }, 'wifi.ssid');
  refused({ wifi: { ssid: 'x'.repeat(33), password: '' } }, 'wifi.ssid');
  refused({ wifi: { ssid: 's', password: 'p'.repeat(65) } }, 'wifi.password');
  refused({ wifi: HOME, port: 70000 }, 'port');
  refused({ wifi: HOME, timeoutMs: 0 }, 'timeoutMs');
  assert.throws(() => tokenOnlyProvisioner({}), (e) => e.param === 'address');
  assert.throws(() => softApRequest(HOME, 'x'.repeat(40)), (e) => e.param === 'token');

  const silent = await device(emulator, { failure: 'silent' });
  const controller = new AbortController();
  const started = Date.now();
  const pending = softApProvisioner({ wifi: HOME, ...at(silent) })('t0k3n', { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(pending, (e) => e.code === 'Aborted');
  assert.ok(Date.now() - started < 2000);
});

test('device answers as firmware writes them: pretty-printed, with \\r\\n, with a region, errors, garbage', () => {
  assert.deepEqual(readSoftApReply('{\n\t"cmdType":\t2,\n\t"productId":\t"P",\n\t"deviceName":\t"d",\n\t"protoVersion":\t"2.0"\n}'), {
    type: 'device', productId: 'P', deviceName: 'd', protoVersion: '2.0', productRegion: null,
  });
  assert.equal(readSoftApReply('{"cmdType":2,"productId":"P","deviceName":"d","productRegion":"ap-guangzhou","protoVersion":"2.0"}\r\n').productRegion, 'ap-guangzhou');
  assert.deepEqual(readSoftApReply('{"cmdType":2,"deviceReply":"Current_Error","log":"x (10, 2)"}\r\n'), { type: 'currentError', log: 'x (10, 2)' });
  assert.equal(readSoftApReply('{"cmdType":2,"deviceReply":"Previous_Error","log":"y"}').type, 'previousError');
  for (const other of ['', 'not json', '[]', '{"cmdType":1}', '{"cmdType":2}']) assert.equal(readSoftApReply(other).type, 'other');
  assert.deepEqual(JSON.parse(softApRequest({ ...HOME, bssid: 'aa:bb' }, 'tok', 'ap-shanghai')), { cmdType: 1, ssid: 'Home-WiFi', password: 'abcd1234', token: 'tok', region: 'ap-shanghai', bssid: 'aa:bb' });
});
