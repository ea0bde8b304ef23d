// The message center (1081/40794, 40795): what the rest of the emulator posts to a user, read
// newest first a page at a time. Category 1 device, 2 family, 3 notify; the message types as the
// official apps read them (1081/40780, which lists them, is not retrievable): 101 a device's
// alert, 200 a member joined, 201 left, 204 a family invitation, 300 a share accepted, 301 a
// device-share invitation, 302 a scene's or an automation's notification.
import { integer, invalid, missing } from './params.mjs';
import { templateOf } from './products.mjs';

const KINDS = {
  alert: [1, 101],
  memberJoined: [2, 200],
  memberLeft: [2, 201],
  familyInvitation: [2, 204],
  shareAccepted: [3, 300],
  shareInvitation: [3, 301],
  notice: [3, 302],
};

// Memory stays bounded: the oldest messages go first.
const MAX_MESSAGES = 10_000;
// "最大返回条数，最大不超过100": a larger Limit gets 100 (what the service does with more is not documented).
const MAX_PAGE = 100;

/** Posts a message of `kind` (a key of KINDS) to the user; `fields` as AppGetMessages lists them. */
export function postMessage(world, UserID, kind, fields) {
  const [Category, MsgType] = KINDS[kind];
  const at = world.clock();
  world.messages.push({
    UserID, FromUserID: '', MsgID: world.messageId(), Category, MsgType, MsgTitle: '', MsgContent: '', MsgTimestamp: at,
    ProductId: '', DeviceName: '', DeviceAlias: '', FamilyId: '', FamilyName: '', RelateUserID: '', CreateAt: new Date(at).toISOString(),
    ...fields,
  });
  if (world.messages.length > MAX_MESSAGES) world.messages.splice(0, world.messages.length - MAX_MESSAGES);
}

/** Posts the message to every member of the family. */
export function postToFamily(world, FamilyId, kind, fields) {
  const family = world.families.get(FamilyId);
  for (const member of world.membersOf(FamilyId)) postMessage(world, member, kind, { FamilyId, FamilyName: family.Name, ...fields });
}

/** A device posted an event: an alert (its type in the data template) is a 101 message to its family. */
export function deviceEvent(world, device, { EventId, Type, Data }) {
  if (Type !== 'alert' || !world.families.has(device.FamilyId)) return;
  const template = templateOf(device.ProductId);
  const name = (template.events || []).find((e) => e.id === EventId)?.name || EventId;
  postToFamily(world, device.FamilyId, 'alert', {
    MsgTitle: name, MsgContent: `“${device.AliasName}”告警“${name}”：${Data}`, ProductId: device.ProductId, DeviceName: device.DeviceName, DeviceAlias: device.AliasName,
  });
}

/** An id given as its text or as a number (40795's example sends a number). */
function idOf(body, name, required) {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    if (required) throw missing(name);
    return null;
  }
  if (!(typeof v === 'string' && /^\d+$/.test(v)) && !Number.isInteger(v)) throw invalid('消息 ID 非法。', 'InvalidParameterValue.MsgIDInvalid');
  return String(v);
}

export const messageActions = {
  AppGetMessages({ body, user, world }) {
    const Category = integer(body, 'Category');
    if (![1, 2, 3].includes(Category)) throw invalid('Category 取值为 1、2、3');
    const Limit = Math.min(integer(body, 'Limit', { min: 1, fallback: 20 }), MAX_PAGE);
    const MsgID = idOf(body, 'MsgID', false);
    const MsgTimestamp = integer(body, 'MsgTimestamp', { fallback: 0 });
    const mine = world.messages.filter((m) => m.UserID === user.UserID && m.Category === Category).reverse();
    // After the message named (the next page), else older than the timestamp, else the newest.
    const at = MsgID === null ? -1 : mine.findIndex((m) => m.MsgID === MsgID);
    const rest = at >= 0 ? mine.slice(at + 1) : MsgTimestamp > 0 ? mine.filter((m) => m.MsgTimestamp < MsgTimestamp) : mine;
    const Msgs = rest.slice(0, Limit);
    return { Data: { Listover: rest.length <= Limit, Msgs } };
  },
  AppDeleteMessage({ body, user, world }) {
    const MsgID = idOf(body, 'MsgID', true);
    const i = world.messages.findIndex((m) => m.UserID === user.UserID && m.MsgID === MsgID);
    if (i < 0) throw invalid('消息 ID 非法。', 'InvalidParameterValue.MsgIDInvalid');
    world.messages.splice(i, 1);
    return { Data: 'OK' };
  },
};
