// The account beyond login (issue 28, group 1), through the public clients against the emulator:
// finding a user to share with, changing the password, cancelling the account (a login within 7
// days revokes it), feedback, the one-time ticket of H5 pages, the signed global configuration
// and latest version; bad input per action refused before anything is sent.
import test from 'node:test';
import assert from 'node:assert/strict';
import { isError } from '../fixtures/is-error.mjs';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from '../../emulator/server.mjs';

const LIMIT = { timeout: 30_000 };
const DAY = 24 * 3600 * 1000;
const isApi = (code) => isError(code === undefined ? { kind: 'Api' } : { kind: 'Api', code });

/** The emulator (its clock `skew` ms ahead), its signer, and users made by WeChat or e-mail. */
async function accounts(t) {
  const clock = { skew: 0 };
  const emulator = await startEmulator({ clock: () => Date.now() + clock.skew });
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const clientOf = (getAccessToken) => {
    const client = sdk.createClient({ getAccessToken, endpoint: emulator.endpoint });
    t.after(() => client.logout().catch(() => {}));
    return client;
  };
  const wechat = (WxOpenID) => clientOf(() => server.getTokenByWeiXin({ WxOpenID, NickName: WxOpenID.slice(2), Avatar: '' }));
  const byEmail = async (Email, Password) => {
    await server.sendEmailVerificationCode({ Type: 'register', Email });
    const VerificationCode = emulator.world.codes.get(`register:${Email}`).code;
    await server.createEmailUser({ Email, Password, VerificationCode });
  };
  return { emulator, server, clock, wechat, byEmail, clientOf };
}

