// The official mini-program SDK (npm qcloud-iotexplorer-appdev-sdk@3.0.115) against the local
// emulator. The SDK runs unmodified with a fake `wx` (./wx-fake.mjs) whose wx.request sends the
// SDK's own https://iot.cloud.tencent.com/... URLs to the emulator. Its getAccessToken is backed
// by this package's server client (AppGetTokenByWeiXin, signed by our Rust/wasm core).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from '../../emulator/server.mjs';
import { createWx, OFFICIAL_HOST } from './wx-fake.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT = { timeout: 15000 };
const TOKEN_KEY = '__qcloud-iotexplorer-appdev-sdk-accessToken'; // LoginManager.js:11

let emulator;
let wx;
let AppDevSdk;
let sdk;
let logins = 0; // calls of getAccessToken
const loginEvents = [];

function newSdk(options = {}) {
  const server = require('../../pkg/dist/node.cjs').createServerClient({
    appKey: DEMO_APP_KEY,
    appSecret: DEMO_APP_SECRET,
    endpoint: emulator.endpoint,
  });
  return new AppDevSdk({
    appKey: DEMO_APP_KEY,
    async getAccessToken() {
      logins += 1;
      const { Token, ExpireAt } = await server.getTokenByWeiXin({ WxOpenID: 'interop-openid', NickName: 'Interop', Avatar: 'https://example.com/a.png' });
      return { Token, ExpireAt };
    },
    // The socket is not part of this test: init() = login only (AppDevSdk.js:66, :141).
    wsConfig: { connectWhenInit: false, autoReconnect: false },
    ...options,
  });
}

/** The last request the SDK sent for `action`, with its URL split up. */
function lastSent(action) {
  const r = wx.sent.findLast((s) => s.json?.Action === action);
  assert.ok(r, `the SDK sent no ${action}`);
  return { ...r, u: new URL(r.url) };
}

before(async () => {
  emulator = await startEmulator();
  wx = createWx({ target: emulator.url });
  globalThis.wx = wx; // read once when the SDK loads (utils/env-detect.js:7)
  ({ AppDevSdk } = require('qcloud-iotexplorer-appdev-sdk'));
  // The SDK logs every request to the console; INTEROP_VERBOSE=1 keeps that.
  const sdkRequire = createRequire(require.resolve('qcloud-iotexplorer-appdev-sdk'));
  if (!process.env.INTEROP_VERBOSE) sdkRequire('qcloud-iotexplorer-logger').default.disableDefaultConsoleTransport();
  sdk = newSdk();
  sdk.on('LoginStateChange', ({ isLogin }) => loginEvents.push(isLogin));
});

after(async () => {
  await emulator?.close();
  delete globalThis.wx;
});

test('the SDK sees a mini-program and logs in through its own flow', TIMEOUT, async () => {
  assert.equal(AppDevSdk.utils.envDetect.isMiniProgram, true);
  await sdk.init();
  assert.equal(sdk.isLogin, true);
  assert.equal(logins, 1);
  assert.deepEqual(loginEvents, [true]);
  assert.equal(sdk.userInfo.NickName, 'Interop');
  assert.match(sdk.userId, /^u_/);
  assert.equal(wx.calls.connectSocket, 0);

  // Login = AppGetUser with the new token, before the SDK knows the user (uin 'unknown').
  const get = lastSent('AppGetUser');
  assert.equal(get.method, 'POST');
  assert.equal(get.u.origin, `https://${OFFICIAL_HOST}`);
  assert.equal(get.u.pathname, '/api/exploreropen/tokenapi');
  assert.equal(get.u.search, '?uin=unknown&cmd=AppGetUser');
  assert.equal(get.headers['content-type'], 'application/json');
  const [[token]] = emulator.world.tokens;
  assert.deepEqual(Object.keys(get.json).sort(), ['AccessToken', 'Action', 'RegionId', 'RequestId']);
  assert.equal(get.json.AccessToken, token);
  assert.equal(get.json.RegionId, 1);
  assert.equal(wx.storage.get(TOKEN_KEY), token); // the SDK caches the Token string only
});

test('AppGetUser through sdk.requestApi', TIMEOUT, async () => {
  const res = await sdk.requestApi('AppGetUser');
  assert.equal(res.Data.UserID, sdk.userId);
  assert.equal(res.Data.NickName, 'Interop');
  assert.equal(res.Data.Avatar, 'https://example.com/a.png');
  assert.equal(typeof res.RequestId, 'string');
  assert.equal(res.RequestId, lastSent('AppGetUser').json.RequestId); // the emulator echoes the SDK's shortid
  assert.equal(lastSent('AppGetUser').u.search, `?uin=${sdk.userId}&cmd=AppGetUser`);
});

