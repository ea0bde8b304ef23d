// Transport over the global fetch (browsers, Node ≥ 18): the body comes back as text so the
// core parses exactly what the server sent. The timeout holds even for a fetch that ignores
// the abort signal: the call stops waiting either way.
import { IotExplorerError } from '../errors.js';
import { HOLDS_TIMEOUT, timerDelay } from '../timer-delay.js';

export function fetchTransport({ fetch: fetchImpl } = {}) {
  async function send({ url, method, headers, body, timeoutMs }) {
    const doFetch = fetchImpl || globalThis.fetch;
    if (typeof doFetch !== 'function') {
      throw new IotExplorerError('no fetch in this runtime; pass a transport', { kind: 'Transport' });
    }
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const delay = timerDelay(timeoutMs);
    let timedOut = false;
    let timer = null;
    const timeout = new Promise((_, reject) => {
      if (delay === 0) return;
      timer = setTimeout(() => {
        timedOut = true;
        if (controller) controller.abort();
        reject(new Error('timed out'));
      }, delay);
    });
    const exchange = async () => {
      const res = await doFetch(url, { method, headers, body, signal: controller ? controller.signal : undefined });
      return { status: res.status, body: await res.text() };
    };
    try {
      return await Promise.race([exchange(), timeout]);
    } catch (e) {
      if (timedOut) {
        throw new IotExplorerError(`no response within ${delay} ms`, { kind: 'Timeout', retryable: true, cause: e });
      }
      const cause = e && e.cause;
      const detail = cause ? cause.code || cause.message : '';
      const reason = detail ? `${e.message} (${detail})` : String(e && e.message);
      throw new IotExplorerError(`request failed: ${reason}`, { kind: 'Transport', retryable: true, cause: e });
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
  send[HOLDS_TIMEOUT] = true;
  return send;
}
