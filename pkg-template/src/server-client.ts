// The server-side client, for servers and cloud functions: holds the AppSecret and signs
// `appapi` calls, each attempt anew (its own RequestId, Timestamp and Nonce: the service
// refuses a replayed Nonce), with a clock kept near the service's.

import { credentialText, DEFAULT_INIT_TIMEOUT_MS, timeoutOf } from './client-options.js';
import { type ServerClock, serverClock } from './clock.js';
import type { Core } from './core.js';
import { SERVER_ACTIONS, type TypedServerMethods } from './generated/actions.js';
import { signedCallHint } from './hints.js';
import { type Platform, whenLoaded } from './platform.js';
import { newRequestId } from './request-id.js';
import { type RetryOptions, retryPolicy, withRetry } from './retry.js';
import { type Answer, apiUrl, naming, send, type Transport } from './transport.js';
import { typedMethods } from './typed-methods.js';
import type { ApiResponse, CallOptions, Endpoint, Jsonable, Params, SigningOptions } from './types.js';

export interface ServerClientOptions {
  /** Checked when the client is made (`MissingParameter`), so an unset environment variable fails at once. */
  appKey: string | undefined;
  appSecret: string | undefined;
  endpoint?: Endpoint;
  transport?: Transport;
  signing?: SigningOptions;
  /** Per attempt, for any transport (a Timeout error, retryable); default 10000; 0 or Infinity: none. */
  timeoutMs?: number;
  /** Retries of retryable failures (`false`: none). */
  retry?: RetryOptions | false;
  /** Milliseconds since the epoch for Timestamps; default Date.now. */
  clock?: () => number;
  /**
   * Added to the clock when signing. Learned automatically when the server rejects a Timestamp
   * and states its own time in the message (the call is then signed again once).
   */
  clockOffsetMs?: number;
  /**
   * Browser build only: run here although every visitor can then read the AppSecret (a test page,
   * a trusted kiosk). Without it, createServerClient throws `AppSecretNotAllowed` in a browser bundle.
   */
  dangerouslyAllowBrowser?: boolean;
  /** Browsers and mini-programs: how long a call waits for `init()` to be called (then `NotInitialized`); default 10000. */
  initTimeoutMs?: number;
}

/** For servers and cloud functions: holds the AppSecret and signs `appapi` calls. */
export interface ServerClient extends TypedServerMethods {
  /** Any signed action; resolves to the inside of the response ({ RequestId, Data?, … }). Sent as given. */
  call<P extends object = Params>(action: string, params?: P & Jsonable<P>, options?: CallOptions): Promise<ApiResponse>;
  /** The correction applied to the local clock when signing (learned or configured). */
  readonly clockOffsetMs: number;
}

type Parse = (answer: Answer) => unknown;

export function createServerClient(core: Core, platform: Platform, given: ServerClientOptions): ServerClient {
  const options = given || ({} as ServerClientOptions);
  const appKey = credentialText(options as unknown as { [name: string]: unknown }, 'appKey', 'createServerClient');
  const appSecret = credentialText(options as unknown as { [name: string]: unknown }, 'appSecret', 'createServerClient');
  const { endpoint, signing, initTimeoutMs = DEFAULT_INIT_TIMEOUT_MS } = options;
  const timeoutMs = timeoutOf(options);
  const transport = options.transport || platform.defaultTransport();
  const policy = retryPolicy(options.retry);
  const clock: ServerClock = serverClock(options.clock || (() => Date.now()), options.clockOffsetMs || 0);

  /** One signed attempt: its result, or the refusal to sign again for (the clock's doing). */
  const attempt = async (action: string, params: unknown, callOptions: CallOptions, prepare: boolean, parse: Parse, first: boolean) => {
    const requestId = (first && callOptions.requestId) || newRequestId();
    const timestamp = callOptions.timestamp ?? clock.timestamp();
    const nonce = first ? callOptions.nonce : undefined;
    const input = { action, params: params as Params, appKey, appSecret, endpoint, signing, ...callOptions, requestId, timestamp, nonce };
    const answer = await send(transport, core.buildAppApiRequest(input, prepare), timeoutMs);
    clock.learn(answer);
    try {
      return { result: parse(answer) };
    } catch (e) {
      if (callOptions.timestamp !== undefined || !clock.refusedForTime(e, timestamp, answer)) throw e;
      return { again: e };
    }
  };

  /** Waits for the wasm, then signs and sends, once more if the clock was off; names the URL in errors. */
  const signed = async (action: string, params: unknown, given: CallOptions | undefined, prepare: boolean, parse: Parse) => {
    const waiting = whenLoaded(platform, initTimeoutMs);
    if (waiting) await waiting;
    const callOptions = given || {};
    try {
      return await withRetry(
        () => core.isIdempotent(action),
        policy,
        async (n) => {
          const first = await attempt(action, params, callOptions, prepare, parse, n === 0);
          if (!('again' in first)) return first.result;
          const second = await attempt(action, params, callOptions, prepare, parse, false);
          if ('again' in second) throw second.again; // the clock keeps moving: no third try
          return second.result;
        },
      );
    } catch (e) {
      throw naming(signedCallHint(e), apiUrl(core, endpoint, 'appapi'));
    }
  };

  const parseAction = (action: string) => (answer: Answer) => core.parseActionResponse(action, answer.status, answer.body);
  const parseGrant = (answer: Answer) => core.parseLoginResponse(answer.status, answer.body);
  return {
    ...typedMethods(SERVER_ACTIONS, (action, params, callOptions, grant) =>
      signed(action, params, callOptions as CallOptions | undefined, true, grant ? parseGrant : parseAction(action)),
    ),
    call: (action: string, params: unknown = {}, callOptions?: CallOptions) => signed(action, params, callOptions, false, parseAction(action)),
    get clockOffsetMs() {
      return clock.offsetMs;
    },
  } as ServerClient;
}
