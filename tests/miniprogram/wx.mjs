// A fake `wx` that behaves like WeChat's (reference/miniprogram.md §4, §5): wx.request does real
// HTTP from the host, only to whitelisted origins, at most 10 in flight; callbacks always run
// later; wx.getRandomValues is async only; storage is JSON, 1 MB per key. Every request and every
// call is recorded for assertions. errMsg texts follow WeChat; errno values other than 600002
// (whitelist) are stand-ins.
import http from 'node:http';
import { randomFillSync } from 'node:crypto';

export const MAX_IN_FLIGHT = 10;
const MAX_STORAGE_ITEM = 1024 * 1024;

/** `domains`: allowed origins (e.g. 'http://127.0.0.1:1234'); `ArrayBuffer`: the sandbox's own. */
export function createWx({ domains = [], ArrayBuffer: SandboxArrayBuffer = ArrayBuffer } = {}) {
  const requests = [];
  const calls = [];
  const randomDraws = [];
  const store = new Map(); // key → JSON text
  const stats = { inFlight: 0, peakInFlight: 0 };

  // WeChat never calls back synchronously.
  const later = (options, ok, payload) =>
    setTimeout(() => {
      (ok ? options.success : options.fail)?.(payload);
      options.complete?.(payload);
    }, 0);

  const sandboxBuffer = (bytes) => {
    const buffer = new SandboxArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);
    return buffer;
  };

  function request(options) {
    const { url, data, header = {}, method = 'GET', dataType = 'json', responseType = 'text', timeout = 60000 } = options;
    requests.push({ url, method, header: { ...header }, data, dataType, responseType, timeout: options.timeout });
    let req = null;
    let timer = null;
    let settled = false;
    const settle = (ok, payload) => {
      if (settled) return;
      settled = true;
      if (req) {
        stats.inFlight--;
        clearTimeout(timer);
        req.destroy();
      }
      later(options, ok, payload);
    };
    const fail = (reason, errno) => settle(false, { errMsg: `request:fail ${reason}`, errno });
    const task = { abort: () => fail('abort', 600003) };

    let target;
    try {
      target = new URL(url);
    } catch {
      fail('invalid url', 600009);
      return task;
    }
    if (!domains.includes(target.origin)) {
      fail('url not in domain list', 600002);
      return task;
    }
    if (stats.inFlight >= MAX_IN_FLIGHT) {
      fail(`exceed max concurrent request limit ${MAX_IN_FLIGHT}`, 600000);
      return task;
    }
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);

    const headers = { 'content-type': 'application/json' };
    for (const [k, v] of Object.entries(header)) headers[k.toLowerCase()] = String(v);
    const { body, query } = serialize(data, method.toUpperCase(), headers['content-type']);
    if (query) target.search += (target.search ? '&' : '') + query;

    req = http.request(target, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (e) => fail(e.message, 600001));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        let payload;
        if (responseType === 'arraybuffer') {
          payload = sandboxBuffer(bytes);
        } else {
          payload = bytes.toString('utf8').replace(/^\uFEFF/, '');
          if (dataType === 'json') {
            try {
              payload = JSON.parse(payload);
            } catch {
              // WeChat hands over the text when it is not JSON
            }
          }
        }
        settle(true, { data: payload, statusCode: res.statusCode, header: { ...res.headers }, errMsg: 'request:ok' });
      });
    });
    req.on('error', (e) => fail(e.message, 600001));
    timer = setTimeout(() => fail('timeout', 5), timeout);
    req.end(body);
    return task;
  }

  function setItem(key, value) {
    if (typeof key !== 'string' || !key) throw new Error('invalid key');
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error('data is not JSON-serializable');
    if (Buffer.byteLength(key) + Buffer.byteLength(text) > MAX_STORAGE_ITEM) throw new Error('exceed storage item max length');
    store.set(key, text);
  }
  const getItem = (key) => (store.has(key) ? JSON.parse(store.get(key)) : undefined);

  // One async API from a synchronous body: `run` returns the success payload or throws.
  const asyncApi = (name, run) => (options = {}) => {
    calls.push({ api: name, key: options.key });
    try {
      later(options, true, { ...run(options), errMsg: `${name}:ok` });
    } catch (e) {
      later(options, false, { errMsg: `${name}:fail ${e.message}` });
    }
  };

  const wx = {
    request: (options) => {
      calls.push({ api: 'request' });
      return request(options);
    },
    getRandomValues: asyncApi('getRandomValues', ({ length }) => {
      if (!Number.isInteger(length) || length < 1 || length > 1048576) throw new Error('invalid length');
      const bytes = randomFillSync(new Uint8Array(length));
      randomDraws.push(bytes);
      return { randomValues: sandboxBuffer(bytes) };
    }),
    setStorage: asyncApi('setStorage', ({ key, data }) => void setItem(key, data)),
    getStorage: asyncApi('getStorage', ({ key }) => {
      if (!store.has(key)) throw new Error('data not found');
      return { data: getItem(key) };
    }),
    removeStorage: asyncApi('removeStorage', ({ key }) => void store.delete(key)),
    setStorageSync: (key, data) => setItem(key, data),
    getStorageSync: (key) => (store.has(key) ? getItem(key) : ''),
    removeStorageSync: (key) => void store.delete(key),
  };
  return { wx, requests, calls, randomDraws, stats };
}

/** wx.request's data rules: strings as they are, objects as a query (GET, form) or JSON. */
function serialize(data, method, contentType) {
  if (data === undefined || data === null) return { body: undefined, query: '' };
  if (typeof data === 'string') return method === 'GET' ? { query: data } : { body: data };
  // The sandbox's ArrayBuffer is not the host's: check the tag, not instanceof.
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return { body: Buffer.from(data) };
  const query = Object.entries(data)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  if (method === 'GET') return { query };
  return { body: /x-www-form-urlencoded/i.test(contentType) ? query : JSON.stringify(data) };
}
