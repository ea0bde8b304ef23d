// The push channel's state machine and frames (pkg-template/src/push-*.ts), driven step by step
// with a hand-held clock: what it sends, when it reconnects, what each reply and push becomes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseResponse } from 'iot-explorer-app';
import { glueModules } from '../fixtures/glue.mjs';

const { createPushChannel, decodePayload, deviceChange, heartbeatFrame, parseFrame, subscribeFrame, IotExplorerError } = await glueModules(
  'push-session',
  'push-events',
  'push-frames',
  'errors',
);

/** The core's parseResponse, its error as this bundle's IotExplorerError (the channel's own class). */
function checkResponse(text) {
  try {
    parseResponse(200, text);
  } catch (e) {
    throw new IotExplorerError(e.message, e);
  }
}

function channel(options) {
  const c = createPushChannel(options, checkResponse);
  const at = (type, now, extra = {}) => c.step({ type, now, ...extra });
  return {
    subscribe: (ids, now) => at('subscribe', now, { ids }).commands,
    unsubscribe: (ids, now) => at('unsubscribe', now, { ids }).commands,
    token: (token, now) => at('token', now, { token }).commands,
    opened: (now) => at('opened', now).commands,
    closed: (now) => at('closed', now).commands,
    message: (text, now = 0) => at('message', now, { text }).commands,
    tick: (now) => at('tick', now).commands,
    pause: (now) => at('pause', now).commands,
    resume: (now) => at('resume', now).commands,
    wakeAt: () => at('tick', -1).wakeAt, // a tick before any deadline changes nothing
  };
}

const sent = (commands) => commands.filter((c) => c.type === 'send').map((c) => c.text);
const CONNECT = [{ type: 'connect' }];
const CLOSE = [{ type: 'close' }];
const ack = (reqId) => JSON.stringify({ reqId, error: '', error_message: '', data: {} });
const refusal = (reqId, code) =>
  JSON.stringify({ reqId, error: '', error_message: '', data: { Response: { Error: { Code: code, Message: 'm' }, RequestId: 'x' } } });

function openChannel() {
  const s = channel();
  assert.deepEqual(s.subscribe(['P/a'], 0), []); // no token yet
  assert.deepEqual(s.token('tok', 0), CONNECT);
  const onOpen = sent(s.opened(10));
  assert.equal(onOpen.length, 1);
  assert.deepEqual(JSON.parse(onOpen[0]), { action: 'ActivePush', reqId: 'push-1', params: { DeviceIds: ['P/a'], AccessToken: 'tok' } });
  assert.deepEqual(s.message(ack('push-1'), 20), [{ type: 'subscribed', devices: ['P/a'] }]);
  return s;
}

test('heartbeats on schedule, each with a new request id', () => {
  const s = openChannel();
  assert.equal(s.wakeAt(), 50010);
  assert.deepEqual(s.tick(50009), []);
  const beat = JSON.parse(sent(s.tick(50010))[0]);
  assert.equal(beat.params.Action, 'AppDeviceTraceHeartBeat');
  assert.deepEqual(beat.params.ActionParams, { RequestId: 'push-2', AccessToken: 'tok', DeviceIds: ['P/a'] });
  s.message(JSON.stringify({ reqId: 'push-2', error: '', error_message: '', data: { Response: { RequestId: 'push-2' } } }), 50100);
  assert.equal(s.wakeAt(), 100010);
  assert.match(sent(s.tick(100010))[0], /"reqId":"push-3"/);
});

test('reconnects with a doubling backoff and resubscribes every device', () => {
  const s = openChannel();
  s.subscribe(['P/b'], 30);
  assert.deepEqual(s.closed(1000), []);
  assert.equal(s.wakeAt(), 3000);
  assert.deepEqual(s.tick(2999), []);
  assert.deepEqual(s.tick(3000), CONNECT);
  assert.deepEqual(s.closed(3100), []); // failed again: the delay doubles
  assert.equal(s.wakeAt(), 7100);
  assert.deepEqual(s.tick(7100), CONNECT);
  assert.match(sent(s.opened(7200))[0], /"DeviceIds":\["P\/a","P\/b"\]/);
});

test('a server that accepts and drops every socket sees the backoff grow to its cap', () => {
  const s = channel();
  s.subscribe(['P/a'], 0);
  const connects = [];
  let now = 0;
  let commands = s.token('tok', now);
  while (now < 15 * 60000) {
    if (commands.some((c) => c.type === 'connect')) {
      connects.push(now);
      s.opened(now + 5); // accepted…
      s.closed(now + 10); // …and dropped at once
    }
    now = s.wakeAt();
    commands = s.tick(now);
  }
  assert.ok(connects.filter((t) => t >= 10 * 60000).length <= 5, 'at most one connection a minute once backed off');
  assert.ok(connects.length < 25, `${connects.length} connections in 15 minutes`);
});

