// The user's settings (1081/40789), through the public client against the emulator.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from '../emulator/server.mjs';

test('getUserSetting: the push flags and display settings, under UserSetting', { timeout: 20_000 }, async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const client = sdk.createClient({ getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: 'o-settings' }), endpoint: emulator.endpoint });
  t.after(() => client.logout());
  const { UserSetting } = await client.getUserSetting();
  assert.deepEqual([UserSetting.EnableWechatPush, UserSetting.EnableDeviceMessagePush, UserSetting.TemperatureUnit], [1, 0, 'C']);
  // An answer without UserSetting is not one.
  const bare = sdk.createClient({ getAccessToken: () => ({ Token: 't' }), transport: async () => ({ status: 200, body: '{"Response":{"RequestId":"r"}}' }) });
  await assert.rejects(bare.getUserSetting(), (e) => e.kind === 'Parse' && /UserSetting/.test(e.message));
});
