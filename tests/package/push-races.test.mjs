// The push channel's glue under races the emulator cannot stage: a socket driven by hand, its
// replies and refusals given in any order.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
const transport = async () => ({ status: 200, body: '{"Response":{"RequestId":"r"}}' });

/** A socket opener whose sockets record what is sent and are driven by the test. */
function handDriven() {
  const sockets = [];
  const open = (url, on) => {
    const socket = { on, sent: [], closed: false, send: (text) => socket.sent.push(JSON.parse(text)), close: () => (socket.closed = true) };
    sockets.push(socket);
    return socket;
  };
  const last = () => sockets[sockets.length - 1];
  const reply = (frame, error = null) =>
    last().on.message(JSON.stringify({ reqId: frame.reqId, error: '', error_message: '', data: error ? { Response: { Error: error, RequestId: 'x' } } : {} }));
  return { sockets, open, last, reply };
}

/** Subscribes `ids`, opens the socket and confirms the first request: a live subscription. */
async function subscribed(c, socket, ids, onEvent = () => {}) {
  const pending = c.subscribe(ids, onEvent);
  await tick();
  socket.last().on.open();
  socket.reply(socket.last().sent[0]);
  return pending;
}

function client(socket, extra = {}) {
  let logins = 0;
  const getAccessToken = async () => ({ Token: `t${++logins}` });
  const errors = [];
  const c = sdk.createClient({ getAccessToken, transport, socket: socket.open, push: { replyTimeoutMs: 2000 }, onPushError: (e) => errors.push(e), ...extra });
  return { c, errors, logins: () => logins };
}

test('each subscribe() is answered by the reply to a request that listed its devices', async () => {
  const socket = handDriven();
  const { c } = client(socket);
  const good = c.subscribe(['P/good'], () => {});
  await tick();
  socket.last().on.open();
  const [first] = socket.last().sent;
  const bad = c.subscribe(['Q/bad'], () => {});
  await tick();
  const second = socket.last().sent[1];
  assert.deepEqual(second.params.DeviceIds, ['P/good', 'Q/bad']);
  socket.reply(first); // confirms P/good only
  await good;
  let badSettled = false;
  bad.then(() => (badSettled = true), () => (badSettled = true));
  await tick();
  assert.equal(badSettled, false, 'Q/bad is not confirmed by a request that did not list it');
  socket.reply(second, { Code: 'APPNoPermissionToStudioProduct', Message: 'no' });
  await assert.rejects(bad, (e) => e.code === 'APPNoPermissionToStudioProduct');
  await c.logout();
});

test("a second subscribe's unsubscribe leaves the first's devices; a callback unsubscribed mid-delivery hears nothing more", async () => {
  const socket = handDriven();
  const { c } = client(socket);
  const heard = [];
  const cb = (e) => heard.push(['cb', e.deviceId]);
  await subscribed(c, socket, ['P/a', 'P/b'], cb);
  const un2 = await (async () => {
    const p = c.subscribe(['P/b'], cb);
    await tick();
    return p;
  })();
  un2();
  let unsubscribeOther = null;
  await c.subscribe(['P/b'], () => {
    heard.push(['first']);
    unsubscribeOther();
  });
  unsubscribeOther = await c.subscribe(['P/b'], () => heard.push(['other']));
  const payload = Buffer.from(JSON.stringify({ method: 'report', params: { x: 1 } })).toString('base64');
  socket.last().on.message(JSON.stringify({ push: true, action: 'DeviceChange', params: { DeviceId: 'P/b', Type: 'Property', SubType: 'Report', Payload: payload } }));
  assert.deepEqual(heard, [['cb', 'P/b'], ['first']]);
  await c.logout();
});

test('a push server that refuses every token gets one new login, not one per reply', async () => {
  const socket = handDriven();
  const { c, errors, logins } = client(socket);
  const outcome = c.subscribe(['P/a'], () => {}).then(() => 'subscribed', (e) => e);
  await tick();
  socket.last().on.open();
  for (let i = 0; i < 20; i++) {
    const frame = socket.last().sent.at(-1);
    socket.reply(frame, { Code: 'InvalidParameterValue.InvalidAccessToken', Message: 'Token 无效' });
    await tick(2);
  }
  assert.ok(logins() <= 2, `${logins()} logins`);
  assert.ok(errors.some((e) => /refuses the token the login just gave/.test(e.message)));
  assert.equal((await outcome).isAuthError, true, 'the subscribe() fails with the refusal');
  await c.logout();
});

test('a logout unblocks at once a subscribe waiting for a slow getAccessToken', async () => {
  const socket = handDriven();
  const slow = () => new Promise((resolve) => setTimeout(() => resolve({ Token: 't' }), 500));
  const c = sdk.createClient({ getAccessToken: slow, transport, socket: socket.open });
  const pending = c.subscribe(['P/a'], () => {});
  await tick();
  const started = Date.now();
  await c.logout();
  await assert.rejects(pending, (e) => e.code === 'LoggedOut');
  assert.ok(Date.now() - started < 300, 'not after the login answered');
  assert.equal(c.loggedIn, false);
});

test('subscriptions outlive a token the session lost; the next login resubscribes with the new one', async () => {
  const socket = handDriven();
  let logins = 0;
  const getAccessToken = async () => {
    logins++;
    if (logins === 2) throw new Error('offline');
    return { Token: `t${logins}` };
  };
  const c = sdk.createClient({ getAccessToken, transport, socket: socket.open, push: { heartbeatMs: 20, replyTimeoutMs: 2000 }, onPushError: () => {} });
  await subscribed(c, socket, ['P/a']);
  await tick(40);
  const beat = socket.last().sent.find((f) => f.action === 'YunApi');
  socket.reply(beat, { Code: 'InvalidParameterValue.InvalidAccessToken', Message: 'Token 无效' });
  await tick(20);
  assert.equal(c.loggedIn, false);
  await c.login();
  await tick(5);
  const resubscribed = socket.last().sent.filter((f) => f.action === 'ActivePush').at(-1);
  assert.deepEqual([resubscribed.params.AccessToken, resubscribed.params.DeviceIds], ['t3', ['P/a']]);
  await c.logout();
});

test('a token refusal and a logout in the same task: no login after the logout, nothing reported', async () => {
  const socket = handDriven();
  const { c, errors, logins } = client(socket);
  await subscribed(c, socket, ['P/a']);
  const [frame] = socket.last().sent;
  socket.reply(frame, { Code: 'InvalidParameterValue.InvalidAccessToken', Message: 'Token 无效' });
  await c.logout();
  await tick(20);
  assert.equal(logins(), 1);
  assert.equal(c.loggedIn, false);
  assert.deepEqual(errors.map((e) => e.code), []);
});
