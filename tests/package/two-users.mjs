// Two users of one emulator, for tests of what runs between users (families, sharing).
import * as sdk from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

/** The emulator and two logged-in users of it, Alice and Bob, each with their own default family. */
export async function twoUsers(t, options = {}) {
  const emulator = await startEmulator(options);
  t.after(() => emulator.close());
  const server = sdk.createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const user = async (NickName) => {
    const openId = `o-${NickName}-${Math.random()}`;
    const client = sdk.createClient({
      getAccessToken: () => server.getTokenByWeiXin({ WxOpenID: openId, NickName, Avatar: `https://a/${NickName}.png` }),
      endpoint: emulator.endpoint,
      push: { replyTimeoutMs: 2000, reconnectMinMs: 50, reconnectMaxMs: 200 },
    });
    t.after(() => client.logout());
    const { Data: { UserID } } = await client.getUser();
    return { client, UserID, FamilyId: await client.defaultFamilyId() };
  };
  return { emulator, alice: await user('Alice'), bob: await user('Bob') };
}

