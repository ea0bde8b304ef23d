// A client whose clock is off: the server refuses stale Timestamps; the SDK takes a configured
// offset, or learns it from the answer's Date header (or, without one, from the rejection's
// message), and the skewed client still logs in.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createServerClient } from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../emulator/server.mjs';

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
