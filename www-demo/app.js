// The demo page: logs in through the backend (which signs), then uses the browser build of the
// package for AccessToken calls straight to the IoT Explorer API (here: the local emulator).
import init, { createClient, fetchTransport, IotExplorerError } from '/pkg/browser.js';
import { $, escape } from '/dom.js';
import { hideSmart, refreshSmart, showSmart, wireSmart } from '/smart.js';

const HINTS = {
  'InvalidParameterValue.NickNameLengthInvalid': 'NickName must be 1–20 characters.',
  'InvalidParameterValue.InvalidAccessToken': 'The token expired or was revoked; the SDK logs in again and retries once.',
  'InvalidParameterValue.DeviceOffline': 'The device is offline, so it cannot be controlled.',
  MissingParameter: 'Every login field is required.',
  Transport: 'The network failed; this error is retryable.',
  Timeout: 'No answer in time; this error is retryable.',
};

function showError(e) {
  const err = e instanceof IotExplorerError || (e && e.kind) ? e : { kind: 'Transport', message: String(e) };
  const hint = HINTS[err.code] || HINTS[err.kind] || '';
  $('error').innerHTML = `<b>${err.kind}</b> <code>${err.code ?? '—'}</code> ${escape(err.message)}` +
    (err.requestId ? ` <span class="muted">RequestId ${escape(err.requestId)}</span>` : '') + (hint ? `<div>${hint}</div>` : '');
  $('error').hidden = false;
}
const clearError = () => ($('error').hidden = true);

function showSigned({ signed, response }) {
  $('signed-empty').hidden = true;
  $('signed').hidden = false;
  $('pairs').innerHTML = signed.stringToSign.split('&').map((p) => {
    const i = p.indexOf('=');
    return `<span class="pair"><b>${escape(p.slice(0, i))}</b>=${escape(p.slice(i + 1))}</span>`;
  }).join('<span class="muted">&amp;</span>');
  $('signature').textContent = signed.signature;
  $('url').textContent = signed.url;
  $('body').textContent = JSON.stringify(JSON.parse(signed.body), null, 2);
  $('response').hidden = false;
  $('response').textContent = `HTTP ${response.status}\n${JSON.stringify(JSON.parse(response.body), null, 2)}`;
}

/** The app's getAccessToken: asks the backend, which holds the AppSecret. */
async function getAccessToken() {
  const form = new FormData($('login-form'));
  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify(Object.fromEntries(form)) });
  const out = await res.json();
  if (out.error) throw new IotExplorerError(out.error.message, out.error);
  showSigned(out);
  return { Token: out.grant.Token, ExpireAt: out.grant.ExpireAt };
}

const counts = {};
function countingTransport() {
  const inner = fetchTransport();
  return async (req) => {
    const action = JSON.parse(req.body).Action;
    counts[action] = (counts[action] || 0) + 1;
    $('log').textContent = Object.entries(counts).map(([a, n]) => `${a} ×${n}`).join(' · ');
    return inner(req);
  };
}

let client;
let config;
let ticker;
let unsubscribe = null;
let refreshTimer = null;
let pushCount = 0;

/** Live updates: any push for our devices refreshes the list (debounced). */
async function followDevices(deviceIds) {
  if (unsubscribe) unsubscribe();
  unsubscribe = await client.subscribe(deviceIds, (event) => {
    pushCount += 1;
    $('live').textContent = `live · ${pushCount} pushes · last push ${event.type} ${new Date().toLocaleTimeString()}`;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => client.loggedIn && Promise.all([loadDevices(false), refreshSmart()]).catch(showError), 100);
  });
  $('live').textContent = `live · ${deviceIds.length} devices subscribed`;
}

function renderSession() {
  const loggedIn = client.loggedIn;
  $('session').className = `session ${loggedIn ? 'logged-in' : 'logged-out'}`;
  $('state').textContent = loggedIn ? 'logged in' : 'logged out';
  $('logout').disabled = !loggedIn;
  const left = client.expireAt ? client.expireAt - Math.floor(Date.now() / 1000) : null;
  $('countdown').textContent = loggedIn && left !== null
    ? `${String(Math.floor(left / 3600)).padStart(2, '0')}:${String(Math.floor(left / 60) % 60).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`
    : '—';
  $('token').textContent = loggedIn && client.expireAt ? `expires at ${new Date(client.expireAt * 1000).toLocaleString()} · refreshed 5 min before` : '';
}

