// What a client hands its transport and expects back, and the one place it calls it: the
// answer checked, the timeout held for any transport, and the URL named in errors that came
// from, or for want of, a response.

import type { Core } from './core.js';
import { IotExplorerError, toIotExplorerError } from './errors.js';
import { backstopDelay, HOLDS_TIMEOUT, withTimeout } from './timeouts.js';
import type { HttpRequest } from './types.js';

export interface TransportRequest extends HttpRequest {
  /** The client stops waiting after this anyway; a transport may also use it to abort. */
  timeoutMs: number;
}

export interface TransportResponse {
  /** The HTTP status (an integer; 0 for no answer). Anything else is a `Transport` error. */
  status: number;
  /** The response body as text; the SDK parses it. */
  body: string;
  /**
   * The response headers (a fetch `Headers` or a plain object, any case). The server client
   * learns its clock's offset from `Date`.
   */
  headers?: { get(name: string): string | null } | Record<string, string | undefined>;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** An answer as the clients read it: `date` is the server's `Date` header in ms, or null. */
export interface Answer {
  status: number;
  body: string;
  date: number | null;
}

/** A transport's answer must be this (for the `status`, a number an HTTP answer can have). */
const isHttpStatus = (status: unknown): status is number => Number.isInteger(status) && (status as number) >= 0 && (status as number) <= 999;

const describeStatus = (status: unknown) => (typeof status === 'string' ? JSON.stringify(status) : String(status));

/**
 * Calls the transport and checks that it answered `{ status, body, headers? }` with an HTTP
 * status and a text body. The timeout holds for any transport: a backstop for those of the
 * caller's that may ignore `timeoutMs` (the built-in ones hold it, counting from when the
 * request really goes out).
 */
export async function send(transport: Transport, request: HttpRequest, timeoutMs: number): Promise<Answer> {
  const waited = (transport as { [HOLDS_TIMEOUT]?: boolean })[HOLDS_TIMEOUT] ? 0 : backstopDelay(timeoutMs);
  const timedOut = () =>
    new IotExplorerError(`no response within ${waited} ms (the transport did not time out by itself)`, { kind: 'Timeout', retryable: true });
  try {
    const res: Partial<TransportResponse> | null | undefined = await withTimeout(transport({ ...request, timeoutMs }), waited, timedOut);
    // Read once, inside the try: an answer's getters may throw.
    const status = res && res.status;
    const body = res && res.body;
    if (!isHttpStatus(status) || typeof body !== 'string') {
      const what = isHttpStatus(status) ? `a body of type ${typeof body}` : `the status ${describeStatus(status)}`;
      throw new IotExplorerError(`the transport must resolve to { status: HTTP status number, body: string }, not ${what}`, { kind: 'Transport' });
    }
    return { status, body, date: dateOf(res && res.headers) };
  } catch (e) {
    throw toIotExplorerError(e, 'Transport');
  }
}

/** The `Date` header (a Headers object or a plain one, any case) in ms, or null. */
function dateOf(headers: TransportResponse['headers'] | null | undefined): number | null {
  if (!headers || typeof headers !== 'object') return null;
  let text = typeof headers.get === 'function' ? headers.get('date') : undefined;
  if (text === undefined || text === null) {
    const plain = headers as Record<string, string | undefined>;
    const key = Object.keys(plain).find((k) => k.toLowerCase() === 'date');
    text = key === undefined ? null : plain[key];
  }
  const ms = typeof text === 'string' ? Date.parse(text) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The URL (`urlOf()`) in an error that came from, or for want of, a response: a 404 then says
 * what was asked for, a network failure which host it could not reach.
 */
/** The URL of `api` at `endpoint`, for errors: null for an endpoint the core refuses (its own error says so). */
export const apiUrl = (core: Pick<Core, 'endpointUrls'>, endpoint: string | undefined, api: 'appapi' | 'tokenapi') => (): string | null => {
  try {
    return core.endpointUrls(endpoint)[api === 'appapi' ? 0 : 1];
  } catch {
    return null;
  }
};

export function naming(e: unknown, urlOf: () => string | null): unknown {
  if (!(e instanceof IotExplorerError) || !(e.kind === 'Http' || e.kind === 'Transport' || e.kind === 'Timeout') || e.code === 'LoggedOut') return e;
  const url = urlOf();
  if (url && !e.message.includes(url)) {
    const hint =
      e.kind === 'Http' && e.status === 404 ? ' (endpoint is a base URL such as https://host/api/exploreropen, to which /appapi or /tokenapi is appended)' : '';
    e.message = `${e.message} (POST ${url})${hint}`;
  }
  return e;
}
