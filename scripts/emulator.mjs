#!/usr/bin/env node
// `make emulator`: the local IoT Explorer emulator on its own, for pointing your own code at it.
// Prints its endpoint, AppKey and AppSecret, and the `export` lines to copy; serves until Ctrl-C.
// EMULATOR_PORT chooses the port (default 8787; 0, or a port in use: any free one).
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../tests/emulator/server.mjs';

const wanted = Number(process.env.EMULATOR_PORT ?? 8787);
let emulator;
try {
  emulator = await startEmulator({ port: wanted, log: (line) => console.log(`emulator: ${line}`) });
} catch (e) {
  if (e.code !== 'EADDRINUSE') throw e;
  emulator = await startEmulator({ port: 0, log: (line) => console.log(`emulator: ${line}`) });
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
