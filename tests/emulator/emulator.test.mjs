// The emulator's own checks, with raw HTTP and node:crypto signing (no package code involved).
import test from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from './server.mjs';
import { signatureOf, stringToSign } from './verify.mjs';

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

test('appapi: the documented and emulator error codes', async (t) => {
  const e = await startEmulator();
  t.after(() => e.close());
  const cases = [
    ['not JSON', '{"Action":', 'InvalidParameterValue.InvalidJSON'],
    ['no Action', { AppKey: 'x' }, 'ErrorRequiredParamNotFound'],
    ['unknown action', signed({ ...user, Action: 'AppDoesNotExist' }), 'InvalidAction'],
    ['token action on appapi', signed({ Action: 'AppGetUser' }), 'InvalidAction'],
    ['missing Signature', (({ Signature, ...b }) => b)(signed(user)), 'ErrorRequiredParamNotFound'],
    ['unknown AppKey', { ...signed(user), AppKey: 'nope' }, 'InvalidParameterValue.AppKeyNotExist'],
    ['bad signature', signed(user, { secret: 'wrong' }), 'InvalidParameterValue.SignatureFailure'],
    ['stale timestamp', signed(user, { now: Math.floor(Date.now() / 1000) - 400 }), 'InvalidParameterValue.TimestampExpired'],
    ['future timestamp', signed(user, { now: Math.floor(Date.now() / 1000) + 400 }), 'InvalidParameterValue.TimestampExpired'],
    ['missing NickName', signed({ WxOpenID: 'o', Avatar: 'a' }), 'ErrorRequiredParamNotFound'],
    ['long NickName', signed({ ...user, NickName: 'x'.repeat(21) }), 'InvalidParameterValue.NickNameLengthInvalid'],
  ];
  for (const [name, body, code] of cases) {
    const r = await post(e.endpoint, 'appapi', body);
    assert.equal(r.status, 200, name);
    assert.equal(r.json.code, -1000, name);
    assert.equal(errorCode(r), code, name);
  }
});

test('appapi: a replayed request is refused; both empty-value policies are accepted', async (t) => {
  const e = await startEmulator();
  t.after(() => e.close());
  const body = signed(user, { nonce: 4242 });
  assert.equal((await post(e.endpoint, 'appapi', body)).json.code, 0);
  assert.equal(errorCode(await post(e.endpoint, 'appapi', body)), 'InvalidParameterValue.NonceReused');
  const withEmpty = { Action: 'AppGetTokenByWeiXin', RequestId: 'r', AppKey: DEMO_APP_KEY, Timestamp: Math.floor(Date.now() / 1000), WxOpenID: 'o2', NickName: 'n', Avatar: '' };
  for (const dropEmpty of [true, false]) {
    const b = { ...withEmpty, Nonce: dropEmpty ? 11 : 12 };
    const r = await post(e.endpoint, 'appapi', { ...b, Signature: signatureOf(DEMO_APP_SECRET, stringToSign(b, { dropEmpty })) });
    assert.equal(r.json.code, 0, `dropEmpty=${dropEmpty}`);
  }
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
  assert.equal(bad.json.Response.Error.Code, 'InvalidParameterValue.SignatureFailure');

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
});
