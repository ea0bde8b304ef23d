// Two users of one emulator, for tests of what runs between users (families, sharing).
import { emulatorFor, userOf } from './emulated.mjs';

/** The emulator and two logged-in users of it, Alice and Bob, each with their own default family. */
export async function twoUsers(t, options = {}) {
  const emulator = await emulatorFor(t, options);
  const user = async (NickName) => {
    const client = userOf(t, emulator, { NickName, clientOptions: { push: { replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 } } });
    const { Data: { UserID } } = await client.getUser();
    return { client, UserID, FamilyId: await client.defaultFamilyId() };
  };
  return { emulator, alice: await user('Alice'), bob: await user('Bob') };
}

