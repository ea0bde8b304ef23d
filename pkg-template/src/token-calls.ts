// AccessToken calls: each attempt a new request (its own RequestId, as the official clients
// send them), retried when safe, with the session's token; a token the server refuses is
// replaced by a new login and the call sent once more.
import type { Core } from './core.js';
import { IotExplorerError } from './errors.js';
import { refusedTokenHint } from './hints.js';
import { newRequestId } from './request-id.js';
import { type RetryPolicy, withRetry } from './retry.js';
import type { Session } from './session.js';
import { apiUrl, naming, send, type Transport } from './transport.js';
import type { ApiResponse, Params } from './types.js';

export interface TokenCallsOptions {
  core: Core;
  transport: Transport;
  endpoint: string | undefined;
  timeoutMs: number;
  policy: RetryPolicy;
  session: Session;
  /** Null once the wasm is loaded; else a promise that settles when it is (or fails). */
  loaded(): Promise<void> | null;
}

export interface TokenCalls {
  /** Sends `action` with the session's token (logging in first when needed); `prepare` as a typed method. */
  call(action: string, params: Params | undefined, prepare: boolean): Promise<ApiResponse>;
  /** Sends `action` with this token, once logged out (AppLogoutUser). */
  callWith(action: string, params: Params, token: string): Promise<ApiResponse>;
}

export function tokenCalls({ core, transport, endpoint, timeoutMs, policy, session, loaded }: TokenCallsOptions): TokenCalls {
  const withToken = (action: string, params: Params | undefined, accessToken: string, prepare: boolean) =>
    withRetry(
      () => core.isIdempotent(action),
      policy,
      async () => {
        const request = core.buildTokenApiRequest({ action, params, accessToken, endpoint, requestId: newRequestId() }, prepare);
        const res = await send(transport, request, timeoutMs);
        return core.parseActionResponse(action, res.status, res.body);
      },
    );
  const url = apiUrl(core, endpoint, 'tokenapi');

  async function call(action: string, params: Params | undefined, prepare: boolean): Promise<ApiResponse> {
    const generation = session.generation;
    const waiting = loaded();
    if (waiting) await waiting;
    const token = await session.accessToken();
    try {
      return await withToken(action, params, token, prepare);
    } catch (e) {
      // After a logout, a refused token is the logout's doing: no login again. (An error from or
      // for want of a response names the URL.)
      if (!(e instanceof IotExplorerError) || !e.isAuthError || generation !== session.generation) throw naming(e, url);
      // The server no longer accepts this token: log in again and retry once.
      const fresh = await session.replace(token);
      try {
        return await withToken(action, params, fresh, prepare);
      } catch (again) {
        throw again instanceof IotExplorerError && again.isAuthError ? refusedTokenHint(again) : again;
      }
    }
  }

  return { call, callWith: (action, params, token) => withToken(action, params, token, false) };
}
