// Node ≥ 18 (CommonJS; dist/node.mjs re-exports it for ESM): the wasm is loaded synchronously
// from disk when the package is required, so no init() is needed. It is the build for speed
// (iot_explorer_app_node.wasm: scripts/build-wasm.sh speed), the same source as the browsers'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as glue from 'iot-explorer-app-glue';
import { fetchTransport, makeApi, memoryStorage, webSocketOpener } from '../api.js';
import type { Init } from '../init-options.js';
import type { RequestDefaults } from '../requests.js';

/** A WebSocket class, as webSocketOpener takes it. */
type WebSocketLike = Parameters<typeof webSocketOpener>[0];

const bytes = readFileSync(join(__dirname, 'iot_explorer_app_node.wasm'));
const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { './iot_explorer_app_bg.js': glue });
glue.__wbg_set_wasm(instance.exports);

// The wasm draws nonces and request ids from globalThis.crypto, which Node 18 has only behind a
// flag: there node:crypto makes them here instead. Both are looked at on the first request, not
// at require: reading Node's global crypto loads WebCrypto, about 3 ms.
let hasWebCrypto: boolean | null = null;
const defaults: RequestDefaults = (kind) => {
  if (hasWebCrypto === null) hasWebCrypto = typeof crypto === 'object' && crypto !== null && typeof crypto.getRandomValues === 'function';
  if (hasWebCrypto) return {};
  const { randomInt, randomUUID } = require('node:crypto') as typeof import('node:crypto');
  return kind === 'appapi' ? { requestId: randomUUID(), nonce: randomInt(1, 2 ** 31) } : { requestId: randomUUID() };
};

const api = makeApi(() => glue, {
  memory: () => instance.exports.memory as WebAssembly.Memory,
  defaults,
  defaultTransport: () => fetchTransport(),
  defaultStorage: () => memoryStorage(),
  defaultSocket: () => {
    const WebSocketImpl = typeof WebSocket === 'function' ? (WebSocket as unknown as WebSocketLike) : optionalWs();
    return WebSocketImpl ? webSocketOpener(WebSocketImpl) : null;
  },
});

/** Node < 22 has no global WebSocket; the `ws` package serves when the app has it installed. */
function optionalWs(): WebSocketLike | null {
  try {
    return require('ws') as WebSocketLike;
  } catch {
    return null;
  }
}

/** Already loaded in Node; kept so code shared with the browser build can `await init()`. */
export const init: Init = () => Promise.resolve();
export const {
  signParams,
  buildAppApiRequest,
  buildTokenApiRequest,
  parseResponse,
  parseLoginResponse,
  parseActionResponse,
  createServerClient,
  createClient,
  diagnostics,
} = api;
export * from './shared-exports.js';
export default init;