test('only an answered request resets the backoff', () => {
  const s = openChannel();
  for (const at of [1000, 4000]) {
    s.closed(at);
    const retry = s.wakeAt();
    assert.deepEqual(s.tick(retry), CONNECT);
    s.opened(retry + 1);
  }
  s.closed(20000);
  assert.equal(s.wakeAt(), 28000, 'still backing off: 2 s, 4 s, 8 s');
  s.tick(28000);
  s.opened(28001); // sends push-4
  s.message(ack('push-4'), 28002);
  s.closed(30000);
  assert.equal(s.wakeAt(), 32000, 'back to 2 s once the server answered');
});

test('a missing reply kills the link; a socket that never opens is given up', () => {
  const s = openChannel();
  s.subscribe(['P/c'], 100); // resubscribes; never answered
  assert.deepEqual(s.tick(20100), CLOSE);
  assert.ok(s.wakeAt() > 20100);

  const t = channel();
  t.subscribe(['P/a'], 0);
  assert.deepEqual(t.token('tok', 0), CONNECT);
  assert.equal(t.wakeAt(), 20000);
  assert.deepEqual(t.tick(19999), []);
  assert.deepEqual(t.tick(20000), CLOSE);
  assert.equal(t.wakeAt(), 22000);
  assert.deepEqual(t.tick(22000), CONNECT);
  assert.equal(sent(t.opened(22100)).length, 1, 'subscribes once open');
});

test('pause closes, resume reconnects; unsubscribing everything closes', () => {
  const s = openChannel();
  assert.deepEqual(s.pause(500), CLOSE);
  assert.deepEqual(s.closed(510), [], 'our own close is not a failure');
  assert.equal(s.wakeAt(), null);
  assert.deepEqual(s.resume(900), CONNECT);

  const u = openChannel();
  assert.deepEqual(u.unsubscribe(['P/a'], 5), CLOSE);
  assert.deepEqual(u.closed(6), []);
  assert.deepEqual(u.subscribe(['P/z'], 7), CONNECT);
  assert.deepEqual(u.opened(8), [{ type: 'send', text: subscribeFrame('push-2', ['P/z'], 'tok') }]);
});

test('a refused token names the token its request carried; other errors are failures', () => {
  const s = openChannel();
  assert.deepEqual(s.message(refusal('x', 'InvalidParameterValue.InvalidAccessToken'), 1), [{ type: 'tokenRejected', token: 'tok' }]);
  assert.match(sent(s.token('tok2', 2))[0], /"AccessToken":"tok2"/);
  const [failed] = s.message(JSON.stringify({ reqId: 'y', error: '-1', error_message: '后台连接出错', data: {} }), 3);
  assert.equal(failed.type, 'failed');
  assert.deepEqual([failed.error.code, failed.error.message, failed.devices], ['PushError', '后台连接出错', []]);

  const t = channel();
  t.subscribe(['P/a'], 0);
  t.token('old', 0);
  assert.equal(sent(t.opened(1)).length, 1); // push-1 carries "old"
  assert.equal(sent(t.token('new', 2)).length, 1); // push-2 carries "new"
  assert.deepEqual(t.message(refusal('push-1', 'InvalidParameterValue.InvalidAccessToken'), 3), [{ type: 'tokenRejected', token: 'old' }]);
});

test('a refused subscription fails every device it listed', () => {
  const s = openChannel();
  assert.equal(sent(s.subscribe(['Q/x'], 30)).length, 1); // push-2
  const [failed] = s.message(refusal('push-2', 'APPNoPermissionToStudioProduct'), 40);
  assert.deepEqual([failed.type, failed.error.code, failed.devices], ['failed', 'APPNoPermissionToStudioProduct', ['P/a', 'Q/x']]);
});

test('options are positive integers; unknown ones are refused', () => {
  for (const bad of [{ heartbeatMs: 0 }, { replyTimeoutMs: -1 }, { reconnectMinMs: 1.5 }, { reconnectMaxMs: '9' }, { heartbeat: 5 }, [], 'x']) {
    assert.throws(() => createPushChannel(bad, checkResponse), (e) => e instanceof IotExplorerError && e.kind === 'InvalidInput', JSON.stringify(bad));
  }
  const s = channel({ heartbeatMs: 7, replyTimeoutMs: 3 });
  s.subscribe(['P/a'], 0);
  s.token('t', 0);
  assert.equal(s.wakeAt(), 3);
});

test('frames are what the official SDK sends', () => {
  assert.equal(subscribeFrame('r1', ['P1/a', 'P1/b'], 'tok'), '{"action":"ActivePush","reqId":"r1","params":{"DeviceIds":["P1/a","P1/b"],"AccessToken":"tok"}}');
  assert.equal(
    heartbeatFrame('r2', ['P1/a', 'P1/b'], 'tok'),
    '{"action":"YunApi","reqId":"r2","params":{"Action":"AppDeviceTraceHeartBeat","ActionParams":{"RequestId":"r2","AccessToken":"tok","DeviceIds":["P1/a","P1/b"]}}}',
  );
  assert.deepEqual(parseFrame(ack('r1'), checkResponse), { reply: { reqId: 'r1', error: null } });
  assert.equal(parseFrame('{"reqId":7,"data":{"Response":{"RequestId":"q"}}}', checkResponse).reply.reqId, '7');
  for (const text of ['not json', '[1]', '{"hello":1}', '{"push":true,"action":"Other","params":{}}', `"${'x'.repeat(1 << 20)}"`]) {
    assert.deepEqual(parseFrame(text, checkResponse), { event: { type: 'Unknown', deviceId: null, raw: text } });
  }
});

