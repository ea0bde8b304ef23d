// Response edges found in review, through the public API: each a typed result or a typed error
// with its evidence (the Rust vectors in tests/vectors/response.json cover the envelope rules).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';

const fails = (fn) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof sdk.IotExplorerError, String(e));
    return e;
  }
  throw new Error('no error');
};

test('status 0 (no response came) is a retryable Transport error', () => {
  const e = fails(() => sdk.parseResponse(0, ''));
  assert.deepEqual([e.kind, e.retryable], ['Transport', true]);
});

test('field checks of typed actions keep the status and the start of the body', () => {
  const body = '{"Response":{"RequestId":"r","DeviceList":null,"Total":0}}';
  const e = fails(() => sdk.parseActionResponse('AppGetFamilyDeviceList', 200, body));
  assert.deepEqual([e.kind, e.status, e.excerpt, e.requestId], ['Parse', 200, body, 'r']);
  const login = fails(() => sdk.parseLoginResponse(200, '{"Response":{"RequestId":"r","Data":{"Token":""}}}'));
  assert.deepEqual([login.kind, login.status], ['Parse', 200]);
  assert.match(login.excerpt, /^\{"Response"/);
});

test('the documented AppControlDeviceData answer is a success; a zero with a huge exponent is zero', () => {
  assert.equal(sdk.parseActionResponse('AppControlDeviceData', 200, '{"Response":{"Data":"","RequestId":"req_1"}}').Data, '');
  const list = sdk.parseActionResponse('AppGetFamilyList', 200, '{"Response":{"RequestId":"r","FamilyList":[],"Total":0e-999999999999999999}}');
  assert.equal(list.Total, 0);
  assert.equal(sdk.parseLoginResponse(200, '{"code":0e-99999999999999,"data":{"Data":{"Token":"t","ExpireAt":1e3}}}').ExpireAt, 1000);
});
