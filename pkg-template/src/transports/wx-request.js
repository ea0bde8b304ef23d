// Transport over wx.request (WeChat mini-programs): raw text in and out, at most 10 requests in
// flight (WeChat's limit; the rest wait in a queue), `fail` → a typed Transport/Timeout error.
import { IotExplorerError } from '../errors.js';
import { HOLDS_TIMEOUT, backstopDelay, timerDelay, withTimeout } from '../timeouts.js';

export const WX_MAX_IN_FLIGHT = 10;

export function wxRequestTransport({ wx: wxApi, maxInFlight = WX_MAX_IN_FLIGHT } = {}) {
  let inFlight = 0;
  const waiting = [];
  const release = () => {
    inFlight--;
    const next = waiting.shift();
    if (next) next();
  };
  const slot = () =>
    inFlight < maxInFlight
      ? (inFlight++, Promise.resolve())
      : new Promise((resolve) => waiting.push(() => (inFlight++, resolve())));

  async function send({ url, method, headers, body, timeoutMs }) {
    const api = wxApi || (typeof wx === 'object' ? wx : globalThis.wx);
    if (!api || typeof api.request !== 'function') {
      throw new IotExplorerError('wx.request is not available; pass a transport', { kind: 'Transport' });
    }
    await slot();
    let task = null;
    // wx.request times out by itself; a backstop aborts it and frees the slot if it never calls back.
    const waited = backstopDelay(timeoutMs);
    const silent = () => new IotExplorerError(`wx.request gave no answer within ${waited} ms`, { kind: 'Timeout', retryable: true });
    const abort = () => task && typeof task.abort === 'function' && task.abort();
    try {
      const answer = new Promise((resolve, reject) => {
        task = api.request({
          url,
          method,
          header: headers,
          data: body,
          dataType: 'text',
          responseType: 'text',
          ...(timerDelay(timeoutMs) > 0 ? { timeout: timeoutMs } : {}),
          success(res) {
            const text = typeof res.data === 'string' ? res.data : res.data == null ? '' : JSON.stringify(res.data);
            resolve({ status: Number(res.statusCode), body: text, headers: res.header || {} });
          },
          fail(err) {
            const errMsg = String((err && err.errMsg) || 'request:fail');
            const timeout = /timeout|timed out/i.test(errMsg);
            // A URL outside the mini-program's domain list (errno 600002) fails every time.
            const misconfigured = (err && err.errno === 600002) || /domain list/i.test(errMsg);
            reject(
              new IotExplorerError(`wx.request failed: ${errMsg}`, {
                kind: timeout ? 'Timeout' : 'Transport',
                retryable: !misconfigured,
                errMsg,
                errno: err && err.errno !== undefined ? err.errno : null,
              }),
            );
          },
        });
      });
      return await withTimeout(answer, waited, silent, abort);
    } finally {
      release();
    }
  }
  // Its timers start when wx.request is called, after the wait for one of the 10 slots.
  send[HOLDS_TIMEOUT] = true;
  return send;
}
