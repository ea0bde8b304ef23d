// iot-explorer-app/emulator: a local IoT Explorer App API to test apps against (Node only).
export { ApiError, DEMO_APP_KEY, DEMO_APP_SECRET, startEmulator } from './server.mjs';