let familyId = null;

// Bumped at logout: a load that was under way then renders nothing.
let generation = 0;

async function loadDevices(follow = true) {
  const started = generation;
  const families = await client.getFamilyList({ Offset: 0, Limit: 20 });
  const family = families.FamilyList[0];
  familyId = family.FamilyId;
  $('family').textContent = `${family.Name} · ${families.Total} family · role ${family.Role === 1 ? 'owner' : 'member'}`;
  const list = await client.getFamilyDeviceList({ FamilyId: family.FamilyId, RoomId: '', Offset: 0, Limit: 50 });
  const rooms = [{ RoomId: '0', RoomName: 'Default room' }];
  for await (const room of client.rooms({ FamilyId: family.FamilyId })) rooms.push({ ...room, RoomId: String(room.RoomId) });
  $('target-room').replaceChildren(...rooms.map((r) => Object.assign(document.createElement('option'), { value: r.RoomId, textContent: r.RoomName })));
  $('add-form').hidden = false;
  const statuses = list.DeviceList.length ? await client.getDeviceStatuses({ DeviceIds: list.DeviceList.map((d) => d.DeviceId) }) : { DeviceStatuses: [] };
  const online = new Map(statuses.DeviceStatuses.map((s) => [s.DeviceId, s.Online === 1]));
  const cards = await Promise.all(list.DeviceList.map(async (d) => {
    const data = await client.getDeviceData({ ProductId: d.ProductId, DeviceName: d.DeviceName });
    return deviceCard(d, data.DataParsed, online.get(d.DeviceId));
  }));
  // One group per room that has devices (AppGetRoomList + each device's RoomId).
  const groups = rooms.map((room) => {
    const inRoom = cards.filter((c) => (c.dataset.roomId || '0') === room.RoomId);
    if (!inRoom.length) return null;
    const group = document.createElement('section');
    group.className = 'room';
    group.dataset.roomName = room.RoomName;
    group.innerHTML = `<h3>${escape(room.RoomName)} <small>${inRoom.length}</small></h3>`;
    const grid = document.createElement('div');
    grid.className = 'devices';
    grid.append(...inRoom);
    group.append(grid);
    return group;
  }).filter(Boolean);
  if (started !== generation) return;
  $('devices').replaceChildren(...groups);
  if (follow) await showSmart({ client, familyId, devices: list.DeviceList, emulator: Boolean(config && config.emulator), showError });
  if (follow && list.DeviceList.length) await followDevices(list.DeviceList.map((d) => d.DeviceId));
}

async function addRoom() {
  const Name = $('room-name').value.trim();
  if (!Name) return;
  await client.createRoom({ FamilyId: familyId, Name });
  $('room-name').value = '';
  await loadDevices(false);
}

/** The bind-token flow; the demo backend plays the device (the emulator's simulated one). */
async function addDevice() {
  const ProductId = $('product').value;
  const RoomId = $('target-room').value;
  $('add-device').disabled = true;
  try {
    const device = await client.addDeviceWithToken({ FamilyId: familyId, RoomId }, {
      provision: async (token) => {
        $('adding').textContent = `token ${token.slice(0, 6)}… handed to the device; waiting for it to report in`;
        const res = await fetch('/api/provision', { method: 'POST', body: JSON.stringify({ Token: token, ProductId }) });
        if (!res.ok) throw new Error((await res.json()).error.message);
      },
    });
    $('adding').textContent = `added ${device.DeviceId}`;
    await loadDevices(true);
  } finally {
    $('add-device').disabled = false;
  }
}

