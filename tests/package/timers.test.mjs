// Timers (issue 15, item 3), through the public client against the emulator, whose clock the test
// moves: a timer fires at its TimePoint on its days, sending the control push; a one-off timer
// turns itself off; bad input per timer action is refused before sending.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { offlineClient, assertRefused, assertIncompleteAnswersRefused } from '../fixtures/offline-client.mjs';
import { until } from '../fixtures/until.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const LIMIT = { timeout: 30_000 };
const MINUTE = 60_000;
const ZONE = 480; // the emulator's default: TimePoint is Beijing time

/** Days and TimePoint for the instant `at` (ms) in UTC+8, and a Days mask without that day. */
function when(at) {
  const local = new Date(at + ZONE * MINUTE);
  const day = local.getUTCDay();
  const pad = (n) => String(n).padStart(2, '0');
  return {
    Days: [...'0000000'].map((_, i) => (i === day ? '1' : '0')).join(''),
    otherDays: [...'1111111'].map((_, i) => (i === day ? '0' : '1')).join(''),
    TimePoint: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

test('3. timers: create (Data as an object), list, fire at their time with the control push, one-off turns off, repeat, status, delete', LIMIT, async (t) => {
  let skew = 0; // the emulator's clock runs `skew` ms ahead of real time
  const emulator = await startEmulator({ clock: () => Date.now() + skew, timerCheckMs: 60_000 });
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const client = sdk.createClient({
    getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: `o-timer-${Math.random()}`, NickName: 'Timer', Avatar: '' }),
    endpoint: emulator.endpoint,
    push: { replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 },
  });
  t.after(() => client.logout());
  const FamilyId = await client.defaultFamilyId();
  const lamp = (await client.getFamilyDeviceList({ FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  const ref = { DeviceId: lamp.DeviceId };
  const events = [];
  await client.subscribe([lamp.DeviceId], (e) => events.push(e));

  // Two minutes from now, on the whole minute.
  const at = Math.ceil((Date.now() + 2 * MINUTE) / MINUTE) * MINUTE;
  const { Days, otherDays, TimePoint } = when(at);
  const once = await client.createTimer({ ...ref, TimerName: '起床', Days, TimePoint, Repeat: 0, Data: { power_switch: 1, brightness: 77 } });
  const TimerId = once.TimerId;
  const notToday = (await client.createTimer({ ProductId: lamp.ProductId, DeviceName: lamp.DeviceName, TimerName: '周末', Days: otherDays, TimePoint, Repeat: 1, Data: '{"brightness":5}' })).TimerId;
  const off = (await client.createTimer({ ...ref, TimerName: '关掉的', Days, TimePoint, Repeat: 1, Data: { color: 2 } })).TimerId;
  await client.modifyTimerStatus({ ...ref, TimerId: off, Status: 0 });

  const list = await client.getTimerList({ ...ref });
  assert.equal(list.Total, 3);
  const mine = list.TimerList.find((x) => x.TimerId === TimerId);
  assert.deepEqual([mine.Days, mine.TimePoint, mine.Repeat, mine.Status, JSON.parse(mine.Data)], [Days, TimePoint, 0, 1, { power_switch: 1, brightness: 77 }]);
  assert.deepEqual((await client.getTimerList({ ...ref, Offset: 0, Limit: 1 })).TimerList.length, 1);

  // Nothing is due yet.
  assert.deepEqual(emulator.timers.run(), []);
  // The clock reaches the TimePoint: only the enabled timer for today fires.
  skew = at + 1000 - Date.now();
  assert.deepEqual(emulator.timers.run(), [TimerId]);
  await until(() => events.some((e) => e.type === 'PropertyReport' && e.params.brightness === 77), 'the control push of the timer');
  const data = (await client.getDeviceData(ref)).DataParsed;
  assert.deepEqual([data.power_switch.Value, data.brightness.Value], [1, 77]);
  assert.equal((await client.getTimerList(ref)).TimerList.find((x) => x.TimerId === TimerId).Status, 0, 'a one-off timer turns itself off');
  assert.deepEqual(emulator.timers.run(), [], 'and fires once');

  // Made repeating one minute later, and on again: it fires again and stays on.
  const next = when(at + MINUTE);
  await client.modifyTimer({ ...ref, TimerId, TimerName: '起床', Days: next.Days, TimePoint: next.TimePoint, Repeat: 1, Data: { brightness: 12 } });
  await client.modifyTimerStatus({ ...ref, TimerId, Status: 1 });
  skew = at + MINUTE + 1000 - Date.now();
  assert.deepEqual(emulator.timers.run(), [TimerId]);
  await until(() => events.some((e) => e.type === 'PropertyReport' && e.params.brightness === 12), 'the second control push');
  assert.equal((await client.getTimerList(ref)).TimerList.find((x) => x.TimerId === TimerId).Status, 1);

  for (const id of [TimerId, notToday, off]) await client.deleteTimer({ ...ref, TimerId: id });
  assert.equal((await client.getTimerList(ref)).Total, 0);
  await assert.rejects(client.deleteTimer({ ...ref, TimerId }), (e) => e.kind === 'Api');
});

test('bad input per timer action is refused before sending, naming the parameter', async () => {
  const { client, sent } = offlineClient(sdk);
  const timer = { DeviceId: 'P/d', TimerName: 't', Days: '0111110', TimePoint: '07:00', Repeat: 1, Data: { power_switch: 1 } };
  const cases = [
    ['createTimer', { ...timer, Days: '011111' }, 'Days'],
    ['createTimer', { ...timer, Days: 'MTWTFSS' }, 'Days'],
    ['createTimer', { ...timer, Days: 127 }, 'Days'],
    ['createTimer', { ...timer, TimePoint: '7pm' }, 'TimePoint'],
    ['createTimer', { ...timer, TimePoint: '25:00' }, 'TimePoint'],
    ['createTimer', { ...timer, Repeat: true }, 'Repeat'],
    ['createTimer', { ...timer, Repeat: 2 }, 'Repeat'],
    ['createTimer', { ...timer, Data: '[1]' }, 'Data'],
    ['createTimer', { ...timer, Data: { at: new Date() } }, 'Data'],
    ['createTimer', { ...timer, TimerName: '' }, 'TimerName'],
    ['createTimer', { ...timer, DeviceId: undefined }, 'ProductId'],
    ['modifyTimer', timer, 'TimerId'],
    ['modifyTimer', { ...timer, TimerId: 'x', TimePoint: '07:5' }, 'TimePoint'],
    ['modifyTimerStatus', { DeviceId: 'P/d', TimerId: 'x', Status: 3 }, 'Status'],
    ['modifyTimerStatus', { DeviceId: 'P/d' }, 'TimerId'],
    ['deleteTimer', { DeviceId: 'P/d' }, 'TimerId'],
    ['getTimerList', { DeviceId: 'Pd' }, 'DeviceId'],
    ['getTimerList', { DeviceId: 'P/d', Limit: 0.5 }, 'Limit'],
  ];
  await assertRefused(client, cases);
  assert.equal(sent(), 0, 'nothing was sent');
  await assertIncompleteAnswersRefused(client, [['createTimer', timer], ['getTimerList', { DeviceId: 'P/d' }]]);
});
