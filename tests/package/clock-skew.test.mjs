// A client whose clock is off: a configured offset, or one learned from Date or the refusal; the 5-minute window.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { emulatorFor } from './emulated.mjs';

const { createServerClient } = sdk;
// A fault that makes a call hang fails its test instead of stalling the run.
const LIMIT = { timeout: 30_000 };
const user = { WxOpenID: 'o-skew', NickName: 'Skew', Avatar: 'https://a/b.png' };
const HOUR = 3600_000;

test('skewed clocks: refused without a correction, fine with a configured or learned one', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const base = { appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint, retry: false };
  const behind = () => Date.now() - HOUR;

  // A caller-fixed Timestamp is never corrected: the server's refusal reaches the caller.
  await assert.rejects(
    createServerClient({ ...base, clock: behind }).getTokenByWeiXin(user, { timestamp: Math.floor(behind() / 1000) }),
    (e) => e.kind === 'Api' && /^Timestamp 已过期/.test(e.message),
  );

  const configured = createServerClient({ ...base, clock: behind, clockOffsetMs: HOUR });
  assert.equal(typeof (await configured.getTokenByWeiXin(user)).Token, 'string');

  const sent = [];
  const recording = async (req) => {
    sent.push(JSON.parse(req.body).Timestamp);
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
    return { status: res.status, body: await res.text() };
  };
  const learning = createServerClient({ ...base, clock: behind, transport: recording });
  assert.equal(typeof (await learning.getTokenByWeiXin(user)).Token, 'string');
  assert.equal(sent.length, 2, 'refused once, then signed again with the learned offset');
  assert.ok(Math.abs(learning.clockOffsetMs - HOUR) < 5000, String(learning.clockOffsetMs));
  await learning.getTokenByWeiXin(user);
  assert.equal(sent.length, 3, 'the offset is kept for later calls');
});

test('a refusal that quotes our Timestamp before the server time teaches the server time', async () => {
  const now = 1_800_000_000;
  const sent = [];
  const transport = async ({ body }) => {
    const ts = JSON.parse(body).Timestamp;
    sent.push(ts);
    if (Math.abs(ts - now) > 60) {
      const error = { Code: 'InvalidParameterValue.TimestampExpired', Message: `Timestamp ${ts} expired, server time ${now}` };
      return { status: 200, body: JSON.stringify({ Response: { Error: error, RequestId: 'r' } }) };
    }
    return { status: 200, body: '{"Response":{"RequestId":"r","Data":{"Token":"t","ExpireAt":1}}}' };
  };
  const client = createServerClient({ appKey: 'k', appSecret: 's', transport, retry: false, clock: () => (now - 3600) * 1000 });
  assert.equal((await client.getTokenByWeiXin(user)).Token, 't');
  assert.equal(sent.length, 2);
  assert.equal(client.clockOffsetMs, 3600 * 1000);
});

test("8. the server client learns its clock from any answer's Date header, whatever the refusal's code says", LIMIT, async (t) => {
  const ahead = 3600_000;
  const emulator = await emulatorFor(t, { clock: () => Date.now() + ahead });
  const sent = [];
  const withDate = async (req) => {
    sent.push(JSON.parse(req.body).Timestamp);
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
    // Only the Date header, as a plain object with its name in another case (wx.request's `header`).
    return { status: res.status, body: await res.text(), headers: { DATE: res.headers.get('date') } };
  };
  const user = { WxOpenID: 'o-date', NickName: 'Date', Avatar: 'https://a/b.png' };
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint, transport: withDate, retry: false });
  assert.equal(typeof (await server.getTokenByWeiXin(user)).Token, 'string');
  assert.equal(sent.length, 2, 'refused once, then signed again with the server time');
  assert.ok(Math.abs(server.clockOffsetMs - ahead) < 2000, String(server.clockOffsetMs));

  // With fetch's own Headers, and no refusal needed: a success's Date teaches the offset as well.
  const fetching = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint, retry: false, clockOffsetMs: ahead - 60_000 });
  await fetching.getTokenByWeiXin(user);
  assert.ok(Math.abs(fetching.clockOffsetMs - ahead) < 2000, String(fetching.clockOffsetMs));

  // A clock within the tolerance is left alone: no churn from a Date's whole seconds.
  const close = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint, retry: false, clockOffsetMs: ahead - 10_000 });
  await close.getTokenByWeiXin(user);
  assert.equal(close.clockOffsetMs, ahead - 10_000);
});

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