function deviceCard(device, props, online) {
  const el = document.createElement('div');
  const on = props.power_switch && props.power_switch.Value === 1;
  el.className = `device${on ? ' on' : ''}`;
  el.dataset.deviceId = device.DeviceId;
  el.dataset.roomId = String(device.RoomId ?? '0');
  const icon = device.ProductId.startsWith('LIGHT') ? '💡' : device.ProductId.startsWith('PLUG') ? '🔌' : '🌡️';
  el.innerHTML = `<header><span class="bulb">${icon}</span><span class="name">${escape(device.AliasName)}</span>
    <span class="badge ${online ? '' : 'offline'}">${online ? 'online' : 'offline'}</span></header>
    <div class="id">${escape(device.DeviceId)}</div>`;
  if (props.power_switch) {
    const sw = document.createElement('button');
    sw.className = 'switch';
    sw.setAttribute('role', 'switch');
    sw.setAttribute('aria-checked', String(on));
    sw.setAttribute('aria-label', `power ${device.AliasName}`);
    sw.onclick = () => control(device, { power_switch: on ? 0 : 1 });
    el.append(sw);
  }
  if (props.brightness) {
    const label = document.createElement('label');
    label.textContent = `brightness ${props.brightness.Value}%`;
    const range = Object.assign(document.createElement('input'), { type: 'range', min: 0, max: 100, value: props.brightness.Value });
    range.setAttribute('aria-label', `brightness ${device.AliasName}`);
    range.onchange = () => control(device, { brightness: Number(range.value) });
    label.append(range);
    el.append(label);
  }
  const more = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary details-button', textContent: 'Timers · history · share' });
  more.onclick = () => showDetails(device, props).catch(showError);
  el.append(more);
  const readings = Object.entries(props).filter(([k]) => !['power_switch', 'brightness'].includes(k));
  if (readings.length) {
    const r = document.createElement('div');
    r.className = 'readings';
    r.textContent = readings.map(([k, v]) => `${k}: ${v.Value !== null && typeof v.Value === 'object' ? JSON.stringify(v.Value) : v.Value}`).join(' · ');
    el.append(r);
  }
  return el;
}

// ---- one device: its timers, its last day of history, sharing it (issue 15) ----
let selected = null;
const DAY_MS = 24 * 3600 * 1000;

async function showDetails(device, props) {
  selected = device;
  $('details-card').hidden = false;
  $('details-name').textContent = `${device.AliasName} · ${device.DeviceId}`;
  await Promise.all([loadTimers(), loadHistory(props), loadShares()]);
  $('details-card').scrollIntoView({ block: 'start' });
}

const ref = () => ({ DeviceId: selected.DeviceId });
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

async function loadTimers() {
  const { TimerList } = await client.getTimerList({ ...ref(), Offset: 0, Limit: 50 });
  $('timers').replaceChildren(...TimerList.map((t) => {
    const li = document.createElement('li');
    li.dataset.timerId = t.TimerId;
    const days = [...t.Days].map((bit, i) => (bit === '1' ? dayNames[i] : null)).filter(Boolean).join(' ');
    li.innerHTML = `<span><b>${escape(t.TimePoint)}</b> ${escape(t.TimerName)} <span class="days">${escape(days)}${t.Repeat ? '' : ' · once'}</span></span>
      <span class="muted">${escape(t.Data)} · ${t.Status === 1 ? 'on' : 'off'}</span>`;
    return li;
  }));
  if (!TimerList.length) $('timers').innerHTML = '<li class="muted">No timers yet.</li>';
}

async function addTimer() {
  clearError();
  await client.createTimer({
    ...ref(),
    TimerName: $('timer-name').value.trim(),
    TimePoint: $('timer-time').value.trim(),
    Days: $('timer-weekdays').checked ? '0111110' : '1111111',
    Repeat: 1,
    Data: { power_switch: Number($('timer-action').value) },
  });
  await loadTimers();
}

