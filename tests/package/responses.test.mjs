// Parsing answers: status 0, field checks keeping status and body, odd numbers, envelopes the service never sent.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { emulatorFor, userOf } from './emulated.mjs';

// A fault that makes a call hang fails its test instead of stalling the run.
const LIMIT = { timeout: 30_000 };

const fails = (fn) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof sdk.IotExplorerError, String(e));
    return e;
  }
  throw new Error('no error');
};

/** A client logged in on the emulator. */
async function loggedIn(t, emulator) {
  const client = userOf(t, emulator, { NickName: 'Responses' });
  await client.getFamilyList();
  return { client };
}

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

test('12. envelopes the service was never seen sending reach the caller as typed API errors', LIMIT, async (t) => {
  const emulator = await emulatorFor(t);
  const { client } = await loggedIn(t, emulator);
  emulator.addFault({ type: 'codeWithoutError', action: 'AppGetUser', code: 1001, message: 'busy' });
  await assert.rejects(client.getUser(), (e) => e.kind === 'Api' && e.code === '1001' && e.message === 'busy');
  emulator.addFault({ type: 'errorWithCodeZero', action: 'AppGetUser', code: 'InvalidParameterValue', message: 'bad' });
  await assert.rejects(client.getUser(), (e) => e.kind === 'Api' && e.code === 'InvalidParameterValue' && !e.retryable);
  emulator.addFault({ type: 'apiError', action: 'AppGetUser', code: 'UnauthorizedOperation.APPNoPermissionToStudioProduct', message: 'App对操作该产品无权限' });
  await assert.rejects(client.getUser(), (e) => e.kind === 'Api' && e.code === 'UnauthorizedOperation.APPNoPermissionToStudioProduct' && !e.isAuthError);
});
