// Automations (issue 27), through the public client against the emulator, whose clock the test
// moves: one fires when a device reports a value that meets its conditions (all or any; numbers,
// the Android app's text numbers, enums), at its timer conditions, only while on and in effect,
// never again from its own run; two users of one family both see what it did. Bad input per
// automation action is refused before anything is sent.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { until } from '../fixtures/until.mjs';
import { twoUsers } from './two-users.mjs';

const LIMIT = { timeout: 30_000 };
const MINUTE = 60_000;
const ZONE = 480; // the emulator's default time zone (UTC+8), that of device timers

/** The weekday (0 Sunday) and "HH:mm" of the instant `at` (ms) in the emulator's zone. */
function local(at) {
  const d = new Date(at + ZONE * MINUTE);
  const pad = (n) => String(n).padStart(2, '0');
  return { weekday: d.getUTCDay(), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}
const onlyDay = (weekday) => [...'0000000'].map((_, i) => (i === weekday ? '1' : '0')).join('');
const allBut = (weekday) => [...'1111111'].map((_, i) => (i === weekday ? '0' : '1')).join('');

/** Alice's home on an emulator whose clock runs `clock.skew` ms ahead, with Bob a member when `withBob`. */
async function home(t, { withBob = false } = {}) {
  const clock = { skew: 0, now: () => Date.now() + clock.skew };
  const users = await twoUsers(t, { clock: clock.now, timerCheckMs: 60_000 });
  const { alice, bob } = users;
  if (withBob) {
    // Invited through his message center, accepted from the message.
    await alice.client.sendShareFamilyInvite({ FamilyId: alice.FamilyId, ToUserID: bob.UserID });
    const [invitation] = (await bob.client.getMessages({ Category: 2, Limit: 20 })).Data.Msgs;
    assert.deepEqual(await bob.client.acceptInvitation(invitation).then((a) => 'joined' in a && a.FamilyId), alice.FamilyId);
  }
  const devices = (await alice.client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList;
  const device = (prefix) => devices.find((d) => d.ProductId.startsWith(prefix));
  return { ...users, clock, light: device('LIGHT'), plug: device('PLUG'), sensor: device('SENSOR') };
}

const property = (CondId, device, PropertyId, Op, Value) => ({
  CondId, CondType: 0, Property: { ProductId: device.ProductId, DeviceName: device.DeviceName, PropertyId, Op, Value },
});
const control = (device, Data) => ({ ActionType: 0, ProductId: device.ProductId, DeviceName: device.DeviceName, Data });
const ALWAYS = { Status: 1, MatchType: 0, EffectiveBeginTime: '00:00', EffectiveEndTime: '23:59', EffectiveDays: '1111111', Icon: '' };
const value = async (client, device, id) => (await client.getDeviceData({ DeviceId: device.DeviceId })).DataParsed[id].Value;

test('an automation fires when the sensor reports above 26, not when off, outside its days or hours, nor at or below; MatchType all and any', LIMIT, async (t) => {
  const { emulator, alice, clock, light, plug, sensor } = await home(t);
  const { FamilyId } = alice;
  const plugOff = () => alice.client.controlDevice({ DeviceId: plug.DeviceId, Data: { power_switch: 0 } });
  await plugOff();
  const rule = { FamilyId, Name: 'Too warm', ...ALWAYS, Conditions: [property('t', sensor, 'temperature', 'gt', 26)], Actions: [control(plug, { power_switch: 1 })] };
  const { AutomationId } = await alice.client.createAutomation(rule);

  emulator.push.report(sensor.DeviceId, { temperature: 26 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 0, '26 is not above 26');
  assert.equal(await value(alice.client, sensor, 'temperature'), 26, 'a report is the device state');
  emulator.push.report(sensor.DeviceId, { temperature: 26.5 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 1);
  const [entry] = (await alice.client.getSceneAndAutomationLogs({ FamilyId, Limit: 5 })).Data.Msgs;
  assert.deepEqual([entry.AutomationId, entry.AutomationName, entry.ResultCode, entry.ActionResults.length], [AutomationId, 'Too warm', 0, 1]);

  // Off: nothing.
  await alice.client.modifyAutomationStatus({ AutomationId, Status: 0 });
  assert.deepEqual((await alice.client.getAutomationList({ FamilyId })).List, [{ AutomationId, Icon: '', Name: 'Too warm', Status: 0 }]);
  await plugOff();
  emulator.push.report(sensor.DeviceId, { temperature: 30 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 0, 'off');
  await alice.client.modifyAutomationStatus({ AutomationId, Status: 1 });

  // Not today, or not at this hour: nothing.
  const now = local(clock.now());
  await alice.client.modifyAutomation({ AutomationId, ...rule, EffectiveDays: allBut(now.weekday) });
  emulator.push.report(sensor.DeviceId, { temperature: 31 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 0, 'not today');
  // In effect from two minutes on, for two minutes, on that day only.
  const [from, to] = [local(clock.now() + 2 * MINUTE), local(clock.now() + 3 * MINUTE)];
  const evening = { EffectiveDays: onlyDay(from.weekday), EffectiveBeginTime: from.time, EffectiveEndTime: to.time };
  await alice.client.modifyAutomation({ AutomationId, ...rule, ...evening });
  emulator.push.report(sensor.DeviceId, { temperature: 32 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 0, 'not yet');
  clock.skew += 2 * MINUTE;
  emulator.push.report(sensor.DeviceId, { temperature: 33 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 1, 'in its hours');

  // The Android app's text "26", with ge; and every condition (MatchType 0) against any (1).
  const both = [property('t', sensor, 'temperature', 'ge', '26'), property('h', sensor, 'humidity', 'lt', 50)];
  await alice.client.modifyAutomation({ AutomationId, ...rule, Conditions: both });
  await plugOff();
  emulator.push.report(sensor.DeviceId, { temperature: 26, humidity: 60 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 0, 'all: humidity is not below 50');
  emulator.push.report(sensor.DeviceId, { humidity: 45 });
  assert.equal(await value(alice.client, plug, 'power_switch'), 1, 'all: both met');
  await alice.client.modifyAutomation({ AutomationId, ...rule, MatchType: 1, Conditions: [property('t', sensor, 'temperature', 'gt', 40), property('c', light, 'color', 'eq', 2)] });
  await plugOff();
  await alice.client.controlDevice({ DeviceId: light.DeviceId, Data: { color: 2 } });
  assert.equal(await value(alice.client, plug, 'power_switch'), 1, 'any: the enum reported by the light after a control');

  const { Data } = await alice.client.describeAutomation({ AutomationId });
  assert.deepEqual([Data.Name, Data.MatchType, Data.Conditions.map((c) => c.CondId), Data.Actions[0].Data], ['Too warm', 1, ['t', 'c'], '{"power_switch":1}']);
  await alice.client.deleteAutomation({ AutomationId });
  assert.deepEqual((await alice.client.getAutomationList({ FamilyId })).List, []);
  await assert.rejects(alice.client.describeAutomation({ AutomationId }), (e) => e.kind === 'Api');
});

test('timer conditions fire at their time on their days in the emulator zone, "0000000" once; an automation never fires itself again', LIMIT, async (t) => {
  const { emulator, alice, clock, light, plug } = await home(t);
  const { FamilyId } = alice;
  const at = Math.ceil((clock.now() + 2 * MINUTE) / MINUTE) * MINUTE;
  const { weekday, time } = local(at);
  const timer = (CondId, Days) => ({ CondId, CondType: 1, Timer: { Days, TimePoint: time } });
  const make = async (Name, Conditions, Actions) => (await alice.client.createAutomation({ FamilyId, Name, ...ALWAYS, MatchType: 1, Conditions, Actions })).AutomationId;
  const today = await make('Today', [timer('d', onlyDay(weekday))], [control(light, { brightness: 42 })]);
  const once = await make('Once', [timer('o', '0000000')], [control(light, { color: 1 })]);
  const notToday = await make('Not today', [timer('n', allBut(weekday))], [control(light, { brightness: 1 })]);

  assert.deepEqual(emulator.smart.run(), []);
  clock.skew += at - Date.now() - clock.skew + 1000;
  assert.deepEqual(emulator.smart.run().sort(), [today, once].sort());
  assert.deepEqual([await value(alice.client, light, 'brightness'), await value(alice.client, light, 'color')], [42, 1]);
  clock.skew += 24 * 60 * MINUTE;
  assert.deepEqual(emulator.smart.run(), [notToday], 'a day later: "Today" is not on that day, "Once" is spent');
  assert.equal(await value(alice.client, light, 'brightness'), 1);

  // A ping-pong: the plug on turns the light on, the light on turns the plug on. Each runs once.
  await alice.client.controlDevice({ DeviceId: light.DeviceId, Data: { power_switch: 0 } });
  const ping = await make('Ping', [property('p', plug, 'power_switch', 'eq', 1)], [control(light, { power_switch: 1 })]);
  const pong = await make('Pong', [property('l', light, 'power_switch', 'eq', 1)], [control(plug, { power_switch: 1 })]);
  emulator.push.report(plug.DeviceId, { power_switch: 1 });
  const runs = (await alice.client.getSceneAndAutomationLogs({ FamilyId, Limit: 10 })).Data.Msgs.map((m) => m.AutomationId);
  // Newest first: Pong, which Ping's report started, ends after it; then the three timers' runs.
  assert.deepEqual(runs, [pong, ping, notToday, ...runs.slice(3)]);
  assert.deepEqual(runs.slice(3).sort(), [today, once].sort());
});

test('two users: Bob joins from his message center; Alice\'s automation fires on the sensor\'s report and both see the pushed change and the notice', LIMIT, async (t) => {
  const { emulator, alice, bob, plug, sensor } = await home(t, { withBob: true });
  const { FamilyId } = alice;
  await alice.client.controlDevice({ DeviceId: plug.DeviceId, Data: { power_switch: 0 } });
  await alice.client.createAutomation({
    FamilyId, Name: 'Cool down', ...ALWAYS, Conditions: [property('t', sensor, 'temperature', 'gt', 26)], Actions: [control(plug, { power_switch: 1 }), { ActionType: 3, Data: '消息中心' }],
  });
  const seen = { alice: [], bob: [] };
  await alice.client.subscribe([plug.DeviceId], (e) => seen.alice.push(e));
  await bob.client.subscribe([plug.DeviceId], (e) => seen.bob.push(e));

  emulator.push.report(sensor.DeviceId, { temperature: 28 });
  const switchedOn = (events) => events.some((e) => e.type === 'PropertyReport' && e.params.power_switch === 1);
  await until(() => switchedOn(seen.alice) && switchedOn(seen.bob), 'both users see the plug switched on');
  assert.equal(await value(bob.client, plug, 'power_switch'), 1);
  for (const user of [alice, bob]) {
    const notices = [];
    for await (const m of user.client.messages({ Category: 3 })) notices.push([m.MsgType, m.MsgTitle]);
    assert.deepEqual(notices, [[302, 'Cool down']]);
  }
  const members = [];
  for await (const m of alice.client.messages({ Category: 2 })) members.push([m.MsgType, m.RelateUserID]);
  assert.deepEqual(members, [[200, bob.UserID]], 'Alice was told Bob joined');
});

test('automation actions: bad input is a typed InvalidInput naming the parameter, nothing sent; answers without their documented fields are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  const rule = { FamilyId: 'f', Name: 'n', ...ALWAYS, Conditions: [], Actions: [] };
  const sensor = { ProductId: 'P', DeviceName: 'd' };
  await assertRefused(client, [
    ['createAutomation', { ...rule, FamilyId: undefined }, 'FamilyId'],
    ['createAutomation', { ...rule, Name: '' }, 'Name'],
    ['createAutomation', { ...rule, Status: 2 }, 'Status'],
    ['createAutomation', { ...rule, MatchType: '0' }, 'MatchType'],
    ['createAutomation', { ...rule, EffectiveBeginTime: '24:00' }, 'EffectiveBeginTime'],
    ['createAutomation', { ...rule, EffectiveEndTime: '9:5' }, 'EffectiveEndTime'],
    ['createAutomation', { ...rule, EffectiveDays: '1111' }, 'EffectiveDays'],
    ['createAutomation', { ...rule, Conditions: undefined }, 'Conditions'],
    ['createAutomation', { ...rule, Conditions: [{ CondId: 'c', CondType: 3 }] }, 'Conditions'],
    ['createAutomation', { ...rule, Conditions: [{ CondId: 'c', CondType: 0, Property: { ...sensor, PropertyId: 't', Op: '>', Value: 1 } }] }, 'Conditions'],
    ['createAutomation', { ...rule, Conditions: [{ CondId: 'c', CondType: 0, Property: { ...sensor, Op: 'gt', Value: 1 } }] }, 'Conditions'],
    ['createAutomation', { ...rule, Conditions: [{ CondId: 'c', CondType: 1, Timer: { Days: '1111111', TimePoint: 'noon' } }] }, 'Conditions'],
    ['createAutomation', { ...rule, Conditions: [{ CondType: 1, Timer: { Days: '1111111', TimePoint: '12:00' } }] }, 'Conditions'],
    ['createAutomation', { ...rule, Actions: [{ ActionType: 0, ...sensor, Data: '[1]' }] }, 'Actions'],
    ['modifyAutomation', { ...rule, FamilyId: undefined }, 'AutomationId'],
    ['modifyAutomationStatus', { AutomationId: 'a' }, 'Status'],
    ['modifyAutomationStatus', { AutomationId: 'a', Status: true }, 'Status'],
    ['describeAutomation', {}, 'AutomationId'],
    ['deleteAutomation', { AutomationId: '' }, 'AutomationId'],
    ['getAutomationList', { FamilyId: 1 }, 'FamilyId'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [
    ['createAutomation', rule],
    ['getAutomationList', { FamilyId: 'f' }],
    ['describeAutomation', { AutomationId: 'a' }],
  ]);
});
