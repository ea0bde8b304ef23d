// A minimal `wx` for running the official mini-program SDK in Node. `wx.request` does a real HTTP
// request: requests to the official host are sent to `target` (same path and query), as WeChat
// sends them (default header content-type application/json, object data as JSON) and answered
// as WeChat answers (success for every HTTP status; dataType 'json' parses the body, falling back
// to the text when it is not JSON). Every request is recorded in `wx.sent`.
import http from 'node:http';

export const OFFICIAL_HOST = 'iot.cloud.tencent.com';

export function createWx({ target, timeoutMs = 5000 }) {
  const storage = new Map();
  const sent = [];
  const calls = { connectSocket: 0, login: 0 };
  const listeners = { show: [], hide: [] };
  const done = (opts, method, result) => {
    opts[method]?.(result);
    opts.complete?.(result);
  };

  return {
    sent,
    calls,
    storage,
    listeners,

    request(opts) {
      const { url, data, header = {}, method = 'GET', dataType = 'json', responseType = 'text' } = opts;
      const where = new URL(url);
      if (where.hostname === OFFICIAL_HOST) {
        const to = new URL(target);
        where.protocol = to.protocol;
        where.host = to.host;
      }
      const headers = { 'content-type': 'application/json' };
      for (const [k, v] of Object.entries(header)) headers[k.toLowerCase()] = String(v);
      let body = '';
      if (method === 'GET') {
        for (const [k, v] of Object.entries(data ?? {})) where.searchParams.append(k, typeof v === 'object' ? JSON.stringify(v) : v);
      } else if (typeof data === 'string') {
        body = data;
      } else if (headers['content-type'].includes('json')) {
        body = JSON.stringify(data ?? {});
      } else {
        body = new URLSearchParams(data ?? {}).toString();
      }
      let json = null;
      try {
        json = JSON.parse(body);
      } catch {
        // not JSON
      }
      sent.push({ url, method, headers, body, json });

      const req = http.request(where, { method, headers, timeout: timeoutMs }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          let out = responseType === 'arraybuffer' ? raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length) : raw.toString('utf8');
          if (dataType === 'json' && typeof out === 'string') {
            try {
              out = JSON.parse(out);
            } catch {
              // WeChat hands over the text when it is not JSON
            }
          }
          done(opts, 'success', { data: out, statusCode: res.statusCode, header: res.headers, cookies: [], errMsg: 'request:ok' });
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => done(opts, 'fail', { errMsg: `request:fail ${e.message}` }));
      req.end(body);
      return { abort: () => req.destroy(new Error('abort')) };
    },

    // Present because the SDK's environment check needs it; the tests never open a socket
    // (wsConfig.connectWhenInit: false). If it is called anyway, the socket fails at once.
    connectSocket() {
      calls.connectSocket += 1;
      const task = { onOpen() {}, onClose() {}, onMessage() {}, send() {}, close() {} };
      task.onError = (cb) => setImmediate(() => cb({ errMsg: 'connectSocket:fail no socket in tests' }));
      return task;
    },

    getStorage(opts) {
      if (storage.has(opts.key)) done(opts, 'success', { data: storage.get(opts.key), errMsg: 'getStorage:ok' });
      else done(opts, 'fail', { errMsg: 'getStorage:fail data not found' });
    },
    setStorage(opts) {
      storage.set(opts.key, opts.data);
      done(opts, 'success', { errMsg: 'setStorage:ok' });
    },
    removeStorage(opts) {
      storage.delete(opts.key);
      done(opts, 'success', { errMsg: 'removeStorage:ok' });
    },
    getSystemInfoSync: () => ({ platform: 'devtools', system: 'Node', SDKVersion: '3.0.0' }),
    onAppShow: (cb) => listeners.show.push(cb),
    onAppHide: (cb) => listeners.hide.push(cb),
    login(opts) {
      calls.login += 1;
      done(opts, 'fail', { errMsg: 'login:fail not in WeChat' });
    },
    showModal: (opts) => done(opts, 'success', { confirm: true, cancel: false }),
    showToast: (opts = {}) => done(opts, 'success', {}),
    hideToast: () => {},
    showLoading: (opts = {}) => done(opts, 'success', {}),
    hideLoading: () => {},
  };
}