test('find a user by e-mail or phone and share a device with them through their message center', LIMIT, async (t) => {
  const { server, wechat, byEmail, clientOf } = await accounts(t);
  const alice = wechat('o-alice-finds');
  await byEmail('bob@example.com', 'Passw0rd!');
  const bob = clientOf(() => server.getToken({ Type: 'email', Email: 'bob@example.com', Password: 'Passw0rd!' }));
  const bobId = (await bob.getUser()).Data.UserID;

  const found = await alice.findUser({ Type: 'email', Email: 'bob@example.com' });
  assert.equal(found.Data.UserID, bobId);
  await assert.rejects(alice.findUser({ Type: 'email', Email: 'nobody@example.com' }), isApi('InvalidParameterValue.ErrorUserNotExists'));
  await assert.rejects(alice.findUser({ Type: 'phone', CountryCode: '86', PhoneNumber: '13800000000' }), isApi('InvalidParameterValue.ErrorUserNotExists'));

  const FamilyId = await alice.defaultFamilyId();
  const lamp = (await alice.getFamilyDeviceList({ FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  await alice.sendShareDeviceInvite({ DeviceId: lamp.DeviceId, ToUserID: found.Data.UserID });
  for await (const message of bob.messages({ Category: 3 })) await bob.acceptInvitation(message);
  assert.equal((await bob.getDeviceData({ DeviceId: lamp.DeviceId })).DataParsed.brightness.Value, 60);
});

test('the password changed with the current one; an account cancelled is revoked by a login within 7 days, gone after', LIMIT, async (t) => {
  const { server, clock, byEmail, clientOf } = await accounts(t);
  await byEmail('carol@example.com', 'first-Passw0rd');
  const login = (Password) => server.getToken({ Type: 'email', Email: 'carol@example.com', Password });
  let password = 'first-Passw0rd';
  const carol = clientOf(() => login(password)); // logs in again when its token expires
  await assert.rejects(carol.userResetPassword({ Password: 'wrong', NewPassword: 'second-Passw0rd' }), isApi());
  await carol.userResetPassword({ Password: 'first-Passw0rd', NewPassword: 'second-Passw0rd' });
  password = 'second-Passw0rd';
  await assert.rejects(login('first-Passw0rd'), isApi());

  await carol.userCancelAccount();
  const asked = Math.floor((Date.now() + clock.skew) / 1000);
  clock.skew += 6 * DAY;
  const revoked = await login('second-Passw0rd');
  assert.ok(Math.abs((revoked.CancelAccountTime ?? 0) - asked) <= 2, `CancelAccountTime ${revoked.CancelAccountTime} ≈ ${asked}`);
  assert.equal((await login('second-Passw0rd')).CancelAccountTime, undefined, 'revoked once');

  await carol.userCancelAccount();
  clock.skew += 7 * DAY;
  await assert.rejects(login('second-Passw0rd'), isApi('InvalidParameterValue.ErrorUserNotExists'));
});

test('feedback with its defaults; an H5 ticket exchanged once for a token; the signed global configuration and latest version', LIMIT, async (t) => {
  const { emulator, server, wechat } = await accounts(t);
  const dave = wechat('o-dave-tickets');
  await dave.userFeedBack({ Desc: 'The plug does not switch off at night', LogUrl: 'https://cos/1.png,https://cos/2.png' });
  const [feedback] = emulator.world.feedback;
  assert.deepEqual([feedback.Type, feedback.Contact, feedback.LogUrl.split(',').length], ['advise', '', 2]);

  const { TokenTicket } = await dave.getTokenTicket();
  const exchanged = await server.checkInTokenTicket({ TokenTicket });
  const panel = sdk.createClient({ getAccessToken: () => ({ Token: exchanged.Data?.Token ?? '', ExpireAt: exchanged.Data?.ExpireAt ?? 0 }), endpoint: emulator.endpoint, retry: false });
  assert.equal((await panel.getUser()).Data.UserID, (await dave.getUser()).Data.UserID, "the ticket's token is the user's");
  await assert.rejects(server.checkInTokenTicket({ TokenTicket }), isApi(), 'one use');

  const { Configs } = await server.getGlobalConfig({ Keys: 'RegionListEN' });
  assert.equal(Configs[0].Key, 'RegionListEN');
  assert.ok(JSON.parse(Configs[0].Value).some((r) => r.TZ === 'Asia/Shanghai' && r.Title === 'Beijing'));
  assert.deepEqual((await server.getGlobalConfig({ Keys: 'NoSuchKey' })).Configs, []);
  const latest = await server.getLatestVersion({ ClientVersion: '1.0.0', AppPlatform: 'android', Channel: 0 });
  assert.deepEqual([latest.VersionInfo?.AppVersion, latest.VersionInfo?.UpgradeType], ['2.6.0', 0]);
  assert.equal((await server.getLatestVersion({ ClientVersion: '2.6.0', AppPlatform: 'ios' })).VersionInfo, undefined, 'up to date');
});

test('account actions: bad input is a typed InvalidInput naming the parameter, nothing sent; answers without their documented fields are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  await assertRefused(client, [
    ['findUser', {}, 'Type'],
    ['findUser', { Type: 'wechat' }, 'Type'],
    ['findUser', { Type: 'email' }, 'Email'],
    ['findUser', { Type: 'phone', CountryCode: '86' }, 'PhoneNumber'],
    ['userResetPassword', { Password: 'a' }, 'NewPassword'],
    ['userResetPassword', { Password: '', NewPassword: 'b' }, 'Password'],
    ['userFeedBack', { Contact: 'a@b.c' }, 'Desc'],
    ['userFeedBack', { Desc: 'x', LogUrl: ['https://a'] }, 'LogUrl'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [['findUser', { Type: 'email', Email: 'a@b.c' }], ['getTokenTicket', undefined]]);
  const server = sdk.createServerClient({ appKey: 'k', appSecret: 's', transport: async () => assert.fail('nothing is sent'), retry: false });
  for (const [method, params, param] of [
    ['checkInTokenTicket', {}, 'TokenTicket'],
    ['getGlobalConfig', { Keys: 5 }, 'Keys'],
    ['getLatestVersion', { ClientVersion: '1.0.0' }, 'AppPlatform'],
    ['getLatestVersion', { AppPlatform: 'ios', Channel: '0' }, 'Channel'],
  ]) {
    await assert.rejects(server[method](params), (e) => e.kind === 'InvalidInput' && e.param === param, method);
  }
});