const TIME = '2023-07-13T14:19:48+08:00';
const base64 = (text) => Buffer.from(text).toString('base64');
const push = (Type, SubType, payload) => deviceChange({ DeviceId: 'P1/dev', Type, SubType, Time: TIME, Payload: base64(payload) }, 'raw');

test('property reports and controls in both forms', () => {
  for (const payload of ['{"method":"report","params":{"power_switch":1}}', '{"type":"update","state":{"reported":{"power_switch":1}}}']) {
    assert.deepEqual(push('Property', 'Report', payload), { type: 'PropertyReport', deviceId: 'P1/dev', params: { power_switch: 1 }, time: TIME });
  }
  assert.equal(push('Template', 'Push', '{"method":"control","params":{"a":1}}').type, 'ControlPush');
  assert.deepEqual(push('Shadow', 'Push', '{"type":"delta","payload":{"state":{"a":1}}}').params, { a: 1 });
});

test('events, status, binds, device actions and gateway sub-devices', () => {
  assert.deepEqual(push('Event', 'Report', '{"eventId":"low_battery","params":{"level":5}}'), { type: 'Event', deviceId: 'P1/dev', eventId: 'low_battery', params: { level: 5 }, time: TIME });
  assert.deepEqual(push('Event', 'Report', '{"eventId":"e"}').params, {});
  assert.equal(push('StatusChange', 'Online', '{}').online, true);
  assert.equal(push('StatusChange', 'Offline', '{}').online, false);
  assert.equal(push('StatusChange', 'Bind', '{}').type, 'Bind');
  assert.equal(push('StatusChange', 'unbind', '{}').type, 'Unbind');
  assert.deepEqual(push('Action', 'Push', '{"method":"action","clientToken":"ct1","actionId":"blink","params":{"time":3}}'), {
    type: 'ActionPush', deviceId: 'P1/dev', actionId: 'blink', clientToken: 'ct1', params: { time: 3 }, time: TIME,
  });
  assert.deepEqual(push('Action', 'Report', '{"method":"action_reply","clientToken":"ct1","code":0,"status":"ok","response":{"err_code":0}}'), {
    type: 'ActionReport', deviceId: 'P1/dev', clientToken: 'ct1', code: 0, status: 'ok', response: { err_code: 0 }, time: TIME,
  });
  assert.deepEqual(push('Action', 'Report', '{"clientToken":"c"}').response, {});
  const list = '[{"ProductId":"SUB","DeviceName":"s1"},{"ProductId":"SUB","DeviceName":"s2"}]';
  for (const [sub, action] of [['bind', 'bind'], ['unbind', 'unbind'], ['Bind', 'bind']]) {
    assert.deepEqual(push('Gateway', sub, list), { type: 'SubDeviceChange', deviceId: 'P1/dev', action, subDevices: JSON.parse(list), time: TIME });
  }
});

test('NUL padding is stripped; what cannot be read is Unknown, with the device when valid', () => {
  assert.deepEqual(decodePayload(base64('{"method":"report","params":{"x":2}}\0\0\0')), { method: 'report', params: { x: 2 } });
  assert.deepEqual(decodePayload(base64('微信😀')), undefined, 'not JSON');
  assert.equal(decodePayload('@@@'), undefined);
  assert.equal(decodePayload(base64('"微信😀"').replace(/=+$/, '')), '微信😀', 'padding optional, UTF-8 read');
  const unknown = { type: 'Unknown', deviceId: 'P1/dev', raw: 'raw' };
  assert.deepEqual(push('Property', 'Report', 'not json'), unknown);
  assert.deepEqual(push('Action', 'Push', '{"params":[1]}'), unknown);
  assert.deepEqual(push('Event', 'Report', '{"eventId":"e","params":[1]}'), unknown);
  assert.deepEqual(push('Action', 'Report', '{"code":"0"}'), unknown);
  assert.deepEqual(push('Gateway', 'unbind', '{}'), unknown);
  assert.deepEqual(deviceChange({ Type: 'Property' }, 'r'), { type: 'Unknown', deviceId: null, raw: 'r' });
  for (const id of ['', 'justname', 'P/', '/d', 'a/b/c', 7]) {
    assert.deepEqual(deviceChange({ DeviceId: id, Type: 'StatusChange', SubType: 'Online' }, 'r'), { type: 'Unknown', deviceId: null, raw: 'r' }, String(id));
  }
});
