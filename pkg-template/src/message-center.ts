// The message center read item by item (newest first, paged by the last message's MsgID and
// MsgTimestamp), and an invitation in it accepted: a family invitation (MsgType 204, family
// category) joins the family, a device-share invitation (301, notify category) binds the shared
// device, each with the message's Attachments.ShareToken, as the official apps do.
import { invalidInput } from './errors.js';
import type { AppBindUserShareDeviceResult, AppGetMessagesResult, AppJoinFamilyResult, TypedClientMethods } from './generated/actions.js';
import { cursorItems, pageSizeOf } from './iterators.js';

/** A message of AppGetMessages. */
export type Message = AppGetMessagesResult['Data']['Msgs'][number];

/** What accepting an invitation did: joined a family, or took a shared device. */
export type Accepted = { joined: AppJoinFamilyResult; FamilyId: string | null } | { bound: AppBindUserShareDeviceResult; DeviceId: string };

/** What `messages()` takes: the category (1 device, 2 family, 3 notify) and the page size (default 20, at most 100). */
export interface MessageListOptions {
  Category: 1 | 2 | 3;
  pageSize?: number;
}

// "最大返回条数，最大不超过100" (1081/40794).
const MAX_PAGE = 100;

export async function* messages(methods: Pick<TypedClientMethods, 'getMessages'>, options: MessageListOptions): AsyncGenerator<Message, void, undefined> {
  const { Category, pageSize } = options || ({} as Partial<MessageListOptions>);
  const Limit = Math.min(pageSizeOf(pageSize, 20), MAX_PAGE);
  const page = async (after: Message | null) => {
    const cursor = after ? { MsgID: after.MsgID, MsgTimestamp: after.MsgTimestamp ?? undefined } : {};
    return (await methods.getMessages({ Category: Category as 1 | 2 | 3, Limit, ...cursor })).Data.Msgs;
  };
  yield* cursorItems(page, Limit, (message) => String(message.MsgID));
}

export async function acceptInvitation(methods: Pick<TypedClientMethods, 'joinFamily' | 'bindUserShareDevice'>, message: Message): Promise<Accepted> {
  const token = message && message.Attachments ? message.Attachments.ShareToken : null;
  if (!message || typeof token !== 'string' || !token) throw invalidInput('message', 'the message carries no invitation (no Attachments.ShareToken)');
  // The iOS app tells them apart by MsgType, the Android app by Category.
  if (message.MsgType === 204 || (message.MsgType !== 301 && message.Category === 2)) {
    return { joined: await methods.joinFamily({ ShareToken: token }), FamilyId: message.FamilyId ?? null };
  }
  if (message.MsgType === 301 || message.Category === 3) {
    const { ProductId, DeviceName } = message;
    if (!ProductId || !DeviceName) throw invalidInput('message', 'the device-share invitation names no device (ProductId, DeviceName)');
    return { bound: await methods.bindUserShareDevice({ ShareDeviceToken: token, ProductId, DeviceName }), DeviceId: `${ProductId}/${DeviceName}` };
  }
  throw invalidInput('message', `message type ${message.MsgType} is not an invitation (204: a family, 301: a shared device)`);
}
