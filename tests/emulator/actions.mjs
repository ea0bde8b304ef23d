// What each action does in the emulator. A handler gets { body, user, world } and returns the
// response content ({ Data, … } without RequestId), or throws an ApiError.
import { deviceId } from './world.mjs';

export class ApiError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const missing = (name) => new ApiError('ErrorRequiredParamNotFound', `缺少必选参数 ${name}`);
const invalid = (message, code = 'InvalidParameterValue') => new ApiError(code, message);

function required(body, names) {
  for (const name of names) if (body[name] === undefined || body[name] === null) throw missing(name);
}

function str(body, name, { required: need = true } = {}) {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    if (need) throw missing(name);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(`${name} 应为字符串`);
  return v;
}

// "最大值为50" (1081/40803, 40811). The docs do not say what a larger Limit gets; the official
// mini-program SDK sends 100 and the Android app 999, and they work, so it is not refused: the
// page holds at most 50, and Total tells the caller there is more.
const MAX_PAGE = 50;

function paging(body) {
  const Offset = body.Offset === undefined ? 0 : body.Offset;
  const Limit = body.Limit === undefined ? 20 : body.Limit;
  // Int in the docs: a JSON integer, not its text.
  if (!Number.isInteger(Offset) || Offset < 0) throw invalid('Offset 非法');
  if (!Number.isInteger(Limit) || Limit < 1) throw invalid('Limit 非法');
  return { Offset, Limit: Math.min(Limit, MAX_PAGE) };
}

const page = (items, { Offset, Limit }) => items.slice(Offset, Offset + Limit);
const chars = (s) => [...s].length;

// ---- appapi (signed) ----

export const appApi = {
  AppGetTokenByWeiXin({ body, world }) {
    required(body, ['WxOpenID', 'NickName', 'Avatar']);
    const openId = str(body, 'WxOpenID');
    const nick = String(body.NickName);
    if (chars(nick) < 1 || chars(nick) > 20) throw invalid('昵称长度非法', 'InvalidParameterValue.NickNameLengthInvalid');
    let user = world.users.get(world.byOpenId.get(openId));
    if (!user) {
      user = world.createUser({ NickName: nick, Avatar: String(body.Avatar), WxOpenID: openId });
      world.byOpenId.set(openId, user.UserID);
    }
    return { Data: world.issueToken(user.UserID) };
  },

  AppGetToken({ body, world }) {
    const type = str(body, 'Type');
    const password = str(body, 'Password');
    let userId;
    if (type === 'email') userId = world.byEmail.get(emailOf(body));
    else if (type === 'phone') userId = world.byPhone.get(phoneOf(body));
    else throw invalid('Type 取值为 phone 或 email');
    const user = world.users.get(userId);
    if (!user) throw invalid('账号不存在', 'InvalidParameterValue.ErrorUserNotExists');
    // The documented failure wraps the real code in InternalError's message.
    if (user.Password !== password) throw new ApiError('InternalError', 'InvalidParameterValue.UserLoginFailed|用户登录失败');
    return { Data: world.issueToken(user.UserID) };
  },
};

// ---- verification codes and accounts (appapi) ----

const CODE_TTL_SECONDS = 600;
const RESEND_SECONDS = 60;

function phoneOf(body) {
  const country = str(body, 'CountryCode');
  const phone = str(body, 'PhoneNumber');
  if (!/^\d{1,4}$/.test(country) || !/^\d{5,15}$/.test(phone)) throw invalid('号码错误', 'InvalidParameterValue.PhoneNumberInvalid');
  return `${country}:${phone}`;
}

function emailOf(body) {
  const email = str(body, 'Email');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid('邮箱错误');
  return email.toLowerCase();
}

function codeType(body) {
  const type = str(body, 'Type');
  if (type !== 'register' && type !== 'resetpass') throw invalid('Type 取值为 register 或 resetpass');
  return type;
}

