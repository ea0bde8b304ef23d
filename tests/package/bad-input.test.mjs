// Garbage in, typed errors out: every case names the exact kind/code (and parameter); nothing
// but IotExplorerError is thrown and no promise rejection goes unhandled.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';

const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

const KEYS = { appKey: 'k', appSecret: 's' };
const LOGIN = { WxOpenID: 'o', NickName: 'n', Avatar: 'a' };
const app = (over) => sdk.buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: LOGIN, ...KEYS, ...over });
const token = (over) => sdk.buildTokenApiRequest({ action: 'AppGetUser', accessToken: 't', ...over });
const circular = () => {
  const o = { a: 1 };
  o.self = o;
  return o;
};
const wire = (data) => JSON.stringify({ code: 0, msg: '', data });
const huge = 10 * 1024 * 1024;
const answering = (status, body) => async () => ({ status, body });
const grant = { Token: 't', ExpireAt: 4102444800 };
const client = (transport, extra) => sdk.createClient({ getAccessToken: async () => grant, transport, retry: false, ...extra });
const server = (transport) => sdk.createServerClient({ ...KEYS, transport, retry: false });

const I = 'InvalidInput';
// [name, () => result or promise, kind, code, param]
const cases = [
  ['params null', () => sdk.signParams(null, 's'), I, 'InvalidParameter', 'params'],
  ['params array', () => sdk.signParams([1], 's'), I, 'InvalidParameter', 'params'],
  ['params string', () => sdk.signParams('a=b', 's'), I, 'InvalidParameter', 'params'],
  ['symbol value', () => sdk.signParams({ a: Symbol('x') }, 's'), I, 'InvalidParameter', 'a'],
  ['BigInt value', () => sdk.signParams({ a: 10n }, 's'), I, 'InvalidParameter', 'a'],
  ['function value', () => sdk.signParams({ a: () => 1 }, 's'), I, 'InvalidParameter', 'a'],
  ['NaN value', () => sdk.signParams({ a: NaN }, 's'), I, 'InvalidParameter', 'a'],
  ['Infinity value', () => sdk.signParams({ a: -Infinity }, 's'), I, 'InvalidParameter', 'a'],
  ['circular value (named by the member that closes the cycle)', () => sdk.signParams(circular(), 's'), I, 'InvalidParameter', 'self'],
  ['nested BigInt', () => sdk.signParams({ a: [1n] }, 's', { values: 'node-sdk' }), I, 'InvalidParameter', 'a'],
  ['lone surrogate value', () => sdk.signParams({ a: 'x\ud800' }, 's'), I, 'InvalidParameter', 'params'],
  ['lone surrogate key', () => sdk.signParams({ ['\udc00']: 'x' }, 's'), I, 'InvalidParameter', 'params'],
  ['null in strict mode', () => sdk.signParams({ a: null }, 's'), I, 'InvalidParameter', 'a'],
  ['array in strict mode', () => sdk.signParams({ a: [1] }, 's'), I, 'InvalidParameter', 'a'],
  ['object in strict mode', () => sdk.signParams({ a: {} }, 's'), I, 'InvalidParameter', 'a'],
  ['secret is a number', () => sdk.signParams({}, 123), I, 'InvalidParameter', 'appSecret'],
  ['secret missing', () => sdk.signParams({}), I, 'MissingParameter', 'appSecret'],
  ['unknown values option', () => sdk.signParams({}, 's', { values: 'loose' }), I, 'InvalidParameter', 'values'],
  ['emptyValues not a string', () => sdk.signParams({}, 's', { emptyValues: 1 }), I, 'InvalidParameter', 'emptyValues'],
  ['unknown signing option', () => sdk.signParams({}, 's', { sort: 'bytes' }), I, 'InvalidParameter', 'sort'],
  ['action missing', () => app({ action: undefined }), I, 'MissingParameter', 'action'],
  ['action empty', () => app({ action: '' }), I, 'MissingParameter', 'action'],
  ['action with a newline', () => app({ action: 'AppGet\nUser' }), I, 'InvalidParameter', 'action'],
  ['action of the other endpoint', () => app({ action: 'AppGetUser', params: {} }), I, 'InvalidParameter', 'action'],
  ['appKey missing', () => app({ appKey: undefined }), I, 'MissingParameter', 'appKey'],
  ['appKey a number', () => app({ appKey: 42 }), I, 'InvalidParameter', 'appKey'],
  ['appSecret empty', () => app({ appSecret: '' }), I, 'MissingParameter', 'appSecret'],
  ['nonce 0', () => app({ nonce: 0 }), I, 'InvalidParameter', 'nonce'],
  ['nonce 2^31', () => app({ nonce: 2 ** 31 }), I, 'InvalidParameter', 'nonce'],
  ['nonce fractional', () => app({ nonce: 1.5 }), I, 'InvalidParameter', 'nonce'],
  ['nonce a string', () => app({ nonce: '5' }), I, 'InvalidParameter', 'nonce'],
  ['timestamp in ms', () => app({ timestamp: Date.now() }), I, 'InvalidParameter', 'timestamp'],
  ['timestamp negative', () => app({ timestamp: -1 }), I, 'InvalidParameter', 'timestamp'],
  ['requestId empty', () => app({ requestId: '' }), I, 'MissingParameter', 'requestId'],
  ['requestId too long', () => app({ requestId: 'r'.repeat(200) }), I, 'InvalidParameter', 'requestId'],
  ['requestId a number', () => app({ requestId: 7 }), I, 'InvalidParameter', 'requestId'],
  ['endpoint not http', () => app({ endpoint: 'ftp://x' }), I, 'InvalidParameter', 'endpoint'],
  ['endpoint a number', () => app({ endpoint: 5 }), I, 'InvalidParameter', 'endpoint'],
  ['typo in an option', () => app({ requestID: 'r' }), I, 'InvalidParameter', 'requestID'],
  ['common param in params', () => app({ params: { ...LOGIN, Timestamp: 1 } }), I, 'InvalidParameter', 'Timestamp'],
  ['Signature in params', () => app({ params: { ...LOGIN, Signature: 'x' } }), I, 'InvalidParameter', 'Signature'],
  ['NickName missing', () => app({ params: { WxOpenID: LOGIN.WxOpenID, Avatar: LOGIN.Avatar } }), I, 'MissingParameter', 'NickName'],
  ['NickName a number', () => app({ params: { ...LOGIN, NickName: 5 } }), I, 'InvalidParameter', 'NickName'],
  ['Avatar missing', () => app({ params: { WxOpenID: 'o', NickName: 'n' } }), I, 'MissingParameter', 'Avatar'],
  ['WxOpenID null', () => app({ params: { ...LOGIN, WxOpenID: null } }), I, 'MissingParameter', 'WxOpenID'],
  ['oversized NickName (2 MB)', () => app({ params: { ...LOGIN, NickName: 'x'.repeat(2 << 20) } }), I, 'InvalidParameter', 'params'],
  ['request not an object', () => sdk.buildAppApiRequest('AppGetUser'), I, 'InvalidParameter', 'request'],
  ['accessToken missing', () => token({ accessToken: undefined }), I, 'MissingParameter', 'accessToken'],
  ['accessToken a number', () => token({ accessToken: 1 }), I, 'InvalidParameter', 'accessToken'],
  ['token params not an object', () => token({ params: 'x' }), I, 'InvalidParameter', 'params'],
  ['FamilyId missing', () => token({ action: 'AppGetFamilyDeviceList', params: {} }), I, 'MissingParameter', 'FamilyId'],
  ['DeviceIds not a list', () => token({ action: 'AppGetDeviceStatuses', params: { DeviceIds: 'p/d' } }), I, 'InvalidParameter', 'DeviceIds'],
  ['control Data not an object', () => token({ action: 'AppControlDeviceData', params: { ProductId: 'p', DeviceName: 'd', Data: '[1]' } }), I, 'InvalidParameter', 'Data'],
  ['Limit negative', () => token({ action: 'AppGetFamilyList', params: { Limit: -1 } }), I, 'InvalidParameter', 'Limit'],
  ['status a string', () => sdk.parseResponse('200', '{}'), I, 'InvalidParameter', 'status'],
  ['status 99', () => sdk.parseResponse(99, '{}'), I, 'InvalidParameter', 'status'],
  ['body null', () => sdk.parseResponse(200, null), I, 'MissingParameter', 'bodyText'],
  ['body bytes', () => sdk.parseResponse(200, new Uint8Array(2)), I, 'InvalidParameter', 'bodyText'],
  ['HTML on 200', () => sdk.parseResponse(200, '<html>gateway</html>'), 'Parse', null],
  ['empty body', () => sdk.parseResponse(200, ''), 'Parse', null],
  ['truncated body', () => sdk.parseResponse(200, '{"Response":{"RequestId":"r'), 'Parse', null],
  ['huge HTML body (10 MB)', () => sdk.parseResponse(200, `<html>${'x'.repeat(huge)}`), 'Parse', null],
  ['valid JSON past 1 MiB', () => sdk.parseResponse(200, `{"Response":{"RequestId":"${'r'.repeat(huge)}"}}`), 'Parse', null],
  ['nested 10,000 deep', () => sdk.parseResponse(200, `${'['.repeat(10000)}${']'.repeat(10000)}`), 'Parse', null],
  ['RequestId a number', () => sdk.parseResponse(200, '{"Response":{"RequestId":5}}'), 'Parse', null],
  ['Error without Code', () => sdk.parseResponse(200, '{"Response":{"Error":{"Message":"x"},"RequestId":"r"}}'), 'Parse', null],
  ['Data and Error', () => sdk.parseResponse(200, '{"Response":{"Data":{},"Error":{"Code":"InvalidAction","Message":"x"}}}'), 'Api', 'InvalidAction'],
  ['unknown envelope', () => sdk.parseResponse(200, '{"result":{}}'), 'Parse', null],
  ['wire code not a number', () => sdk.parseResponse(200, '{"code":true,"data":{}}'), 'Parse', null],
  ['status 100', () => sdk.parseResponse(100, ''), 'Http', null],
  ['status 301', () => sdk.parseResponse(301, 'moved'), 'Http', null],
  ['status 404', () => sdk.parseResponse(404, 'not found'), 'Http', null],
  ['status 429', () => sdk.parseResponse(429, ''), 'Http', null],
  ['status 503', () => sdk.parseResponse(503, ''), 'Http', null],
  ['ExpireAt a string', () => sdk.parseLoginResponse(200, wire({ Data: { Token: 't', ExpireAt: '1' }, RequestId: 'r' })), 'Parse', null],
  ['FamilyList missing', () => sdk.parseActionResponse('AppGetFamilyList', 200, wire({ RequestId: 'r' })), 'Parse', null],
  ['device Data not a string', () => sdk.parseActionResponse('AppGetDeviceData', 200, wire({ Data: { power_switch: 1 }, RequestId: 'r' })), 'Parse', null],
  ['transport without body', () => server(async () => ({ status: 200 })).getTokenByWeiXin(LOGIN), 'Transport', null],
  ['transport throws a string', () => server(async () => { throw 'boom'; }).getTokenByWeiXin(LOGIN), 'Transport', null],
  ['transport resolves nothing', () => client(async () => undefined).getUser(), 'Transport', null],
  ['server answers HTML', () => client(answering(502, '<html>')).getUser(), 'Http', null],
  ['server answers a wrong shape', () => client(answering(200, wire({ Data: { NickName: 'x' } }))).getUser(), 'Parse', null],
  ['getAccessToken gives no Token', () => sdk.createClient({ getAccessToken: async () => ({ Token: '' }) }).getUser(), I, 'InvalidParameter', 'getAccessToken'],
  ['getAccessToken rejects', () => sdk.createClient({ getAccessToken: () => Promise.reject(new Error('down')) }).getUser(), 'Transport', null],
  ['no getAccessToken', () => sdk.createClient({}), I, 'MissingParameter', 'getAccessToken'],
  ['controlDevice without Data', () => client(answering(200, '{}')).controlDevice({ ProductId: 'p', DeviceName: 'd' }), I, 'MissingParameter', 'Data'],
];

test(`bad-input matrix: ${cases.length} cases`, async () => {
  assert.ok(cases.length >= 50);
  for (const [name, run, kind, code, param] of cases) {
    let error;
    try {
      await run();
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof sdk.IotExplorerError, `${name}: threw ${error && error.stack ? error.stack : error}`);
    assert.equal(error.kind, kind, `${name}: ${error.message}`);
    if (code !== undefined) assert.equal(error.code, code, `${name}: ${error.message}`);
    if (param !== undefined) assert.equal(error.param, param, `${name}: ${error.message}`);
    if (kind === 'Parse' || kind === 'Http') assert.ok(error.excerpt === null || error.excerpt.length <= 203, name);
  }
});

test('no promise rejection went unhandled', async () => {
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(unhandled, []);
});
