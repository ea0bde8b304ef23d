// signParams, buildAppApiRequest and buildTokenApiRequest write their arguments straight into
// the wasm's memory (pkg-template/src/requests.ts, their one path). They must give what an
// independent reference gives: node:crypto over the official string building, and
// JSON.stringify for the body. Random parameter sets, made from a seed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as sdk from 'iot-explorer-app';

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// U+FFFD is what the encoder makes of an unpaired surrogate (which is refused before): a real
// one must still sign as the reference does.
const PIECES = ['a', 'Z', '_', '0', '9', '=', '&', ' ', '小明', 'é', '\u{1F600}', '\u{FF3A}', '\uE000', '\uFFFD', '\u0000', '\n', '"', '\\', 'Signature', ''];
const NUMBERS = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012, 2 ** 53, -2.5e-300, 1767225600];

function text(next, max) {
  let s = '';
  const n = Math.floor(next() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

function params(next) {
  const out = {};
  const n = Math.floor(next() * 9);
  for (let i = 0; i < n; i++) {
    // Never an array index such as "0": JS objects (so JSON.stringify) list those first.
    const key = next() < 0.1 ? 'Signature' : `K${text(next, 3)}`;
    const pick = next();
    out[key] = pick < 0.5 ? text(next, 6) : pick < 0.8 ? NUMBERS[Math.floor(next() * NUMBERS.length)] : pick < 0.95 ? next() < 0.5 : undefined;
  }
  return out;
}

/** The official algorithm: String(value), keys sorted, Signature left out, empty values per policy. */
function reference(p, secret, keepEmpty) {
  const text = Object.keys(p)
    .filter((k) => k !== 'Signature' && p[k] !== undefined && (keepEmpty || String(p[k]) !== ''))
    .sort()
    .map((k) => `${k}=${String(p[k])}`)
    .join('&');
  return { stringToSign: text, signature: createHmac('sha1', secret).update(text, 'utf8').digest('base64') };
}

test('signParams equals node:crypto over the official string building on 2,000 random sets', () => {
  const next = random(20261129);
  const secrets = ['KxDsqgSCfCAtjtsewcmX3pLq', '密钥🔑', 'x'.repeat(100), '\uFFFD'];
  for (let i = 0; i < 2000; i++) {
    const p = params(next);
    const secret = secrets[i % secrets.length];
    const keepEmpty = i % 3 === 0;
    const got = sdk.signParams(p, secret, keepEmpty ? { emptyValues: 'keep' } : undefined);
    const want = reference(p, secret, keepEmpty);
    assert.equal(got.signature, want.signature, JSON.stringify(p));
    assert.equal(got.stringToSign, want.stringToSign);
    assert.deepEqual(JSON.parse(JSON.stringify(got)), want);
  }
});

test('a lone surrogate, null, an array or NaN is a typed error naming where it is', () => {
  for (const [value, param] of [['\uD800x', 'params'], [null, 'K'], [[1], 'K'], [NaN, 'K']]) {
    assert.throws(() => sdk.signParams({ K: value }, 's'), (e) => e instanceof sdk.IotExplorerError && e.kind === 'InvalidInput' && e.param === param);
  }
  // Joined into one string, a key ending in a high surrogate and a value starting with a low
  // one would make a pair: that must not be signed.
  for (const args of [[{ 'K\uD83D': '\uDE00' }, 's'], [{ K: '\uDE00' }, '\uD83D']]) {
    assert.throws(() => sdk.signParams(...args), (e) => e instanceof sdk.IotExplorerError && e.param === 'params');
  }
  // An AppSecret is a key, not sent text: one with an unpaired surrogate keys the HMAC as
  // node:crypto (so the official Node SDK) does, with U+FFFD in its place.
  assert.equal(sdk.signParams({ K: 'v' }, 'secret\uD83D').signature, reference({ K: 'v' }, 'secret\uD83D').signature);
  // node-sdk values: arrays and null are signed as String(value) does.
  assert.equal(sdk.signParams({ K: [1, 2], N: null }, 's', { values: 'node-sdk' }).stringToSign, 'K=1,2&N=null');
});

test('buildAppApiRequest and buildTokenApiRequest bodies equal JSON.stringify of the sent values', () => {
  const next = random(7);
  for (let i = 0; i < 500; i++) {
    const p = params(next);
    for (const k of ['Action', 'RequestId', 'AppKey', 'Timestamp', 'Nonce', 'Signature', 'AccessToken']) delete p[k];
    const app = sdk.buildAppApiRequest({ action: 'AppGetTokenByWeiXin2', params: p, appKey: 'k', appSecret: 's', timestamp: 1767225600 + i, nonce: i + 1, requestId: `r${i}` });
    const signed = { Action: 'AppGetTokenByWeiXin2', RequestId: `r${i}`, AppKey: 'k', Timestamp: 1767225600 + i, Nonce: i + 1, ...p };
    const body = JSON.parse(app.body);
    assert.equal(body.Signature, reference(signed, 's', false).signature);
    assert.equal(app.body, JSON.stringify({ ...signed, Signature: body.Signature }));
    assert.equal(app.url, 'https://iot.cloud.tencent.com/api/exploreropen/appapi');
    assert.deepEqual([app.method, app.headers], ['POST', { 'content-type': 'application/json' }]);
    const token = sdk.buildTokenApiRequest({ action: 'AppCustomAction', params: p, accessToken: 't', requestId: `r${i}`, endpoint: 'oversea' });
    assert.equal(token.body, JSON.stringify({ Action: 'AppCustomAction', RequestId: `r${i}`, AccessToken: 't', ...p }));
    assert.equal(token.url, 'https://oversea.iotcloud.tencentiotcloud.com/api/exploreropen/tokenapi');
  }
});

test('defaults are filled in: a fresh RequestId, Nonce and Timestamp', () => {
  const a = JSON.parse(sdk.buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: 'k', appSecret: 's' }).body);
  const b = JSON.parse(sdk.buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: 'k', appSecret: 's' }).body);
  assert.match(a.RequestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(a.RequestId, b.RequestId);
  assert.ok(Number.isInteger(a.Nonce) && a.Nonce >= 1 && a.Nonce <= 2147483647);
  assert.ok(Math.abs(a.Timestamp - Date.now() / 1000) < 5);
});

