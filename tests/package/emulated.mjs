// What the tests against the emulator share: an emulator that closes when the test ends, and
// users logged in to it through the package (the server client signs their WeChat login), each
// logged out when the test ends.
import { createClient, createServerClient } from 'iot-explorer-app';
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from '../../emulator/server.mjs';

export async function emulatorFor(t, options) {
  const emulator = await startEmulator(options);
  t.after(() => emulator.close());
  return emulator;
}

/** A new user of `emulator` (a WxOpenID of its own) and its client; `clientOptions` go to createClient. */
export function userOf(t, emulator, { NickName = 'Tester', clientOptions = {} } = {}) {
  const server = createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const WxOpenID = `o-${NickName}-${Math.random()}`;
  const client = createClient({
    endpoint: emulator.endpoint,
    ...clientOptions,
    getAccessToken: () => server.getTokenByWeiXin({ WxOpenID, NickName, Avatar: `https://a/${NickName}.png` }),
  });
  t.after(() => client.logout());
  return client;
}

/** → { emulator, client, FamilyId }: an emulator of its own (`emulatorOptions`) and one user of it. */
export async function loggedIn(t, { emulatorOptions, ...user } = {}) {
  const emulator = await emulatorFor(t, emulatorOptions);
  const client = userOf(t, emulator, user);
  return { emulator, client, FamilyId: await client.defaultFamilyId() };
}
