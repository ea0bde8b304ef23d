// The high-level clients: build → send (the caller's transport) → parse, plus the session that
// keeps an access token fresh for the app side.
import { IotExplorerError, toIotExplorerError } from './errors.js';
import { Session } from './session.js';

export const DEFAULT_TIMEOUT_MS = 10000;

/** Calls the transport and checks that it answered `{ status, body }` with a text body. */
async function send(transport, request, timeoutMs) {
  let res;
  try {
    res = await transport({ ...request, timeoutMs });
  } catch (e) {
    throw toIotExplorerError(e, 'Transport');
  }
  if (!res || typeof res.status !== 'number' || typeof res.body !== 'string') {
    throw new IotExplorerError('the transport must resolve to { status: number, body: string }', {
      kind: 'Transport',
    });
  }
  return res;
}

export function makeClients(core, platform) {
  /** For servers and cloud functions: holds the AppSecret and signs `appapi` calls. */
  function createServerClient(options = {}) {
    platform.assertAppSecretAllowed();
    const { appKey, appSecret, endpoint, signing, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    const transport = options.transport || platform.defaultTransport();
    const sendSigned = (action, params, callOptions = {}) => {
      const request = core.buildAppApiRequest({ action, params, appKey, appSecret, endpoint, signing, ...callOptions });
      return send(transport, request, timeoutMs);
    };
    return {
      /** Any signed action; resolves to the inside of the response ({ RequestId, Data?, … }). */
      async call(action, params = {}, callOptions) {
        const res = await sendSigned(action, params, callOptions);
        return core.parseResponse(res.status, res.body);
      },
      /** WeChat login: { WxOpenID, NickName, Avatar } → { Token, ExpireAt, RequestId }. */
      async getTokenByWeiXin({ WxOpenID, NickName, Avatar } = {}, callOptions) {
        const res = await sendSigned('AppGetTokenByWeiXin', { WxOpenID, NickName, Avatar }, callOptions);
        return core.parseLoginResponse(res.status, res.body);
      },
    };
  }

  /** For the app side: AccessToken calls, with the token fetched, stored and refreshed for you. */
  function createClient(options = {}) {
    const { endpoint, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    const transport = options.transport || platform.defaultTransport();
    const session = new Session({ storage: platform.defaultStorage(), ...options });
    const sendToken = async (action, params, accessToken) => {
      const request = core.buildTokenApiRequest({ action, params, accessToken, endpoint });
      const res = await send(transport, request, timeoutMs);
      return core.parseResponse(res.status, res.body);
    };
    const client = {
      /** Any AccessToken action; the token is added for you. */
      async call(action, params = {}) {
        const token = await session.accessToken();
        try {
          return await sendToken(action, params, token);
        } catch (e) {
          if (!(e instanceof IotExplorerError) || !e.isAuthError) throw e;
          // The server no longer accepts this token: log in again and retry once.
          const fresh = await session.replace(token);
          return sendToken(action, params, fresh);
        }
      },
      /** Resolves once the stored session (if any) is restored: true when logged in. */
      ready: () => session.restored.then(() => session.loggedIn),
      /** Logs in now (normally done on the first call). */
      login: () => session.accessToken().then(() => undefined),
      /** Tells the server (`AppLogoutUser`, best effort) and forgets the token. */
      async logout() {
        const token = await session.currentToken();
        try {
          if (token) await sendToken('AppLogoutUser', {}, token);
        } finally {
          await session.clear();
        }
      },
      onLoginStateChange: (listener) => session.onChange(listener),
      get loggedIn() {
        return session.loggedIn;
      },
      get expireAt() {
        return session.expireAt;
      },
    };
    return client;
  }

  return { createServerClient, createClient };
}
