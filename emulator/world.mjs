// The emulator's in-memory state: users (registered by their first WeChat login), tokens that
// expire, families, rooms and devices with properties.
import { randomBytes } from 'node:crypto';

const LIGHT = 'LIGHT0PROD';
const PLUG = 'PLUG00PROD';
const SENSOR = 'SENSORPROD';

function seedDevices(now) {
  const at = now;
  return [
    { ProductId: LIGHT, DeviceName: 'living_room_light', AliasName: '客厅灯', online: true,
      props: { power_switch: { Value: 0, LastUpdate: at }, brightness: { Value: 60, LastUpdate: at }, color: { Value: 0, LastUpdate: at } } },
    { ProductId: PLUG, DeviceName: 'kitchen_plug', AliasName: 'Kitchen plug', online: true,
      props: { power_switch: { Value: 1, LastUpdate: at } } },
    { ProductId: SENSOR, DeviceName: 'bedroom_sensor', AliasName: 'Bedroom sensor', online: false,
      props: { temperature: { Value: 21.5, LastUpdate: at }, humidity: { Value: 40, LastUpdate: at } } },
  ];
}

/** What the bedroom sensor reported over the last day: every hour, temperature and humidity. */
function sensorDay(now) {
  const log = [];
  for (let h = 23; h >= 0; h--) {
    const Time = now - h * 3600_000;
    log.push({ Time, FieldName: 'temperature', Value: Math.round((21 + 3 * Math.sin((h / 24) * 2 * Math.PI)) * 10) / 10 });
    log.push({ Time, FieldName: 'humidity', Value: 40 + (h % 6) });
  }
  return log;
}

export class World {
  constructor({ clock, tokenTtlSeconds, limits = {} }) {
    this.clock = clock; // () => ms
    this.tokenTtlSeconds = tokenTtlSeconds;
    // Bounds no doc states, the emulator's own, each off unless given (see params.mjs withinLimit).
    this.limits = limits;
    this.users = new Map(); // UserID → user
    this.byOpenId = new Map();
    this.byEmail = new Map();
    this.byPhone = new Map();
    this.tokens = new Map(); // Token → { UserID, ExpireAt }
    this.families = new Map(); // FamilyId → family
    this.devices = new Map(); // "ProductId/DeviceName" → device
    this.codes = new Map(); // "register:86:138…" → { code, sentAt }
    this.factory = new Map(); // "ProductId/DeviceName" → { ProductId, DeviceName, psk }: devices in no family
    this.gatewayLinks = new Map(); // sub-device "ProductId/DeviceName" → its gateway's (the device side's topology)
    this.bindTokens = new Map(); // Token → { UserID, State, ExpireAt, ProductId, DeviceName }
    this.qrSignatures = new Map(); // DeviceSignature → "ProductId/DeviceName"
    this.deviceConfig = new Map(); // "UserID:DeviceId:Key" → value
    this.familyInvites = new Map(); // ShareToken → { FamilyId, ExpireAt }
    this.messages = []; // every user's message center, oldest first (messages.mjs)
    this.shares = new Map(); // "ProductId/DeviceName" → Map(UserID → { BindTime })
    this.dataHistory = new Map(); // "ProductId/DeviceName" → [{ Time (ms), FieldName, Value }]
    this.eventHistory = new Map(); // "ProductId/DeviceName" → [{ TimeStamp (s), EventId, Type, Data }]
    this.firmwareTasks = new Map(); // "ProductId/DeviceName" → { OriVersion, DstVersion, startedAt, fail?, stall? }
    this.firmwarePlans = new Map(); // "ProductId/DeviceName" → { fail?, stall? } for its next upgrade
    this.timers = new Map(); // TimerId → timer (with the device key and when it last ran)
    this.shareTokens = new Map(); // ShareDeviceToken → { key, FromUserId, UserId, ExpireTime, CreateTime, BindTime, TokenContext }
    this.userSettings = new Map(); // UserID → settings (AppGetUserSetting)
    this.tickets = new Map(); // TokenTicket → { UserID, ExpireAt } (one use)
    this.positions = new Map(); // "ProductId/DeviceName" → [{ Longitude, Latitude, at (ms) }] (location.mjs)
    this.fences = new Map(); // FenceId → fence of a device
    this.lastFenceId = 0;
    this.resources = new Map(); // ResourceName → a vendor's file (resources.mjs)
    this.feedback = []; // AppUserFeedBack, newest last
    this.scenes = new Map(); // SceneId → scene (scenes.mjs)
    this.automations = new Map(); // AutomationId → automation (automations.mjs)
    this.runs = []; // scene and automation runs under way (runs.mjs)
    this.runLog = []; // what the runs did, oldest first
    this.counter = 0;
    this.lastMessageId = 0;
    this.publicUrl = ''; // the emulator's own address, once it listens (its signed video addresses)
  }

