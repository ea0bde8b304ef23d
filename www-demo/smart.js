// The demo's "Smart" section: a scene ("Good night": the light off, a delay, the plug off, a
// notice) built and run, an automation (the sensor above 26 °C switches the plug on) that fires
// when the emulated sensor reports, and the run log and the message center, read again whenever
// a push says a device changed.
import { $, escape } from '/dom.js';

const time = (at) => new Date(at).toLocaleTimeString();

/** { client, familyId, devices } while logged in, else null. */
let home = null;

const deviceOf = (prefix) => home.devices.find((d) => d.ProductId.startsWith(prefix));
const target = (d) => ({ ProductId: d.ProductId, DeviceName: d.DeviceName });

export async function showSmart(context) {
  home = context;
  $('smart-card').hidden = false;
  $('sensor-report').hidden = !context.emulator;
  await refreshSmart();
}

export function hideSmart() {
  home = null;
  $('smart-card').hidden = true;
}

export async function refreshSmart() {
  if (!home) return;
  await Promise.all([loadScenes(), loadAutomations(), loadLog(), loadMessages()]);
}

async function loadScenes() {
  const items = [];
  for await (const scene of home.client.scenes({ FamilyId: home.familyId })) {
    const li = document.createElement('li');
    li.dataset.sceneId = scene.SceneId;
    li.dataset.status = scene.Status === 1 ? 'running' : 'idle';
    li.innerHTML = `<span><b>${escape(scene.SceneName)}</b> <span class="days">${(scene.Actions || []).length} actions${scene.Flag === 1 ? ' · a device left' : ''}</span></span>`;
    const run = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: scene.Status === 1 ? 'running…' : 'Run' });
    run.disabled = scene.Status === 1;
    run.onclick = () => act(() => home.client.runScene({ SceneId: scene.SceneId }));
    li.append(run);
    items.push(li);
  }
  $('scenes').replaceChildren(...items);
  if (!items.length) $('scenes').innerHTML = '<li class="muted">No scenes yet.</li>';
}

async function loadAutomations() {
  const { List } = await home.client.getAutomationList({ FamilyId: home.familyId });
  $('automations').replaceChildren(...List.map((a) => {
    const li = document.createElement('li');
    li.dataset.automationId = a.AutomationId;
    li.innerHTML = `<span><b>${escape(a.Name)}</b></span>`;
    const sw = Object.assign(document.createElement('button'), { type: 'button', className: 'switch' });
    sw.setAttribute('role', 'switch');
    sw.setAttribute('aria-checked', String(a.Status === 1));
    sw.setAttribute('aria-label', `automation ${a.Name}`);
    sw.onclick = () => act(() => home.client.modifyAutomationStatus({ AutomationId: a.AutomationId, Status: a.Status === 1 ? 0 : 1 }));
    li.append(sw);
    return li;
  }));
  if (!List.length) $('automations').innerHTML = '<li class="muted">No automations yet.</li>';
}

async function loadLog() {
  const { Data } = await home.client.getSceneAndAutomationLogs({ FamilyId: home.familyId, Limit: 8 });
  $('run-log').replaceChildren(...Data.Msgs.map((run) => {
    const li = document.createElement('li');
    li.dataset.msgId = String(run.MsgId);
    const ok = run.ResultCode === 0;
    const devices = (run.ActionResults || []).map((r) => `${r.DeviceAliasName}: ${r.Result}`).join(', ');
    li.innerHTML = `<span><b>${escape(run.AutomationName || run.SceneName)}</b> ${ok ? '✓' : '✗'} <span class="days">${escape(devices)}</span></span>
      <span class="muted">${run.CreateAt ? time(run.CreateAt) : ''}</span>`;
    return li;
  }));
  if (!Data.Msgs.length) $('run-log').innerHTML = '<li class="muted">Nothing ran yet.</li>';
}

async function loadMessages() {
  const pages = await Promise.all([3, 2, 1].map((Category) => home.client.getMessages({ Category, Limit: 5 })));
  const messages = pages.flatMap((p) => p.Data.Msgs).sort((a, b) => (b.MsgTimestamp ?? 0) - (a.MsgTimestamp ?? 0));
  $('messages').replaceChildren(...messages.map((m) => {
    const li = document.createElement('li');
    li.dataset.msgType = String(m.MsgType);
    li.innerHTML = `<span><b>${escape(m.MsgTitle ?? '')}</b> <span class="days">${escape(m.MsgContent ?? '')}</span></span>
      <span class="muted">${m.MsgTimestamp ? time(m.MsgTimestamp) : ''}</span>`;
    return li;
  }));
  if (!messages.length) $('messages').innerHTML = '<li class="muted">No messages.</li>';
}

/** Does `call`, then reads everything again (errors shown by the page). */
async function act(call) {
  try {
    await call();
    await refreshSmart();
  } catch (e) {
    home?.showError(e);
  }
}

const goodNight = () =>
  home.client.createScene({
    FamilyId: home.familyId,
    SceneName: 'Good night',
    SceneIcon: '',
    Actions: [
      { ActionType: 0, ...target(deviceOf('LIGHT')), Data: { power_switch: 0 } },
      { ActionType: 1, Data: 2 },
      { ActionType: 0, ...target(deviceOf('PLUG')), Data: { power_switch: 0 } },
      { ActionType: 3, Data: 0 },
    ],
  });

const coolDown = () =>
  home.client.createAutomation({
    FamilyId: home.familyId,
    Name: 'Sensor above 26 °C → plug on',
    Icon: '',
    Status: 1,
    MatchType: 0,
    EffectiveBeginTime: '00:00',
    EffectiveEndTime: '23:59',
    EffectiveDays: '1111111',
    Conditions: [{ CondId: 'warm', CondType: 0, Property: { ...target(deviceOf('SENSOR')), PropertyId: 'temperature', Op: 'gt', Value: 26 } }],
    Actions: [{ ActionType: 0, ...target(deviceOf('PLUG')), Data: { power_switch: 1 } }],
  });

/** The emulated sensor reports 28 °C (the demo backend tells the emulator; a real one reports by itself). */
async function sensorReport() {
  const sensor = deviceOf('SENSOR');
  const res = await fetch('/api/sensor-report', { method: 'POST', body: JSON.stringify({ DeviceId: sensor.DeviceId, temperature: 28 }) });
  if (!res.ok) throw new Error((await res.json()).error.message);
}

export function wireSmart() {
  $('create-scene').onclick = () => act(goodNight);
  $('create-automation').onclick = () => act(coolDown);
  $('sensor-report').onclick = () => act(sensorReport);
}
