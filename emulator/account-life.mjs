// The logged-in user's account beyond its profile, as the official apps use it (no page shows
// these): finding a user to invite or share with, changing the password, deleting the account
// with its 7-day grace (a login before then revokes it), feedback, the one-time ticket H5 pages
// are opened with, and two signed look-ups (global configuration, the app's latest version).
import { ApiError, invalid, text } from './params.mjs';

// "如需撤销，请在7日内登录" (both apps): a login within 7 days revokes a cancellation.
const CANCEL_GRACE_SECONDS = 7 * 24 * 3600;
// Not documented: how long a TokenTicket lives (the iOS app asks for a new one for each page).
const TICKET_TTL_SECONDS = 300;
const MAX_FEEDBACK = 1000;
const LATEST_VERSION = '2.6.0';

const notExists = () => invalid('账号不存在', 'InvalidParameterValue.ErrorUserNotExists');

/** The user of `userId`, unless the account was cancelled more than 7 days ago (it is gone then). */
export function existingUser(world, userId) {
  const user = world.users.get(userId);
  if (user && user.cancelRequestedAt !== undefined && world.now() - user.cancelRequestedAt >= CANCEL_GRACE_SECONDS) {
    world.deleteUser(user.UserID);
    return undefined;
  }
  return user;
}

/** A login's grant: a token, and the time of a cancellation this login revoked (CancelAccountTime). */
export function loginGrant(world, user) {
  const grant = world.issueToken(user.UserID);
  if (user.cancelRequestedAt === undefined) return grant;
  const CancelAccountTime = user.cancelRequestedAt;
  delete user.cancelRequestedAt;
  return { ...grant, CancelAccountTime };
}

const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)$/;
const olderThan = (given, latest) => {
  const [a, b] = [VERSION_PATTERN.exec(given), VERSION_PATTERN.exec(latest)];
  if (!a || !b) return true;
  for (let i = 1; i <= 3; i++) if (Number(a[i]) !== Number(b[i])) return Number(a[i]) < Number(b[i]);
  return false;
};

const REGIONS = [
  ['Asia/Shanghai', '北京', 'Beijing'],
  ['Asia/Hong_Kong', '香港', 'Hong Kong'],
  ['Asia/Singapore', '新加坡', 'Singapore'],
  ['Europe/London', '伦敦', 'London'],
  ['America/New_York', '纽约', 'New York'],
];
const CONFIGS = {
  RegionListCN: JSON.stringify(REGIONS.map(([TZ, Title]) => ({ TZ, Title }))),
  RegionListEN: JSON.stringify(REGIONS.map(([TZ, , Title]) => ({ TZ, Title }))),
};

/** tokenapi */
export const accountLifeActions = {
  AppFindUser({ body, world }) {
    const type = text(body, 'Type');
    let key;
    if (type === 'phone') key = world.byPhone.get(`${text(body, 'CountryCode')}:${text(body, 'PhoneNumber')}`);
    else if (type === 'email') key = world.byEmail.get(text(body, 'Email').toLowerCase());
    else throw invalid('Type 取值为 phone 或 email');
    const found = existingUser(world, key);
    if (!found) throw notExists();
    return { Data: { UserID: found.UserID } };
  },
  AppUserResetPassword({ body, user }) {
    const current = text(body, 'Password');
    const next = text(body, 'NewPassword');
    if (user.Password === undefined || user.Password !== current) throw invalid('原密码错误');
    user.Password = next;
    return {};
  },
  AppUserCancelAccount({ user, world }) {
    user.cancelRequestedAt = world.now();
    return {};
  },
  AppUserFeedBack({ body, user, world }) {
    const entry = { UserID: user.UserID, Type: text(body, 'Type'), Desc: text(body, 'Desc'), Contact: text(body, 'Contact', { required: false, empty: true }) ?? '' };
    entry.LogUrl = text(body, 'LogUrl', { required: false, empty: true }) ?? '';
    world.feedback.push(entry);
    if (world.feedback.length > MAX_FEEDBACK) world.feedback.shift();
    return {};
  },
  AppGetTokenTicket({ user, world }) {
    const TokenTicket = world.token('tt_');
    world.tickets.set(TokenTicket, { UserID: user.UserID, ExpireAt: world.now() + TICKET_TTL_SECONDS });
    return { TokenTicket };
  },
};

/** appapi (signed, no AccessToken) */
export const accountLifeAppApi = {
  AppCheckInTokenTicket({ body, world }) {
    const TokenTicket = text(body, 'TokenTicket');
    const ticket = world.tickets.get(TokenTicket);
    world.tickets.delete(TokenTicket); // one use
    const user = ticket && ticket.ExpireAt > world.now() ? existingUser(world, ticket.UserID) : undefined;
    if (!user) throw invalid('TokenTicket 无效或已过期');
    return { Data: world.issueToken(user.UserID) };
  },
  AppGetGlobalConfig({ body }) {
    const keys = text(body, 'Keys').split(',').map((k) => k.trim());
    return { Configs: keys.filter((Key) => Object.hasOwn(CONFIGS, Key)).map((Key) => ({ Key, Value: CONFIGS[Key] })) };
  },
  AppGetLatestVersion({ body }) {
    const platform = text(body, 'AppPlatform');
    if (body.Channel !== undefined && !Number.isInteger(body.Channel)) throw new ApiError('InvalidParameterValue', 'Channel 应为整数');
    const given = text(body, 'ClientVersion', { required: false }) ?? '';
    if (given && !olderThan(given, LATEST_VERSION)) return {};
    return {
      VersionInfo: {
        Title: `v${LATEST_VERSION}`, AppVersion: LATEST_VERSION, DownloadURL: `https://example.com/app-${platform}-${LATEST_VERSION}`,
        PackageSize: 52_428_800, Content: 'Scenes and automations', ReleaseTime: 1796000000, Channel: 0, UpgradeType: 0,
      },
    };
  },
};