  /**
   * The device's new property values, as it reports them: after a control (`controlled`: also
   * the control's own push), a timer, a scene, an automation, or on its own. Its state first,
   * then whoever listens (onReport: the history, the pushes, the automations; `cause`: the
   * automations whose run made it, which it does not fire again).
   */
  report(device, params, { controlled = false, cause = [] } = {}) {
    const at = this.clock();
    for (const [key, Value] of Object.entries(params)) device.props[key] = { Value, LastUpdate: at };
    device.UpdateTime = this.now();
    this.onReport?.(device, params, { controlled, cause });
  }

  /**
   * A timer's or a scene's `Data` (JSON text of property values) reaches the device: it takes
   * the properties it has and reports them, as after a control.
   */
  applyData(device, Data, cause = []) {
    const values = Object.fromEntries(Object.entries(JSON.parse(Data)).filter(([k]) => k in device.props));
    this.report(device, values, { controlled: true, cause });
  }

  /** Deletes a user (a cancelled account once its grace is over): logins, tokens, own families and their devices. */
  deleteUser(userId) {
    const user = this.users.get(userId);
    if (!user) return;
    this.users.delete(userId);
    for (const index of [this.byOpenId, this.byEmail, this.byPhone]) for (const [k, v] of index) if (v === userId) index.delete(k);
    for (const [token, t] of this.tokens) if (t.UserID === userId) this.tokens.delete(token);
    for (const family of this.families.values()) family.Members.delete(userId);
    for (const [id, family] of this.families) {
      if (family.Owner !== userId) continue;
      this.families.delete(id);
      for (const [key, d] of this.devices) if (d.FamilyId === id) this.devices.delete(key);
    }
    this.userSettings.delete(userId);
  }

  /** The device posted an event (onEvent: the history, the push, an alert's message). */
  event(device, eventId, params) {
    this.onEvent?.(device, eventId, params);
  }

  /** The ids of a family's members. */
  membersOf(familyId) {
    return [...(this.families.get(familyId)?.Members || [])];
  }

  /** A message id as the doc shows them (digits, "65167410520395776"), increasing. */
  messageId() {
    this.lastMessageId = Math.max(this.lastMessageId + 1, this.clock() * 1000);
    return String(this.lastMessageId);
  }

  /** A device fresh from the factory (in no family), with its PSK (base64) for signatures. */
  makeDevice(ProductId, DeviceName = this.id('dev_')) {
    const key = deviceId({ ProductId, DeviceName });
    if (!this.factory.has(key)) this.factory.set(key, { ProductId, DeviceName, psk: randomBytes(16).toString('base64') });
    return this.factory.get(key);
  }

  /** A gateway fresh from the factory with `count` sub-devices it has bound (the device side's topology). */
  makeGateway(DeviceName = this.id('gw_'), count = 2) {
    const gateway = this.makeDevice('GATEWAYPROD', DeviceName);
    const subDevices = Array.from({ length: count }, (_, i) => this.makeDevice('DOORSNSPROD', `${gateway.DeviceName}_door${i + 1}`));
    for (const sub of subDevices) this.gatewayLinks.set(deviceId(sub), deviceId(gateway));
    return { gateway, subDevices };
  }