function sendCode(world, type, to) {
  const key = `${type}:${to}`;
  const previous = world.codes.get(key);
  if (previous && world.now() - previous.sentAt < RESEND_SECONDS) {
    throw invalid('验证码发送太频繁', 'InvalidParameterValue.SendVerifyCodeTooQuick');
  }
  const code = String(100000 + Math.floor(Math.random() * 900000));
  world.codes.set(key, { code, sentAt: world.now() });
  return { Data: 'OK' };
}

function checkCode(world, type, to, given) {
  const entry = world.codes.get(`${type}:${to}`);
  if (!entry || entry.code !== given || world.now() - entry.sentAt > CODE_TTL_SECONDS) {
    throw invalid('验证码错误');
  }
}

function register(world, index, key, fields) {
  if (index.has(key)) throw invalid('账号已存在');
  const user = world.createUser(fields);
  index.set(key, user.UserID);
  return { Data: { UserID: user.UserID } };
}

function resetPassword(world, index, key, password) {
  const user = world.users.get(index.get(key));
  if (!user) throw invalid('账号不存在', 'InvalidParameterValue.ErrorUserNotExists');
  user.Password = password;
  return { Data: 'OK' };
}

Object.assign(appApi, {
  AppSendVerificationCode: ({ body, world }) => sendCode(world, codeType(body), phoneOf(body)),
  AppSendEmailVerificationCode: ({ body, world }) => sendCode(world, codeType(body), emailOf(body)),
  AppCheckVerificationCode({ body, world }) {
    checkCode(world, codeType(body), phoneOf(body), str(body, 'VerificationCode'));
    return { Data: 'OK' };
  },
  AppCheckEmailVerificationCode({ body, world }) {
    checkCode(world, codeType(body), emailOf(body), str(body, 'VerificationCode'));
    return { Data: 'OK' };
  },
  AppCreateCellphoneUser({ body, world }) {
    const to = phoneOf(body);
    checkCode(world, 'register', to, str(body, 'VerificationCode'));
    const [CountryCode, PhoneNumber] = to.split(':');
    return register(world, world.byPhone, to, { CountryCode, PhoneNumber, Password: str(body, 'Password') });
  },
  AppCreateEmailUser({ body, world }) {
    const to = emailOf(body);
    checkCode(world, 'register', to, str(body, 'VerificationCode'));
    return register(world, world.byEmail, to, { Email: to, Password: str(body, 'Password') });
  },
  AppResetPasswordByCellphone({ body, world }) {
    const to = phoneOf(body);
    checkCode(world, 'resetpass', to, str(body, 'VerificationCode'));
    return resetPassword(world, world.byPhone, to, str(body, 'Password'));
  },
  AppResetPasswordByEmail({ body, world }) {
    const to = emailOf(body);
    checkCode(world, 'resetpass', to, str(body, 'VerificationCode'));
    return resetPassword(world, world.byEmail, to, str(body, 'Password'));
  },
});

// ---- tokenapi (AccessToken) ----

const userView = (u) => ({
  UserID: u.UserID, NickName: u.NickName, Avatar: u.Avatar, PhoneNumber: u.PhoneNumber, CountryCode: u.CountryCode, Email: u.Email,
});

const familyView = (f, userId) => ({
  FamilyId: f.FamilyId, Name: f.Name, Role: f.Owner === userId ? 1 : 0, CreateTime: f.CreateTime, UpdateTime: f.UpdateTime,
});

const deviceView = (d) => ({
  ProductId: d.ProductId, DeviceName: d.DeviceName, DeviceId: deviceId(d), AliasName: d.AliasName, UserID: d.UserID,
  RoomId: d.RoomId, IconUrl: '', CreateTime: d.CreateTime, UpdateTime: d.UpdateTime,
});

function deviceOf({ body, user, world }) {
  const device = world.deviceFor(user.UserID, body);
  if (!device) {
    if (!body.DeviceId) {
      str(body, 'ProductId');
      str(body, 'DeviceName');
    }
    throw invalid('设备不存在');
  }
  return device;
}

