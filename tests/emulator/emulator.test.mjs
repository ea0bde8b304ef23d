// The emulator's own checks, with raw HTTP and node:crypto signing (no package code involved).
import test from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { signatureOf, stringToSign } from '../../emulator/verify.mjs';

async function post(endpoint, api, body) {
  const res = await fetch(`${endpoint}/${api}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: JSON.parse(await res.text()) };
}

function signed(params, { secret = DEMO_APP_SECRET, now = Math.floor(Date.now() / 1000), nonce } = {}) {
  const body = { Action: 'AppGetTokenByWeiXin', RequestId: `r-${Math.random()}`, AppKey: DEMO_APP_KEY, Timestamp: now, Nonce: nonce ?? 1 + Math.floor(Math.random() * 2e9), ...params };
  return { ...body, Signature: signatureOf(secret, stringToSign(body, { dropEmpty: true })) };
}

const user = { WxOpenID: 'o-emu', NickName: 'Emu', Avatar: 'https://a/b.png' };
const errorCode = (r) => r.json.data.Error.Code;
const errorOf = (r) => `${r.json.data.Error.Code}: ${r.json.data.Error.Message}`;

test('appapi: documented codes only; what the docs do not name is InvalidParameterValue with a message', async (t) => {
  const e = await startEmulator();
  t.after(() => e.close());
  const cases = [
    ['not JSON', '{"Action":', 'InvalidParameterValue.InvalidJSON'],
    ['no Action', { AppKey: 'x' }, 'ErrorRequiredParamNotFound'],
    ['unknown action', signed({ ...user, Action: 'AppDoesNotExist' }), 'InvalidAction'],
    ['token action on appapi', signed({ Action: 'AppGetUser' }), 'InvalidAction'],
    ['missing Signature', (({ Signature, ...b }) => b)(signed(user)), 'ErrorRequiredParamNotFound'],
    ['unknown AppKey', { ...signed(user), AppKey: 'nope' }, 'InvalidParameterValue: AppKey 不存在'],
    ['bad signature', signed(user, { secret: 'wrong' }), 'InvalidParameterValue: 签名校验失败'],
    ['stale timestamp', signed(user, { now: Math.floor(Date.now() / 1000) - 400 }), /^InvalidParameterValue: Timestamp 已过期/],
    ['future timestamp', signed(user, { now: Math.floor(Date.now() / 1000) + 400 }), /^InvalidParameterValue: Timestamp 已过期/],
    ['Timestamp as text', signed({ ...user, Timestamp: String(Math.floor(Date.now() / 1000)) }), 'InvalidParameterValue: Timestamp 应为整数'],
    ['Nonce as text', signed({ ...user, Nonce: '12345' }), 'InvalidParameterValue: Nonce 非法'],
    ['Nonce 0', signed({ ...user, Nonce: 0 }), 'InvalidParameterValue: Nonce 非法'],
    ['missing NickName', signed({ WxOpenID: 'o', Avatar: 'a' }), /^ErrorRequiredParamNotFound:/],
    ['long NickName', signed({ ...user, NickName: 'x'.repeat(21) }), /^InvalidParameterValue.NickNameLengthInvalid:/],
  ];
  for (const [name, body, expected] of cases) {
    const r = await post(e.endpoint, 'appapi', body);
    assert.equal(r.status, 200, name);
    assert.equal(r.json.code, -1000, name);
    if (typeof expected === 'string' && !expected.includes(':')) assert.equal(errorCode(r), expected, name);
    else if (typeof expected === 'string') assert.equal(errorOf(r), expected, name);
    else assert.match(errorOf(r), expected, name);
  }
});

test('tokenapi paging and rooms: Limit at most 50 a page (1081/40811); no RoomId lists every room, as the official demo sends it (models.js)', async (t) => {
  const e = await startEmulator();
  t.after(() => e.close());
  const Token = (await post(e.endpoint, 'appapi', signed({ ...user, WxOpenID: 'o-pages' }))).json.data.Data.Token;
  const call = (body) => post(e.endpoint, 'tokenapi', { RequestId: 'r', AccessToken: Token, ...body });
  for (let i = 0; i < 55; i++) await call({ Action: 'AppCreateFamily', Name: `f${i}` });
  const big = (await call({ Action: 'AppGetFamilyList', Offset: 0, Limit: 100 })).json.data;
  assert.equal(big.FamilyList.length, 50, 'a page holds at most the documented 50');
  assert.ok(big.Total > 50);
  assert.equal(errorOf(await call({ Action: 'AppGetFamilyList', Offset: 0, Limit: '10' })), 'InvalidParameterValue: Limit 非法');
  const { FamilyId } = big.FamilyList[0];
  const everyRoom = (await call({ Action: 'AppGetFamilyDeviceList', FamilyId })).json.data;
  assert.deepEqual(everyRoom, { ...(await call({ Action: 'AppGetFamilyDeviceList', FamilyId, RoomId: '' })).json.data, RequestId: 'r' });
});

test('a missing parameter gets the code its endpoint\'s pages list: ErrorRequiredParamNotFound on appapi, InvalidParameterValue on tokenapi', async (t) => {
  const e = await startEmulator();
  t.after(() => e.close());
  const { WxOpenID, ...noOpenId } = user;
  assert.equal(errorOf(await post(e.endpoint, 'appapi', signed(noOpenId))), 'ErrorRequiredParamNotFound: 缺少必选参数 WxOpenID');
  const Token = (await post(e.endpoint, 'appapi', signed({ ...user, WxOpenID: 'o-missing' }))).json.data.Data.Token;
  const call = (body) => post(e.endpoint, 'tokenapi', { RequestId: 'r', AccessToken: Token, ...body });
  for (const [body, name] of [
    [{ Action: 'AppCreateFamily' }, 'Name'],
    [{ Action: 'AppJoinFamily' }, 'ShareToken'],
    [{ Action: 'AppGetDeviceBindTokenState' }, 'Token'],
    [{ Action: 'AppSigBindDeviceInFamily' }, 'FamilyId'],
  ]) {
    assert.equal(errorOf(await call(body)), `InvalidParameterValue: 缺少必选参数 ${name}`, body.Action);
  }
});

test('appapi: a replayed request is refused; empty values signed only as documented, unless lenient', async (t) => {
  const e = await startEmulator();
  const lenient = await startEmulator({ lenientSignatures: true });
  t.after(() => Promise.all([e.close(), lenient.close()]));
  const body = signed(user, { nonce: 4242 });
  assert.equal((await post(e.endpoint, 'appapi', body)).json.code, 0);
  assert.equal(errorOf(await post(e.endpoint, 'appapi', body)), 'InvalidParameterValue: Nonce 重复');
  const withEmpty = { Action: 'AppGetTokenByWeiXin', RequestId: 'r', AppKey: DEMO_APP_KEY, Timestamp: Math.floor(Date.now() / 1000), WxOpenID: 'o2', NickName: 'n', Avatar: '' };
  const sign = (dropEmpty, Nonce) => {
    const b = { ...withEmpty, Nonce };
    return { ...b, Signature: signatureOf(DEMO_APP_SECRET, stringToSign(b, { dropEmpty })) };
  };
  assert.equal((await post(e.endpoint, 'appapi', sign(true, 11))).json.code, 0, 'left out: the documented rule');
  assert.equal(errorOf(await post(e.endpoint, 'appapi', sign(false, 12))), 'InvalidParameterValue: 签名校验失败', 'kept: refused');
  assert.equal((await post(lenient.endpoint, 'appapi', sign(false, 13))).json.code, 0, 'kept: the lenient mode takes it');
  assert.equal((await post(lenient.endpoint, 'appapi', sign(true, 14))).json.code, 0);
});

test('every answer carries the emulator clock in Date, readable cross-origin', async (t) => {
  const skewed = Date.now() + 3600_000;
  const e = await startEmulator({ clock: () => skewed });
  t.after(() => e.close());
  const res = await fetch(`${e.endpoint}/tokenapi`, { method: 'POST', body: '{}' });
  assert.ok(Math.abs(Date.parse(res.headers.get('date')) - skewed) < 2000);
  assert.equal(res.headers.get('access-control-expose-headers'), 'date');
});

test('tokens expire after their TTL; logout revokes', async (t) => {
  let now = Date.now();
  const e = await startEmulator({ tokenTtlSeconds: 60, clock: () => now });
  t.after(() => e.close());
  const login = await post(e.endpoint, 'appapi', signed(user, { now: Math.floor(now / 1000) }));
  const { Token, ExpireAt } = login.json.data.Data;
  assert.equal(ExpireAt, Math.floor(now / 1000) + 60);
  const getUser = () => post(e.endpoint, 'tokenapi', { Action: 'AppGetUser', RequestId: 'r', AccessToken: Token });
  assert.equal((await getUser()).json.data.Data.NickName, 'Emu');
  now += 61_000;
  assert.equal(errorCode(await getUser()), 'InvalidParameterValue.InvalidAccessToken');
  now -= 61_000;
  const again = (await post(e.endpoint, 'appapi', signed(user, { now: Math.floor(now / 1000) }))).json.data.Data.Token;
  await post(e.endpoint, 'tokenapi', { Action: 'AppLogoutUser', RequestId: 'r', AccessToken: again });
  assert.equal(errorCode(await post(e.endpoint, 'tokenapi', { Action: 'AppGetUser', RequestId: 'r', AccessToken: again })), 'InvalidParameterValue.InvalidAccessToken');
});

test('documented envelope and fault injection', async (t) => {
  const e = await startEmulator({ envelope: 'documented' });
  t.after(() => e.close());
  const ok = await post(e.endpoint, 'appapi', signed(user));
  assert.equal(typeof ok.json.Response.Data.Token, 'string');
  const bad = await post(e.endpoint, 'appapi', signed(user, { secret: 'x' }));
  assert.deepEqual(bad.json.Response.Error, { Code: 'InvalidParameterValue', Message: '签名校验失败' });

  e.addFault({ type: 'html502' });
  let res = await fetch(`${e.endpoint}/appapi`, { method: 'POST', body: '{}' });
  assert.equal(res.status, 502);
  assert.match(await res.text(), /<html>/);
  e.addFault({ type: 'empty', api: 'tokenapi' });
  res = await fetch(`${e.endpoint}/tokenapi`, { method: 'POST', body: '{}' });
  assert.equal(await res.text(), '');
  e.addFault({ type: 'truncate' });
  res = await fetch(`${e.endpoint}/tokenapi`, { method: 'POST', body: '{"Action":"AppGetUser"}' });
  const truncated = await res.text();
  assert.ok(truncated.startsWith('{"Response":{'), truncated);
  assert.throws(() => JSON.parse(truncated));
  e.addFault({ type: 'drop' });
  await assert.rejects(fetch(`${e.endpoint}/tokenapi`, { method: 'POST', body: '{}' }));
  const started = Date.now();
  e.addFault({ type: 'delay', ms: 300 });
  await fetch(`${e.endpoint}/tokenapi`, { method: 'POST', body: '{}' });
  assert.ok(Date.now() - started >= 290);

  const raw = async () => (await fetch(`${e.endpoint}/tokenapi`, { method: 'POST', body: '{"Action":"AppGetUser","RequestId":"q"}' })).json();
  e.addFault({ type: 'codeWithoutError', code: 1001, message: 'busy' });
  assert.deepEqual(await raw(), { code: 1001, msg: 'busy', data: { RequestId: 'q' } });
  e.addFault({ type: 'errorWithCodeZero', code: 'InternalError', message: 'm' });
  assert.deepEqual(await raw(), { code: 0, msg: '', data: { Error: { Code: 'InternalError', Message: 'm' }, RequestId: 'q' } });
  e.addFault({ type: 'apiError', code: 'UnauthorizedOperation.APPNoPermissionToStudioProduct', message: 'App对操作该产品无权限' });
  assert.deepEqual((await raw()).Response.Error, { Code: 'UnauthorizedOperation.APPNoPermissionToStudioProduct', Message: 'App对操作该产品无权限' });
});
