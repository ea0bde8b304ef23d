// The official Node SDK's signing (tencentyun/qcloud-iotexplorer-appdev-node-sdk lib/AppDevSdk.js
// @377f0ee, `assignSignature`, crypto-js) and the current official cloud-function variant
// (qcloud-iotexplorer-appdev-miniprogram-sdk-demo demo/cloudfunctions/login/index.js, drops ''
// and undefined), both written out again here with crypto-js 4.2.0, against the emulator's appapi.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import CryptoJS from 'crypto-js';
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from '../../emulator/server.mjs';

const TIMEOUT = { timeout: 15000 };

/** The official assignSignature; `dropEmpty` = the cloud-function variant; `now` only to make a stale Timestamp. */
function assignSignature(data, { appKey = DEMO_APP_KEY, appSecret = DEMO_APP_SECRET, dropEmpty = false, now = Date.now() } = {}) {
  const Timestamp = Math.floor(now / 1000);
  const Nonce = Math.floor(10000 * Math.random()) + 1; // 随机正整数
  data = Object.assign({}, data, { Timestamp, Nonce, AppKey: appKey });
  const keys = Object.keys(data).sort().filter((key) => !dropEmpty || (data[key] !== undefined && !!String(data[key])));
  const paramString = keys.map((key) => key + '=' + data[key]).join('&');
  const signature = CryptoJS.enc.Base64.stringify(CryptoJS.HmacSHA1(paramString, appSecret));
  return { ...data, Signature: signature };
}

/** POST like the official SDK's axios call; → { status, body (parsed JSON) }. */
async function post(endpoint, body) {
  const res = await fetch(`${endpoint}/appapi`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: await res.json() };
}

const login = (fields, options) => assignSignature({ Action: 'AppGetTokenByWeiXin', RequestId: `interop-${Math.random()}`, ...fields }, options);
const WX = { WxOpenID: 'node-sdk-openid', NickName: '微信用户', Avatar: 'https://example.com/avatar.png' };

/**
 * A fresh emulator per test, so the official 1..10000 Nonces of different tests never meet. It
 * takes the Node SDK's empty values (`Key=` signed) only in its lenient mode: the docs leave
 * them out.
 */
async function withEmulator(fn, { lenientSignatures = true } = {}) {
  const emulator = await startEmulator({ lenientSignatures });
  try {
    await fn(emulator);
  } finally {
    await emulator.close();
  }
}

function assertToken(res, requestId, emulator) {
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body).sort(), ['code', 'data', 'msg']);
  assert.equal(res.body.code, 0);
  assert.equal(typeof res.body.msg, 'string');
  assert.deepEqual(Object.keys(res.body.data).sort(), ['Data', 'RequestId']);
  assert.equal(res.body.data.RequestId, requestId);
  const { Token, ExpireAt } = res.body.data.Data;
  assert.ok(emulator.world.tokens.has(Token));
  assert.ok(Number.isInteger(ExpireAt) && ExpireAt > Date.now() / 1000);
}

/** `expected`: "Code" or "Code: Message" (the docs give these refusals no code of their own). */
function assertRejected(res, expected) {
  assert.equal(res.status, 200);
  assert.notEqual(res.body.code, 0);
  const { Code, Message } = res.body.data.Error;
  assert.equal(expected.includes(': ') ? `${Code}: ${Message}` : Code, expected);
  assert.equal(typeof Message, 'string');
  assert.equal(res.body.data.Data, undefined);
}

test('the official Node SDK signature is accepted (wire envelope)', TIMEOUT, () => withEmulator(async (emulator) => {
  const body = login(WX);
  assert.ok(body.Nonce >= 1 && body.Nonce <= 10000);
  assert.match(body.Signature, /^[A-Za-z0-9+/]{27}=$/);
  assertToken(await post(emulator.endpoint, body), body.RequestId, emulator);
}));

test("empty Avatar: the Node SDK (signs 'Avatar=') and the cloud function (leaves it out) are both accepted", TIMEOUT, () => withEmulator(async (emulator) => {
  for (const dropEmpty of [false, true]) {
    const body = login({ ...WX, WxOpenID: `empty-avatar-${dropEmpty}`, Avatar: '' }, { dropEmpty });
    assertToken(await post(emulator.endpoint, body), body.RequestId, emulator);
  }
}));

test("empty Avatar: the emulator's default (documented) mode refuses the Node SDK's 'Avatar='", TIMEOUT, () => withEmulator(async (emulator) => {
  const kept = login({ ...WX, WxOpenID: 'kept-empty', Avatar: '' });
  assertRejected(await post(emulator.endpoint, kept), 'InvalidParameterValue: 签名校验失败');
  const dropped = login({ ...WX, WxOpenID: 'dropped-empty', Avatar: '' }, { dropEmpty: true });
  assertToken(await post(emulator.endpoint, dropped), dropped.RequestId, emulator);
}, { lenientSignatures: false }));

test('the cloud-function variant leaves out undefined too', TIMEOUT, () => withEmulator(async (emulator) => {
  // JSON drops the key; the Node SDK would have signed 'X=undefined' and fail, the cloud function does not.
  const body = login({ ...WX, Unused: undefined }, { dropEmpty: true });
  assertToken(await post(emulator.endpoint, body), body.RequestId, emulator);
}));

test('a tampered signature is rejected', TIMEOUT, () => withEmulator(async (emulator) => {
  const body = login(WX);
  const c = body.Signature[0];
  body.Signature = (c === 'A' ? 'B' : 'A') + body.Signature.slice(1);
  assertRejected(await post(emulator.endpoint, body), 'InvalidParameterValue: 签名校验失败');
  const changed = { ...login(WX), NickName: 'someone else' }; // a signed value changed after signing
  assertRejected(await post(emulator.endpoint, changed), 'InvalidParameterValue: 签名校验失败');
  assert.equal(emulator.world.tokens.size, 0);
}));

test('a Timestamp 10 minutes old is rejected', TIMEOUT, () => withEmulator(async (emulator) => {
  const body = login(WX, { now: Date.now() - 10 * 60 * 1000 });
  const res = await post(emulator.endpoint, body);
  assertRejected(res, 'InvalidParameterValue');
  assert.match(res.body.data.Error.Message, /^Timestamp 已过期/);
}));

test('a replayed request (same Nonce) is rejected', TIMEOUT, () => withEmulator(async (emulator) => {
  const body = login(WX);
  assertToken(await post(emulator.endpoint, body), body.RequestId, emulator);
  assertRejected(await post(emulator.endpoint, body), 'InvalidParameterValue: Nonce 重复');
  assert.equal(emulator.world.tokens.size, 1);
}));

test("setEnvelope('documented') answers { Response: { … } }", TIMEOUT, () => withEmulator(async (emulator) => {
  emulator.setEnvelope('documented');
  const body = login(WX);
  const ok = await post(emulator.endpoint, body);
  assert.equal(ok.status, 200);
  assert.deepEqual(Object.keys(ok.body), ['Response']);
  assert.deepEqual(Object.keys(ok.body.Response).sort(), ['Data', 'RequestId']);
  assert.equal(ok.body.Response.RequestId, body.RequestId);
  assert.ok(emulator.world.tokens.has(ok.body.Response.Data.Token));

  const bad = await post(emulator.endpoint, { ...login(WX), Signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
  assert.deepEqual(Object.keys(bad.body), ['Response']);
  assert.deepEqual(bad.body.Response.Error, { Code: 'InvalidParameterValue', Message: '签名校验失败' });
}));