test('an unknown option, a wrong type or a millisecond timestamp is still the typed error', () => {
  const base = { action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: 'k', appSecret: 's' };
  const param = (input) => {
    try {
      sdk.buildAppApiRequest(input);
    } catch (e) {
      assert.ok(e instanceof sdk.IotExplorerError);
      return e.param;
    }
    throw new Error('no error');
  };
  assert.equal(param({ ...base, requestID: 'x' }), 'requestID');
  assert.equal(param({ ...base, timestamp: Date.now() }), 'timestamp');
  assert.equal(param({ ...base, nonce: 0 }), 'nonce');
  assert.equal(param({ ...base, appKey: 5 }), 'appKey');
  assert.equal(param({ ...base, requestId: '' }), 'requestId');
  assert.equal(param({ ...base, signing: null }), 'signing');
  assert.equal(param({ ...base, params: { WxOpenID: 'o' } }), 'NickName');
});

test('inherited enumerable members count for nothing, as for JSON.stringify', () => {
  const params = Object.assign(Object.create({ Inherited: 'x' }), { K: 'v' });
  assert.deepEqual(JSON.parse(JSON.stringify(sdk.signParams(params, 's'))), reference({ K: 'v' }, 's'));
  const keep = Object.create({ emptyValues: 'keep' });
  assert.equal(sdk.signParams({ K: '', L: 'w' }, 's', keep).stringToSign, 'L=w');
  const input = Object.assign(Object.create({ appKey: 'k' }), { action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appSecret: 's' });
  assert.throws(() => sdk.buildAppApiRequest(input), (e) => e instanceof sdk.IotExplorerError && e.param === 'appKey');
});

