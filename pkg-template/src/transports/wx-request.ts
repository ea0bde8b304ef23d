// Transport over wx.request (WeChat mini-programs): raw text in and out, at most 10 requests in
// flight (WeChat's limit; the rest wait in a queue), `fail` → a typed Transport/Timeout error.

import { IotExplorerError } from '../errors.js';
import { backstopDelay, HOLDS_TIMEOUT, timerDelay, withTimeout } from '../timeouts.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport.js';
import { wxGlobal } from '../wx-global.js';

export interface WxRequestOptions {
  url: string;
  method: 'POST';
  header: Record<string, string>;
  data: string;
  dataType: 'text';
  responseType: 'text';
  timeout?: number;
  success(result: { data: unknown; statusCode: number | string; header?: Record<string, string> }): void;
  fail(error: { errMsg: string; errno?: number }): void;
}

export interface WxLike {
  request(options: WxRequestOptions): unknown;
}

/** What wx.request returns, as far as the transport uses it. */
type RequestTask = { abort?: () => void };

export const WX_MAX_IN_FLIGHT = 10;

/** At most `maxInFlight` (default 10, WeChat's limit) requests at once; the rest wait. */
export function wxRequestTransport({ wx: wxApi, maxInFlight = WX_MAX_IN_FLIGHT }: { wx?: WxLike; maxInFlight?: number } = {}): Transport {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    inFlight--;
    const next = waiting.shift();
    if (next) next();
  };
  const slot = () => {
    const taken = () => {
      inFlight++;
    };
    if (inFlight < maxInFlight) return Promise.resolve(taken());
    return new Promise<void>((resolve) => waiting.push(() => resolve(taken())));
  };

  async function send({ url, method, headers, body, timeoutMs }: TransportRequest): Promise<TransportResponse> {
    const api = wxApi || wxGlobal();
    if (!api || typeof api.request !== 'function') {
      throw new IotExplorerError('wx.request is not available; pass a transport', { kind: 'Transport' });
    }
    await slot();
    let task: RequestTask | null = null;
    // wx.request times out by itself; a backstop aborts it and frees the slot if it never calls back.
    const waited = backstopDelay(timeoutMs);
    const silent = () => new IotExplorerError(`wx.request gave no answer within ${waited} ms`, { kind: 'Timeout', retryable: true });
    const abort = () => task && typeof task.abort === 'function' && task.abort();
    try {
      const answer = new Promise<TransportResponse>((resolve, reject) => {
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
        }) as RequestTask | null;
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
