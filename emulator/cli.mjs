#!/usr/bin/env node
// `npx iot-explorer-emulator` (and `make emulator` in the repository): the local IoT Explorer on
// its own, for pointing an app at it. Prints its endpoint, AppKey and AppSecret and the `export`
// lines to copy; serves until Ctrl-C.
//   iot-explorer-emulator [--port N] [--envelope wire|documented] [--token-ttl S] [--lenient-signatures] [--quiet]
// --port (or EMULATOR_PORT): default 8787; 0, or a port in use: any free one.
import { DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from './server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const options = {
  envelope: arg('envelope', 'wire'),
  tokenTtlSeconds: Number(arg('token-ttl', 7200)),
  lenientSignatures: process.argv.includes('--lenient-signatures'),
  log: process.argv.includes('--quiet') ? () => {} : (line) => console.log(`emulator: ${line}`),
};
const wanted = Number(arg('port', process.env.EMULATOR_PORT ?? 8787));

let emulator;
try {
  emulator = await startEmulator({ ...options, port: wanted }).catch((e) => (e.code === 'EADDRINUSE' ? startEmulator({ ...options, port: 0 }) : Promise.reject(e)));
} catch (e) {
  console.error(`iot-explorer-emulator: ${e.message}`);
  process.exit(1);
}
const push = `${emulator.url.replace(/^http/, 'ws')}/ws/explorer`;
console.log(`IoT Explorer emulator (state in memory; Ctrl-C stops it)
  endpoint   ${emulator.endpoint}
  push       ${push} (clients derive it from the endpoint)
  AppKey     ${DEMO_APP_KEY}
  AppSecret  ${DEMO_APP_SECRET}

Copy into the shell that runs your code (the README's examples read these):
export IOT_EXPLORER_ENDPOINT=${emulator.endpoint}
export IOT_EXPLORER_APP_KEY=${DEMO_APP_KEY}
export IOT_EXPLORER_APP_SECRET=${DEMO_APP_SECRET}
`);
const stop = () => emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