  /**
   * The simulated device took the bind token over Wi-Fi/BLE: it reports in with it after
   * `delayMs` (State 2, naming itself). Resolves to whether the service knew the token.
   */
  provision(Token, { ProductId = 'LIGHT0PROD', DeviceName, delayMs = 300 } = {}) {
    const device = this.makeDevice(ProductId, DeviceName);
    return new Promise((resolve) => {
      setTimeout(() => {
        const entry = this.bindTokens.get(Token);
        if (!entry) return resolve(false);
        if (entry.multi) this.onMultiTokenReport?.(entry, deviceId(device));
        else Object.assign(entry, { State: 2, ProductId: device.ProductId, DeviceName: device.DeviceName });
        resolve(true);
      }, delayMs);
    });
  }

  /** The signature a device's QR code carries for AppSecureAddDeviceInFamily (opaque to apps). */
  qrSignature(ProductId, DeviceName) {
    const device = this.makeDevice(ProductId, DeviceName);
    const signature = randomBytes(24).toString('base64');
    this.qrSignatures.set(signature, deviceId(device));
    return signature;
  }

  now() {
    return Math.floor(this.clock() / 1000);
  }

  id(prefix) {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36)}${randomBytes(3).toString('hex')}`;
  }

  /** An opaque token of `length` characters (a share, a ticket, a bind token): an id padded with zeros. */
  token(prefix, length = 32) {
    return this.id(prefix).padEnd(length, '0').slice(0, length);
  }

  createUser(fields) {
    const user = { UserID: this.id('u_'), NickName: '', Avatar: '', PhoneNumber: '', CountryCode: '', Email: '', ...fields };
    this.users.set(user.UserID, user);
    const familyId = this.createFamily(user.UserID, '我的家', '').FamilyId;
    for (const d of seedDevices(this.clock())) {
      const device = { ...d, FamilyId: familyId, RoomId: '0', UserID: user.UserID, CreateTime: this.now(), UpdateTime: this.now() };
      // Devices are global in the real service; seed a copy per user so users never share state.
      device.DeviceName = `${d.DeviceName}_${user.UserID.slice(2, 8)}`;
      this.devices.set(deviceId(device), device);
      if (d.ProductId === SENSOR) this.dataHistory.set(deviceId(device), sensorDay(this.clock()));
    }
    return user;
  }

  createFamily(userId, name, address) {
    const family = { FamilyId: this.id('f_'), Name: name, Address: address, Owner: userId, Members: new Set([userId]), Rooms: new Map(), CreateTime: this.now(), UpdateTime: this.now() };
    this.families.set(family.FamilyId, family);
    return family;
  }

  issueToken(userId) {
    const Token = randomBytes(24).toString('hex');
    const ExpireAt = this.now() + this.tokenTtlSeconds;
    this.tokens.set(Token, { UserID: userId, ExpireAt });
    return { Token, ExpireAt };
  }

  /** The user of a token, or null when it is unknown, revoked or expired. */
  userOf(token) {
    const t = this.tokens.get(token);
    if (!t) return null;
    if (t.ExpireAt <= this.now()) {
      this.tokens.delete(token);
      return null;
    }
    return this.users.get(t.UserID) || null;
  }

  /** A user's settings: the four push flags as the doc's example has them, until changed. */
  settingsOf(userId) {
    if (!this.userSettings.has(userId)) {
      this.userSettings.set(userId, { EnableWechatPush: 1, EnableDeviceMessagePush: 0, EnableFamilyMessagePush: 0, EnableNotifyMessagePush: 0, TemperatureUnit: 'C', Region: 'ap-guangzhou' });
    }
    return this.userSettings.get(userId);
  }

  familiesOf(userId) {
    return [...this.families.values()].filter((f) => f.Members.has(userId));
  }

  /** A device the user may see, by ProductId+DeviceName or DeviceId "PID/name". */
  deviceFor(userId, { ProductId, DeviceName, DeviceId }) {
    const key = DeviceId || `${ProductId}/${DeviceName}`;
    const device = this.devices.get(key);
    if (!device) return null;
    const family = this.families.get(device.FamilyId);
    if (family && family.Members.has(userId)) return device;
    // A device shared with the user (AppBindUserShareDevice) can be read and controlled too.
    return this.shares.get(key)?.has(userId) ? device : null;
  }
}

export const deviceId = (d) => `${d.ProductId}/${d.DeviceName}`;
