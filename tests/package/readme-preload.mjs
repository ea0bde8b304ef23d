// Loaded with --import before a README example runs: sends what the example addresses to the
// official host to the emulator instead (HTTP and the push WebSocket), and resolves relative
// URLs (a page's `/api/login`) against the test backend. The example's code runs unchanged.
import WebSocket from 'ws';

const official = 'https://iot.cloud.tencent.com/api/exploreropen';
const officialPush = 'wss://iot.cloud.tencent.com/ws/explorer';
const realFetch = globalThis.fetch;
globalThis.fetch = (url, init) => {
  let target = String(url);
  if (target.startsWith(official)) target = process.env.README_EMULATOR + target.slice(official.length);
  else if (target.startsWith('/')) target = process.env.README_BACKEND + target;
  return realFetch(target, init);
};
const emulatorPush = () => process.env.README_EMULATOR.replace(/^http/, 'ws').replace(/\/api\/exploreropen$/, '/ws/explorer');
globalThis.WebSocket = class extends WebSocket {
  constructor(url) {
    super(String(url).startsWith(officialPush) ? emulatorPush() + String(url).slice(officialPush.length) : url);
  }
};