export const tokenApi = {
  AppGetUser: ({ user }) => ({ Data: userView(user) }),

  AppUpdateUser({ body, user }) {
    if (body.NickName !== undefined) {
      const nick = String(body.NickName);
      if (chars(nick) < 1 || chars(nick) > 20) throw invalid('昵称长度非法', 'InvalidParameterValue.NickNameLengthInvalid');
      user.NickName = nick;
    }
    if (body.Avatar !== undefined) user.Avatar = String(body.Avatar);
    return { Data: userView(user) };
  },

  AppLogoutUser({ token, world }) {
    world.tokens.delete(token);
    return { Data: 'OK' };
  },

  AppGetFamilyList({ body, user, world }) {
    const families = world.familiesOf(user.UserID).map((f) => familyView(f, user.UserID));
    return { FamilyList: page(families, paging(body)), Total: families.length };
  },

  AppCreateFamily({ body, user, world }) {
    const name = str(body, 'Name');
    if (chars(name) > 20) throw invalid('家庭名称过长');
    const family = world.createFamily(user.UserID, name, str(body, 'Address', { required: false }) || '');
    return { Data: { FamilyId: family.FamilyId } };
  },

  AppGetFamilyDeviceList({ body, user, world }) {
    const familyId = str(body, 'FamilyId');
    const family = world.families.get(familyId);
    if (!family || !family.Members.has(user.UserID)) throw invalid('家庭不存在');
    // Required (1081/40803): "" for every room, "0" for the default room.
    if (body.RoomId === undefined || body.RoomId === null) throw missing('RoomId');
    if (typeof body.RoomId !== 'string') throw invalid('RoomId 应为字符串');
    const room = body.RoomId === '' ? null : body.RoomId;
    const devices = [...world.devices.values()].filter((d) => d.FamilyId === familyId && (room === null || d.RoomId === room));
    return { DeviceList: page(devices, paging(body)).map(deviceView), Total: devices.length };
  },

  AppGetDeviceStatuses({ body, user, world }) {
    const ids = body.DeviceIds;
    if (ids === undefined) throw missing('DeviceIds');
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw invalid('DeviceIds 应为字符串数组');
    if (ids.length > 100) throw invalid('DeviceIds 最多 100 个');
    const statuses = ids.map((id) => world.deviceFor(user.UserID, { DeviceId: id })).filter(Boolean);
    // Online: 1 online, 0 offline (what the official mini-program SDK's push handler uses).
    return {
      DeviceStatuses: statuses.map((d) => ({ DeviceId: deviceId(d), ProductId: d.ProductId, DeviceName: d.DeviceName, Online: d.online ? 1 : 0 })),
    };
  },

  AppGetDeviceData(ctx) {
    const device = deviceOf(ctx);
    return { Data: JSON.stringify(device.props) };
  },

  AppControlDeviceData(ctx) {
    const device = deviceOf(ctx);
    const text = str(ctx.body, 'Data');
    let wanted;
    try {
      wanted = JSON.parse(text);
    } catch {
      throw invalid('Data 不是合法的 JSON');
    }
    if (!wanted || typeof wanted !== 'object' || Array.isArray(wanted)) throw invalid('Data 应为 JSON 对象');
    if (!device.online) throw invalid('设备不在线', 'InvalidParameterValue.DeviceOffline');
    for (const key of Object.keys(wanted)) if (!(key in device.props)) throw invalid(`设备没有属性 ${key}`);
    const at = ctx.world.clock();
    for (const [key, Value] of Object.entries(wanted)) device.props[key] = { Value, LastUpdate: at };
    device.UpdateTime = ctx.world.now();
    ctx.world.onControl?.(device, wanted);
    return { Data: JSON.stringify(Object.fromEntries(Object.keys(wanted).map((k) => [k, device.props[k]]))) };
  },
};
