// The official demo's "login" cloud function, run in the host with the package's Node build: the
// only place that holds the AppSecret. The mini-program gets the grant as JSON, as it would from
// wx.cloud.callFunction.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { REPO } from './sandbox.mjs';

export const AVATAR = 'https://example.com/avatar.png';

/** → { getAccessToken, grants }: getAccessToken logs `WxOpenID` in; grants lists what it got. */
export function cloudFunction(endpoint, WxOpenID, NickName = 'mini-program') {
  const { createServerClient } = createRequire(import.meta.url)(join(REPO, 'pkg', 'dist', 'node.cjs'));
  const server = createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint });
  const grants = [];
  const getAccessToken = async () => {
    const grant = await server.getTokenByWeiXin({ WxOpenID, NickName, Avatar: AVATAR });
    grants.push(grant);
    return JSON.parse(JSON.stringify(grant));
  };
  return { getAccessToken, grants };
}
