// Transport over the global fetch (browsers, Node ≥ 18): the body comes back as text so the
// core parses exactly what the server sent. The timeout holds even for a fetch that ignores
// the abort signal: the call stops waiting either way.
import { IotExplorerError } from '../errors.js';
import { HOLDS_TIMEOUT, timerDelay, withTimeout } from '../timeouts.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport.js';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: unknown },
) => Promise<{
  status: number;
  text(): Promise<string>;
  headers?: { get(name: string): string | null };
}>;

/** What a failed fetch may tell (Node's carries the network error as its `cause`). */
type FetchFailure = { message?: unknown; cause?: { code?: unknown; message?: unknown } };

export function fetchTransport({ fetch: fetchImpl }: { fetch?: FetchLike } = {}): Transport {
  async function send({ url, method, headers, body, timeoutMs }: TransportRequest): Promise<TransportResponse> {
    const doFetch = fetchImpl || (globalThis.fetch as FetchLike);
    if (typeof doFetch !== 'function') {
      throw new IotExplorerError('no fetch in this runtime; pass a transport', { kind: 'Transport' });
    }
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const exchange = async () => {
      const res = await doFetch(url, { method, headers, body, signal: controller ? controller.signal : undefined });
      // Headers as fetch gives them: in browsers, `Date` only where the server exposes it (CORS).
      return { status: res.status, body: await res.text(), headers: res.headers };
    };
    let timeout: IotExplorerError | null = null;
    const timedOut = () => (timeout = new IotExplorerError(`no response within ${timerDelay(timeoutMs)} ms`, { kind: 'Timeout', retryable: true }));
    const abort = () => controller && controller.abort();
    try {
      return await withTimeout(exchange(), timeoutMs, timedOut, abort);
    } catch (e) {
      if (e === timeout) throw e;
      const cause = (e as FetchFailure | null) && (e as FetchFailure).cause;
      const detail = cause ? cause.code || cause.message : '';
      const reason = detail ? `${(e as FetchFailure).message} (${detail})` : String((e as FetchFailure | null) && (e as FetchFailure).message);
      throw new IotExplorerError(`request failed: ${reason}`, { kind: 'Transport', retryable: true, cause: e });
    }
  }
  send[HOLDS_TIMEOUT] = true;
  return send;
}
