// Accounts: the logins (signed, appapi), verification codes and registration, and the user's own
// account (tokenapi). A handler gets { body, user, world } and returns the response content, or
// throws an ApiError.
import { accountLifeAppApi, existingUser, loginGrant } from './account-life.mjs';
import { ApiError, chars, invalid, required, text } from './params.mjs';

// Not documented: how long a verification code lives, and how soon another may be sent.
const CODE_TTL_SECONDS = 600;
const RESEND_SECONDS = 60;

/** 1 to 20 characters (InvalidParameterValue.NickNameLengthInvalid, 1081/40781). */
function nickName(value) {
  const nick = String(value);
  if (chars(nick) < 1 || chars(nick) > 20) throw invalid('昵称长度非法', 'InvalidParameterValue.NickNameLengthInvalid');
  return nick;
}

function phoneOf(body) {
  const country = text(body, 'CountryCode');
  const phone = text(body, 'PhoneNumber');
  if (!/^\d{1,4}$/.test(country) || !/^\d{5,15}$/.test(phone)) throw invalid('号码错误', 'InvalidParameterValue.PhoneNumberInvalid');
  return `${country}:${phone}`;
}

function emailOf(body) {
  const email = text(body, 'Email');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid('邮箱错误', 'InvalidParameterValue.EmailInvalid');
  return email.toLowerCase();
}

/** register, resetpass (1081/40785), login (56316; the Android app's SMS login). */
function codeType(body) {
  const type = text(body, 'Type');
  if (!['register', 'resetpass', 'login'].includes(type)) throw invalid('Type 取值为 register、resetpass 或 login');
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
    throw invalid('验证码错误', 'InvalidParameterValue.CheckVerifyCodeFailed');
  }
}

function register(world, index, key, fields) {
  if (existingUser(world, index.get(key))) throw invalid('账号已存在');
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

/** The signed (appapi) actions. */
export const appApi = {
  AppGetTokenByWeiXin({ body, world }) {
    required(body, ['WxOpenID', 'NickName', 'Avatar']);
    const openId = text(body, 'WxOpenID');
    const nick = nickName(body.NickName);
    let user = existingUser(world, world.byOpenId.get(openId));
    if (!user) {
      user = world.createUser({ NickName: nick, Avatar: String(body.Avatar), WxOpenID: openId });
      world.byOpenId.set(openId, user.UserID);
    }
    return { Data: loginGrant(world, user) };
  },
  AppGetToken({ body, world }) {
    const type = text(body, 'Type');
    const password = text(body, 'Password');
    let userId;
    if (type === 'email') userId = world.byEmail.get(emailOf(body));
    else if (type === 'phone') userId = world.byPhone.get(phoneOf(body));
    else throw invalid('Type 取值为 phone 或 email');
    const user = existingUser(world, userId);
    if (!user) throw invalid('账号不存在', 'InvalidParameterValue.ErrorUserNotExists');
    // The documented failure wraps the real code in InternalError's message.
    if (user.Password !== password) throw new ApiError('InternalError', 'InvalidParameterValue.UserLoginFailed|用户登录失败');
    return { Data: loginGrant(world, user) };
  },
  AppSendVerificationCode: ({ body, world }) => sendCode(world, codeType(body), phoneOf(body)),
  AppSendEmailVerificationCode: ({ body, world }) => sendCode(world, codeType(body), emailOf(body)),
  AppCheckVerificationCode({ body, world }) {
    checkCode(world, codeType(body), phoneOf(body), text(body, 'VerificationCode'));
    return { Data: 'OK' };
  },
  AppCheckEmailVerificationCode({ body, world }) {
    checkCode(world, codeType(body), emailOf(body), text(body, 'VerificationCode'));
    return { Data: 'OK' };
  },
  AppCreateCellphoneUser({ body, world }) {
    const to = phoneOf(body);
    checkCode(world, 'register', to, text(body, 'VerificationCode'));
    const [CountryCode, PhoneNumber] = to.split(':');
    return register(world, world.byPhone, to, { CountryCode, PhoneNumber, Password: text(body, 'Password') });
  },
  AppCreateEmailUser({ body, world }) {
    const to = emailOf(body);
    checkCode(world, 'register', to, text(body, 'VerificationCode'));
    return register(world, world.byEmail, to, { Email: to, Password: text(body, 'Password') });
  },
  AppResetPasswordByCellphone({ body, world }) {
    const to = phoneOf(body);
    checkCode(world, 'resetpass', to, text(body, 'VerificationCode'));
    return resetPassword(world, world.byPhone, to, text(body, 'Password'));
  },
  AppResetPasswordByEmail({ body, world }) {
    const to = emailOf(body);
    checkCode(world, 'resetpass', to, text(body, 'VerificationCode'));
    return resetPassword(world, world.byEmail, to, text(body, 'Password'));
  },
  ...accountLifeAppApi,
};

const userView = (u) => ({
  UserID: u.UserID, NickName: u.NickName, Avatar: u.Avatar, PhoneNumber: u.PhoneNumber, CountryCode: u.CountryCode, Email: u.Email,
});

/** The user's own account (tokenapi). */
export const accountActions = {
  AppGetUser: ({ user }) => ({ Data: userView(user) }),
  AppUpdateUser({ body, user }) {
    if (body.NickName !== undefined) user.NickName = nickName(body.NickName);
    if (body.Avatar !== undefined) user.Avatar = String(body.Avatar);
    return { Data: userView(user) };
  },
  AppGetUserSetting: ({ user, world }) => ({ UserSetting: world.settingsOf(user.UserID) }),
  AppUpdateUserSetting({ body, user, world }) {
    // The page makes the four flags required; both official apps send one setting at a time
    // (TemperatureUnit, Region): each left out stays as it is.
    const settings = world.settingsOf(user.UserID);
    const changes = {};
    for (const name of ['EnableWechatPush', 'EnableDeviceMessagePush', 'EnableFamilyMessagePush', 'EnableNotifyMessagePush']) {
      if (body[name] === undefined) continue;
      if (body[name] !== 0 && body[name] !== 1) throw invalid(`${name} 取值为 0 或 1`);
      changes[name] = body[name];
    }
    if (body.TemperatureUnit !== undefined && body.TemperatureUnit !== 'C' && body.TemperatureUnit !== 'F') throw invalid('TemperatureUnit 取值为 C 或 F');
    if (body.TemperatureUnit !== undefined) changes.TemperatureUnit = body.TemperatureUnit;
    if (body.Region !== undefined) changes.Region = text(body, 'Region');
    Object.assign(settings, changes);
    return {};
  },
  AppLogoutUser({ token, world }) {
    world.tokens.delete(token);
    return { Data: 'OK' };
  },
};