test('only own enumerable members are read, undefined ones skipped, as JSON.stringify does', () => {
  const base = { action: 'AppGetUser', accessToken: 't', requestId: 'r1' };
  // `extra: undefined` is no member, as for JSON.stringify.
  for (const extra of [{}, { extra: undefined }]) {
    assert.equal(JSON.parse(sdk.buildTokenApiRequest({ ...base, params: null, ...extra }).body).AccessToken, 't');
    const hidden = Object.defineProperty({ ...base, params: { ids: '1,2' }, ...extra }, 'endpoint', { value: 'oversea', enumerable: false });
    assert.equal(sdk.buildTokenApiRequest(hidden).url, 'https://iot.cloud.tencent.com/api/exploreropen/tokenapi');
    class Input {
      constructor() {
        Object.assign(this, { action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: 'k' }, extra);
      }
      get appSecret() {
        return 's';
      }
    }
    assert.throws(() => sdk.buildAppApiRequest(new Input()), (e) => e instanceof sdk.IotExplorerError && e.param === 'appSecret');
  }
  // An inherited method is not a member either.
  function Legacy() {
    this.a = '1';
  }
  Legacy.prototype.describe = function describe() {};
  assert.equal(sdk.signParams(new Legacy(), 'k').stringToSign, 'a=1');
});

test('what JSON would send as other text is refused, not signed', () => {
  const typed = (param) => (e) => e instanceof sdk.IotExplorerError && e.kind === 'InvalidInput' && e.param === param;
  assert.throws(() => sdk.signParams(new Date(0), 'k'), typed('params'));
  class WithToJson {
    constructor() {
      this.DeviceId = 'd1';
    }
    toJSON() {
      return { DeviceId: 'other' };
    }
  }
  assert.throws(() => sdk.signParams(new WithToJson(), 'k'), typed('params'));
  assert.throws(() => sdk.signParams(new WithToJson(), 'k', { values: 'node-sdk' }), typed('params'));
  for (const value of [new Date(0), new Number(5), new String('x'), new Boolean(true)]) {
    assert.throws(() => sdk.signParams({ d: value }, 'k'), typed('d'));
    assert.throws(() => sdk.signParams({ d: value }, 'k', { values: 'node-sdk' }), typed('d'));
  }
  const request = { action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: 'k', appSecret: 's' };
  for (const bad of [NaN, Infinity, -Infinity]) {
    assert.throws(() => sdk.buildAppApiRequest({ ...request, timestamp: bad }), typed('timestamp'));
    assert.throws(() => sdk.buildAppApiRequest({ ...request, nonce: bad }), typed('nonce'));
  }
  assert.throws(() => sdk.signParams({ a: '1' }, ''), typed('appSecret'));
  assert.throws(() => sdk.signParams({ a: [1] }, '', { values: 'node-sdk' }), typed('appSecret'));
});

test('signParams gives one kind of result, with or without undefined members; a frozen one still reads stringToSign', () => {
  const plain = sdk.signParams({ a: '1' }, 'k');
  const withUndefined = sdk.signParams({ a: '1', b: undefined }, 'k', { values: 'node-sdk', extra: undefined });
  for (const signed of [plain, withUndefined]) {
    Object.freeze(signed);
    assert.equal(signed.stringToSign, 'a=1');
    assert.equal(signed.signature, reference({ a: '1' }, 'k').signature);
    assert.deepEqual(JSON.parse(JSON.stringify(signed)), reference({ a: '1' }, 'k'));
  }
  assert.equal(Object.getPrototypeOf(plain), Object.getPrototypeOf(withUndefined));
});

