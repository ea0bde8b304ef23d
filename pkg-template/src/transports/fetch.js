// Transport over the global fetch (browsers, Node ≥ 18): the body comes back as text so the
// core parses exactly what the server sent.
import { IotExplorerError } from '../errors.js';

export function fetchTransport({ fetch: fetchImpl } = {}) {
  return async function send({ url, method, headers, body, timeoutMs }) {
    const doFetch = fetchImpl || globalThis.fetch;
    if (typeof doFetch !== 'function') {
      throw new IotExplorerError('no fetch in this runtime; pass a transport', { kind: 'Transport' });
    }
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            if (controller) controller.abort();
          }, timeoutMs)
        : null;
    try {
      const res = await doFetch(url, { method, headers, body, signal: controller ? controller.signal : undefined });
      return { status: res.status, body: await res.text() };
    } catch (e) {
      if (timedOut) {
        throw new IotExplorerError(`no response within ${timeoutMs} ms`, { kind: 'Timeout', retryable: true, cause: e });
      }
      const cause = e && e.cause;
      const detail = cause ? cause.code || cause.message : '';
      const reason = detail ? `${e.message} (${detail})` : String(e && e.message);
      throw new IotExplorerError(`request failed: ${reason}`, { kind: 'Transport', retryable: true, cause: e });
    } finally {
      if (timer) clearTimeout(timer);
    }
  };
}