/** The last day of one numeric property, page by page, as a line. */
async function loadHistory(props) {
  const field = ['temperature', 'brightness', 'humidity', 'power_switch'].find((k) => props[k]) || Object.keys(props)[0];
  $('history-field').textContent = field;
  const now = Date.now();
  const points = [];
  for await (const r of client.deviceDataHistory({ ...ref(), FieldName: field, MinTime: now - DAY_MS, MaxTime: now, pageSize: 10 })) {
    const v = Number(r.Value);
    if (Number.isFinite(v)) points.push([Number(r.Time), v]);
  }
  if (!points.length) {
    $('history').innerHTML = `<div class="summary">No ${escape(field)} reported in the last 24 h.</div>`;
    return;
  }
  const values = points.map((p) => p[1]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (t) => ((t - (now - DAY_MS)) / DAY_MS) * 600;
  const y = (v) => 125 - (hi === lo ? 50 : ((v - lo) / (hi - lo)) * 110);
  const line = points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  $('history').innerHTML = `<svg viewBox="0 0 600 140" preserveAspectRatio="none" role="img" aria-label="${escape(field)} over the last 24 hours">
      <polyline points="${line}" fill="none" stroke="#0a7cff" stroke-width="2"/>
      ${points.map(([t, v]) => `<circle cx="${x(t).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="#0a7cff"/>`).join('')}
    </svg>
    <div class="summary" id="history-summary">${points.length} readings · min ${lo} · max ${hi} · last ${values[values.length - 1]}</div>`;
}

async function loadShares() {
  const { Users } = await client.listShareDeviceUsers({ ...ref(), Offset: 0, Limit: 20 });
  $('shared-with').replaceChildren(...Users.map((u) => {
    const li = document.createElement('li');
    li.dataset.userId = u.UserID;
    li.innerHTML = `<span>shared with <b>${escape(u.NickName || u.UserID)}</b></span><span class="muted">${escape(u.UserID)}</span>`;
    return li;
  }));
  if (!Users.length) $('shared-with').innerHTML = '<li class="muted">Not shared.</li>';
}

/** A share token, which the demo backend hands to its second user (Bob), who binds the device. */
async function share() {
  clearError();
  const { ShareDeviceToken } = await client.createShareDeviceToken({ FamilyId: familyId, ...ref() });
  const res = await fetch('/api/second-user/bind-share', { method: 'POST', body: JSON.stringify({ ShareDeviceToken, DeviceId: selected.DeviceId }) });
  const out = await res.json();
  if (out.error) throw new IotExplorerError(out.error.message, out.error);
  await loadShares();
}

async function control(device, values) {
  clearError();
  try {
    await client.controlDevice({ ProductId: device.ProductId, DeviceName: device.DeviceName, Data: values });
    await loadDevices(false);
  } catch (e) {
    showError(e);
  }
}

async function main() {
  await init();
  config = await (await fetch('/api/config')).json();
  $('where').textContent = config.emulator ? `embedded emulator · ${config.endpoint}` : config.endpoint;
  client = createClient({ getAccessToken, endpoint: config.endpoint, transport: countingTransport() });
  client.onLoginStateChange(renderSession);
  // The push channel's link; after a reconnect the devices' state comes as Resync events, which
  // refresh the list like any push.
  client.onPushState((state) => ($('live').textContent = `live · ${state} ${new Date().toLocaleTimeString()}`));
  ticker = setInterval(renderSession, 1000);
  $('login-form').onsubmit = async (event) => {
    event.preventDefault();
    clearError();
    $('login').disabled = true;
    try {
      await client.logout(); // a new login each time the button is pressed
      await client.login();
      await loadDevices();
    } catch (e) {
      showError(e);
    } finally {
      $('login').disabled = false;
      renderSession();
    }
  };
  $('add-room').onclick = () => addRoom().catch(showError);
  $('add-device').onclick = () => addDevice().catch(showError);
  $('add-timer').onclick = () => addTimer().catch(showError);
  $('share').onclick = () => share().catch(showError);
  wireSmart();
  $('logout').onclick = async () => {
    clearError();
    generation += 1;
    clearTimeout(refreshTimer);
    if (unsubscribe) unsubscribe();
    unsubscribe = null;
    $('live').textContent = '';
    // Cleared first: the session reports "logged out" while logout() is still telling the server.
    $('devices').replaceChildren();
    $('add-form').hidden = true;
    $('details-card').hidden = true;
    hideSmart();
    $('family').textContent = 'Logged out.';
    await client.logout().catch(showError);
    renderSession();
  };
  if (await client.ready()) await loadDevices().catch(showError); // a session restored from localStorage
  renderSession();
  document.body.dataset.ready = 'true';
}

main().catch(showError);
window.addEventListener('beforeunload', () => clearInterval(ticker));