test('huge arguments, a throwing getter or a throwing Date.now are typed errors and the module lives on', () => {
  const before = sdk.diagnostics().wasmMemoryBytes;
  const huge = 'x'.repeat(50_000_000);
  const request = { action: 'AppGetTokenByWeiXin', params: { WxOpenID: huge, NickName: 'n', Avatar: 'a' }, appKey: 'k', appSecret: 's', timestamp: 1767225600, nonce: 1 };
  assert.throws(() => sdk.buildAppApiRequest(request), (e) => e instanceof sdk.IotExplorerError && e.kind === 'InvalidInput');
  assert.throws(() => sdk.signParams({ a: huge }, 'k'), (e) => e instanceof sdk.IotExplorerError && e.kind === 'InvalidInput');
  assert.throws(() => sdk.signParams({ a: '1' }, huge), (e) => e instanceof sdk.IotExplorerError && e.param === 'arguments');
  assert.throws(() => sdk.parseResponse(200, `{"Response":{"RequestId":"r","Data":"${huge}"}}`), (e) => e instanceof sdk.IotExplorerError && e.kind === 'Parse' && e.status === 200);
  assert.throws(() => sdk.parseResponse(502, `<html>${huge}`), (e) => e instanceof sdk.IotExplorerError && e.kind === 'Http' && e.status === 502);
  const grown = sdk.diagnostics().wasmMemoryBytes - before;
  assert.ok(grown <= 64 * 1024 * 1024, `the wasm memory grew by ${grown} bytes`);

  const getter = { get a() { throw Object.create(null); } };
  assert.throws(() => sdk.signParams(getter, 'k'), (e) => e instanceof sdk.IotExplorerError);

  const now = Date.now;
  Date.now = () => {
    throw new Error('no clock');
  };
  try {
    const { timestamp, ...noTimestamp } = request;
    assert.throws(() => sdk.buildAppApiRequest({ ...noTimestamp, params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' } }), (e) => e instanceof sdk.IotExplorerError && e.param === 'timestamp');
  } finally {
    Date.now = now;
  }
  assert.equal(sdk.signParams({ a: '1' }, 'k').signature, reference({ a: '1' }, 'k').signature);
});

test('non-JSON values nested in params are refused too, naming the parameter', () => {
  const typed = (param) => (e) => e instanceof sdk.IotExplorerError && e.kind === 'InvalidInput' && e.param === param;
  const nodeSdk = { values: 'node-sdk' };
  assert.throws(() => sdk.signParams({ A: [1, NaN] }, 'k', nodeSdk), typed('A'));
  assert.throws(() => sdk.signParams({ A: { b: [new Date(0)] } }, 'k', nodeSdk), typed('A'));
  assert.throws(() => sdk.signParams({ A: [() => 1] }, 'k', nodeSdk), typed('A'));
  // undefined in an array is sent as null and signed as String() signs it: accepted.
  assert.equal(sdk.signParams({ A: [undefined, 1] }, 'k', nodeSdk).stringToSign, 'A=,1');
});

test('a leading U+FEFF comes back in stringToSign; a random source that fills nothing is a typed error', () => {
  assert.equal(sdk.signParams({ '\uFEFFa': '1' }, 'k').stringToSign, '\uFEFFa=1');
  assert.deepEqual(JSON.parse(JSON.stringify(sdk.signParams({ '\uFEFFa': '1' }, 'k'))), reference({ '\uFEFFa': '1' }, 'k'));
  const real = crypto.getRandomValues;
  crypto.getRandomValues = (a) => a; // fills nothing
  try {
    const input = { action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: 'k', appSecret: 's', requestId: 'r' };
    assert.throws(() => sdk.buildAppApiRequest(input), (e) => e instanceof sdk.IotExplorerError && e.param === 'nonce');
  } finally {
    crypto.getRandomValues = real;
  }
  assert.equal(sdk.signParams({ a: '1' }, 'k').stringToSign, 'a=1');
});
