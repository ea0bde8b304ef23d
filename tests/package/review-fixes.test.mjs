// What a review of the new helpers found, each pinned: a signed call is not sent twice for a
// clock that is off but inside the service's window; the default family is found again after
// it is deleted; templates as AppGetProducts' parsed JSON and with `array` properties are
// checked; a cancel ends addDeviceWithToken even while the caller's provisioning hangs.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../emulator/server.mjs';

const LIMIT = { timeout: 20_000 };

test('a refusal with a Date inside the 5-minute window is not signed and sent again; one outside it is', LIMIT, async () => {
  for (const [offsetMs, sends] of [[60_000, 1], [10 * 60_000, 2]]) {
    let sent = 0;
    const transport = async () => {
      sent++;
      const body = { code: 0, msg: '', data: { RequestId: 'r', Error: { Code: 'LimitExceeded', Message: '频繁' } } };
      return { status: 200, headers: { date: new Date(Date.now() + offsetMs).toUTCString() }, body: JSON.stringify(body) };
    };
    const server = sdk.createServerClient({ appKey: 'k', appSecret: 's', transport, retry: false });
    await assert.rejects(server.sendVerificationCode({ Type: 'register', CountryCode: '86', PhoneNumber: '13800000000' }), (e) => e.code === 'LimitExceeded');
    assert.equal(sent, sends, `clock ${offsetMs / 1000} s off`);
    assert.ok(Math.abs(server.clockOffsetMs - offsetMs) < 2000, 'the offset is learned either way');
  }
});

test("FamilyId 'default' is found again after the family is deleted", LIMIT, async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const client = sdk.createClient({ getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: 'o-review-default' }), endpoint: emulator.endpoint });
  t.after(() => client.logout());
  const first = await client.defaultFamilyId();
  const { Data: { FamilyId: second } } = await client.createFamily({ Name: 'second' });
  await client.deleteFamily({ FamilyId: 'default', Name: '我的家' });
  assert.equal(await client.defaultFamilyId(), second);
  assert.notEqual(second, first);
  assert.equal((await client.getFamilyDeviceList({ FamilyId: 'default' })).Total, 0);
});

test('templates: the parsed JSON of DataTemplate is checked as its text is; array properties are checked', () => {
  const text = JSON.stringify({
    properties: [
      { id: 'brightness', mode: 'rw', define: { type: 'int', min: '0', max: '100' } },
      { id: 'schedule', mode: 'rw', define: { type: 'array', arrayInfo: { type: 'int', min: '0', max: '23' } } },
    ],
    actions: [{ id: 'blink', input: [{ id: 'time', define: { type: 'int', min: '1', max: '10' } }] }],
  });
  for (const template of [text, JSON.parse(text), sdk.parseDataTemplate(text), JSON.parse(JSON.stringify(sdk.parseDataTemplate(text)))]) {
    assert.throws(() => sdk.checkControlData(template, { brightness: 1000 }), (e) => e.kind === 'InvalidInput' && e.param === 'brightness');
    assert.throws(() => sdk.checkControlData(template, { schedule: [1, 24] }), (e) => e.param === 'schedule' && /schedule\[1\] must be at most 23/.test(e.message));
    assert.throws(() => sdk.checkControlData(template, { schedule: 3 }), (e) => /must be an array/.test(e.message));
    sdk.checkControlData(template, { brightness: 10, schedule: [0, 23] });
    assert.throws(() => sdk.checkControlData(template, null), (e) => e.kind === 'InvalidInput' && e.param === 'Data');
  }
  assert.equal(sdk.parseDataTemplate(text).properties[1].element.max, 23);
});

test('cancelling addDeviceWithToken ends it at once, even while provision() never settles', LIMIT, async () => {
  const transport = async ({ body }) => {
    const { Action } = JSON.parse(body);
    const answer = Action === 'AppCreateDeviceBindToken' ? { Token: 'tok' } : {};
    return { status: 200, body: JSON.stringify({ Response: { RequestId: 'r', ...answer } }) };
  };
  const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't', ExpireAt: 2e9 }), transport });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('page closed')), 100);
  await assert.rejects(
    client.addDeviceWithToken({ FamilyId: 'f' }, { signal: controller.signal, provision: () => new Promise(() => {}) }),
    (e) => e.code === 'Aborted' && e.step === 'provision' && /page closed/.test(e.message),
  );
});
