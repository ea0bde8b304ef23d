// What the provisioning tests share: an emulator and a client of the package logged in to it,
// both gone when the test ends, and the user's default family.
import { createClient, createServerClient } from 'iot-explorer-app';
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from '../../emulator/server.mjs';

/** → { emulator, client, FamilyId }; `clientOptions` go to createClient (a transport, retry…). */
export async function loggedIn(t, { emulatorOptions = {}, clientOptions = {} } = {}) {
  const emulator = await startEmulator(emulatorOptions);
  t.after(() => emulator.close());
  const server = createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const WxOpenID = `o-provisioning-${Math.random()}`;
  const client = createClient({ endpoint: emulator.endpoint, ...clientOptions, getAccessToken: () => server.getTokenByWeiXin({ WxOpenID, NickName: 'Provisioner', Avatar: '' }) });
  t.after(() => client.logout());
  return { emulator, client, FamilyId: await client.defaultFamilyId() };
}
