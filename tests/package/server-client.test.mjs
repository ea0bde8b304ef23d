// The server client: its checks when it is made, WeChat logins without a NickName, actions sent to the wrong API.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createClient, createServerClient } from 'iot-explorer-app';
import { isError } from '../fixtures/is-error.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const KEYS = { appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET };

let emulator;
test.before(async () => {
  emulator = await startEmulator();
});
test.after(() => emulator.close());

test('createServerClient without appKey or appSecret fails when it is made, naming the parameter', () => {
  assert.throws(() => createServerClient({ appSecret: 's' }), isError({ code: 'MissingParameter', param: 'appKey', message: /createServerClient needs appKey/ }));
  assert.throws(() => createServerClient({ appKey: 'k', appSecret: undefined }), isError({ code: 'MissingParameter', param: 'appSecret' }));
  assert.throws(() => createServerClient({ appKey: '', appSecret: 's' }), isError({ code: 'MissingParameter', param: 'appKey' }));
  assert.throws(() => createServerClient({ appKey: 7, appSecret: 's' }), isError({ code: 'InvalidParameter', param: 'appKey' }));
  assert.throws(() => createServerClient(), isError({ code: 'MissingParameter', param: 'appKey' }));
});

test('an action sent to the wrong API says which client to use, in good grammar', async () => {
  const server = createServerClient({ ...KEYS, endpoint: emulator.endpoint });
  await assert.rejects(server.call('AppGetUser'), isError({
    kind: 'InvalidInput',
    param: 'action',
    message: /^AppGetUser is a tokenapi action, not an appapi one: .*createClient/,
  }));
  const client = createClient({ getAccessToken: () => ({ Token: 't' }), endpoint: emulator.endpoint });
  await assert.rejects(client.call('AppGetTokenByWeiXin'), isError({
    message: /^AppGetTokenByWeiXin is an appapi action, not a tokenapi one: .*createServerClient/,
  }));
});

test('a WeChat login without a NickName (or an empty one) is accepted as 微信用户', async () => {
  const server = createServerClient({ ...KEYS, endpoint: emulator.endpoint });
  for (const [WxOpenID, NickName] of [['o-no-name', undefined], ['o-empty-name', '']]) {
    const grant = await server.getTokenByWeiXin({ WxOpenID, NickName });
    const client = createClient({ getAccessToken: () => grant, endpoint: emulator.endpoint });
    assert.equal((await client.getUser()).Data.NickName, '微信用户', WxOpenID);
  }
});

test('the emulator, like the documented service, refuses an empty NickName: why the SDK sends 微信用户', async () => {
  const { buildAppApiRequest, parseLoginResponse } = await import('iot-explorer-app');
  const request = buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o-raw-empty', NickName: '', Avatar: '' }, ...KEYS, endpoint: emulator.endpoint });
  const res = await fetch(request.url, request);
  const body = await res.text();
  assert.throws(() => parseLoginResponse(res.status, body), isError({ kind: 'Api', code: 'InvalidParameterValue.NickNameLengthInvalid' }));
});

test('credential mistakes: a pasted newline refused at once; a wrong AppSecret, AppKey or endpoint each keep the server\'s words and name the likely cause', async (t) => {
  assert.throws(() => createServerClient({ ...KEYS, appSecret: `${DEMO_APP_SECRET}\n` }), isError({ code: 'InvalidParameter', param: 'appSecret', message: /line break/ }));
  assert.throws(() => createServerClient({ ...KEYS, appKey: ` ${DEMO_APP_KEY}` }), isError({ code: 'InvalidParameter', param: 'appKey' }));

  const login = { WxOpenID: 'o-credentials', NickName: 'n', Avatar: '' };
  const wrongSecret = createServerClient({ ...KEYS, appSecret: 'not-the-secret', endpoint: emulator.endpoint, retry: false });
  await assert.rejects(wrongSecret.getTokenByWeiXin(login), isError({ kind: 'Api', code: 'InvalidParameterValue', message: /签名/, hint: /AppSecret/ }));
  const wrongKey = createServerClient({ ...KEYS, appKey: 'NoSuchAppKey', endpoint: emulator.endpoint, retry: false });
  await assert.rejects(wrongKey.getTokenByWeiXin(login), isError({ kind: 'Api', code: 'InvalidParameterValue', hint: /AppKey/ }));

  // The backend logs in on one service, the client calls another: a fresh token is refused too.
  const other = await startEmulator();
  t.after(() => other.close());
  const backend = createServerClient({ ...KEYS, endpoint: emulator.endpoint });
  const client = createClient({ getAccessToken: () => backend.getTokenByWeiXin(login), endpoint: other.endpoint, retry: false });
  await assert.rejects(client.getUser(), (e) => {
    assert.equal(e.code, 'InvalidParameterValue.InvalidAccessToken');
    assert.match(e.hint, /backend .* different endpoints/);
    assert.equal(e.toJSON().hint, e.hint);
    return true;
  });
});
