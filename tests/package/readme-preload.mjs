// Loaded with --import before a README example runs: the examples reach the emulator only
// through the environment `make emulator` prints (IOT_EXPLORER_ENDPOINT, …) and BACKEND_URL, as
// a user's copy would. Anything they send to the real service instead fails the run loudly.
import WebSocket from 'ws';

const realHosts = /^(https|wss):\/\/(iot\.cloud\.tencent\.com|oversea\.iotcloud\.tencentiotcloud\.com)\//;
const refuse = (url) => {
  throw new Error(`the README example went to the real service (${url}): it must follow IOT_EXPLORER_ENDPOINT`);
};
const realFetch = globalThis.fetch;
globalThis.fetch = (url, init) => (realHosts.test(String(url)) ? refuse(url) : realFetch(url, init));
// Node 20 has no global WebSocket (the package would use `ws` by itself); guard it the same way.
globalThis.WebSocket = class extends WebSocket {
  constructor(url, ...rest) {
    if (realHosts.test(String(url))) refuse(url);
    super(url, ...rest);
  }
};