test('families, devices, device data and control', TIMEOUT, async () => {
  const families = await sdk.requestApi('AppGetFamilyList', { Offset: 0, Limit: 20 });
  assert.equal(families.Total, 1);
  assert.equal(families.FamilyList[0].Role, 1);
  const { FamilyId } = families.FamilyList[0];

  const devices = await sdk.requestApi('AppGetFamilyDeviceList', { FamilyId, RoomId: '', Offset: 0, Limit: 20 });
  assert.equal(devices.Total, 3);
  const light = devices.DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  assert.equal(light.DeviceId, `${light.ProductId}/${light.DeviceName}`);

  const device = { ProductId: light.ProductId, DeviceName: light.DeviceName };
  const before = JSON.parse((await sdk.requestApi('AppGetDeviceData', device)).Data);
  assert.equal(before.power_switch.Value, 0);

  const control = await sdk.requestApi('AppControlDeviceData', { ...device, Data: JSON.stringify({ power_switch: 1, brightness: 80 }) });
  assert.equal(typeof control.Data, 'string');

  const afterData = JSON.parse((await sdk.requestApi('AppGetDeviceData', device)).Data);
  assert.equal(afterData.power_switch.Value, 1);
  assert.equal(afterData.brightness.Value, 80);
  assert.equal(afterData.color.Value, 0);
  assert.ok(afterData.power_switch.LastUpdate >= before.power_switch.LastUpdate);
});

test('a business error reaches the caller as { code: Error.Code, msg }', TIMEOUT, async () => {
  const { DeviceList } = await sdk.requestApi('AppGetFamilyDeviceList', { FamilyId: (await sdk.requestApi('AppGetFamilyList', {})).FamilyList[0].FamilyId, RoomId: '' });
  const sensor = DeviceList.find((d) => d.ProductId === 'SENSORPROD');
  await assert.rejects(
    sdk.requestApi('AppControlDeviceData', { DeviceId: sensor.DeviceId, Data: '{"humidity":1}' }),
    (e) => e.code === 'InvalidParameterValue.DeviceOffline' && typeof e.msg === 'string' && e.msg.length > 0,
  );
  assert.equal(logins, 1);
});

test("the SDK's own FamilyId 'default' (AppGetFamilyList with Limit 100)", TIMEOUT, async () => {
  // AppDevSdk.js:157 asks for { Offset: 0, Limit: 100 }; the emulator answers at most 50 a page, as documented.
  let res;
  try {
    res = await sdk.requestApi('AppGetFamilyDeviceList', { FamilyId: 'default', RoomId: '', Offset: 0, Limit: 20 });
  } catch (e) {
    assert.fail(`DISAGREEMENT: the official SDK's getDefaultFamilyId (dist/cjs/AppDevSdk.js:157) sends AppGetFamilyList Limit:100, the emulator rejects it: ${JSON.stringify(e)}`);
  }
  assert.equal(res.Total, 3);
});

test('an invalid token makes the SDK call getAccessToken again and retry once', TIMEOUT, async () => {
  const device = (await sdk.requestApi('AppGetFamilyDeviceList', { FamilyId: (await sdk.requestApi('AppGetFamilyList', {})).FamilyList[0].FamilyId, RoomId: '' })).DeviceList[0];
  const old = sdk.loginManager.accessToken;
  emulator.world.tokens.clear();
  const from = wx.sent.length;

  const res = await sdk.requestApi('AppGetDeviceData', { DeviceId: device.DeviceId });
  assert.ok(JSON.parse(res.Data).power_switch);
  assert.equal(logins, 2);
  assert.deepEqual(loginEvents, [true, false, true]);
  const fresh = sdk.loginManager.accessToken;
  assert.notEqual(fresh, old);
  assert.ok(emulator.world.tokens.has(fresh));
  assert.equal(wx.storage.get(TOKEN_KEY), fresh);
  // failed call with the old token, login check with the new one, the one retry
  assert.deepEqual(
    wx.sent.slice(from).map((s) => [s.json.Action, s.json.AccessToken === old ? 'old' : s.json.AccessToken === fresh ? 'new' : '?']),
    [['AppGetDeviceData', 'old'], ['AppGetUser', 'new'], ['AppGetDeviceData', 'new']],
  );
});

test('a second SDK instance uses the cached token, and logs in again when it is stale', TIMEOUT, async () => {
  const second = newSdk();
  await second.init();
  assert.equal(logins, 2); // the cached token was good
  assert.equal(second.loginManager.accessToken, sdk.loginManager.accessToken);

  emulator.world.tokens.clear();
  const third = newSdk();
  await third.init();
  assert.equal(logins, 3); // AppGetUser said InvalidAccessToken → cache dropped → getAccessToken
  assert.equal(third.isLogin, true);
  assert.ok(emulator.world.tokens.has(third.loginManager.accessToken));
});

test('apiUrl points the SDK elsewhere (it must end with "/")', TIMEOUT, async () => {
  const direct = newSdk({ apiUrl: `${emulator.endpoint}/` }); // requestTokenApi.js:41-54: url += 'tokenapi'
  await direct.init();
  const r = lastSent('AppGetUser');
  assert.equal(r.url, `${emulator.endpoint}/tokenapi?uin=unknown&cmd=AppGetUser`);
  assert.equal((await direct.requestApi('AppGetUser')).Data.UserID, direct.userId);
});
