// The user's settings (1081/40789, 40790), through the public client against the emulator.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { loggedIn } from './emulated.mjs';

test('getUserSetting: the push flags and display settings, under UserSetting', { timeout: 20_000 }, async (t) => {
  const { client } = await loggedIn(t);
  const { UserSetting } = await client.getUserSetting();
  assert.deepEqual([UserSetting.EnableWechatPush, UserSetting.EnableDeviceMessagePush, UserSetting.TemperatureUnit], [1, 0, 'C']);
  // An answer without UserSetting is not one.
  await assert.rejects(offlineClient(sdk).client.getUserSetting(), (e) => e.kind === 'Parse' && /UserSetting/.test(e.message));
});

test('updateUserSetting: partial, as both official apps send it; each setting left out stays as it was', { timeout: 20_000 }, async (t) => {
  const { client } = await loggedIn(t);
  await client.updateUserSetting({ TemperatureUnit: 'F' });
  await client.updateUserSetting({ Region: 'America/New_York', EnableDeviceMessagePush: 1 });
  const { UserSetting } = await client.getUserSetting();
  assert.deepEqual(
    [UserSetting.TemperatureUnit, UserSetting.Region, UserSetting.EnableDeviceMessagePush, UserSetting.EnableWechatPush],
    ['F', 'America/New_York', 1, 1],
  );
  // The four flags of the page, all at once.
  const flags = { EnableWechatPush: 0, EnableDeviceMessagePush: 0, EnableFamilyMessagePush: 1, EnableNotifyMessagePush: 1 };
  await client.updateUserSetting(flags);
  const after = (await client.getUserSetting()).UserSetting;
  assert.deepEqual([after.EnableWechatPush, after.EnableFamilyMessagePush, after.TemperatureUnit], [0, 1, 'F']);
});

test('updateUserSetting: bad input is a typed InvalidInput naming the parameter, nothing sent', async () => {
  const { client, sent } = offlineClient(sdk);
  await assertRefused(client, [
    ['updateUserSetting', { EnableWechatPush: 2 }, 'EnableWechatPush'],
    ['updateUserSetting', { EnableNotifyMessagePush: true }, 'EnableNotifyMessagePush'],
    ['updateUserSetting', { TemperatureUnit: 'K' }, 'TemperatureUnit'],
    ['updateUserSetting', { Region: '' }, 'Region'],
  ]);
  assert.equal(sent(), 0);
});
