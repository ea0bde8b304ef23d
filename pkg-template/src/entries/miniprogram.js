// WeChat mini-programs (miniprogram_dist/, CommonJS): WXWebAssembly with a package path, wx.request,
// wx storage. No fetch, no WebAssembly global, no crypto: ids and nonces are made here.
import * as glue from 'iot-explorer-app-glue';
import { makeApi, wxRequestTransport, wxStorage, wxSocketOpener, IotExplorerError } from '../api.js';
import { loadedModule } from '../loaded-module.js';
import { newRequestId } from '../request-id.js';

export const DEFAULT_WASM_PATH = '/miniprogram_npm/iot-explorer-app/iot_explorer_app_bg.wasm.br';

const wasm = loadedModule(glue);
let loading = null;
let appSecretAllowed = false;
let randomPool = [];

/** Refills the nonce pool from wx.getRandomValues (asynchronous only in WeChat). */
function refillRandom() {
  const wxApi = typeof wx === 'object' ? wx : null;
  if (!wxApi || typeof wxApi.getRandomValues !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    wxApi.getRandomValues({
      length: 256,
      success: (res) => {
        const words = new Uint32Array(res.randomValues);
        for (const w of words) randomPool.push(w & 0x7fffffff);
        resolve();
      },
      fail: () => resolve(),
    });
  });
}

function nonce() {
  while (randomPool.length) {
    const n = randomPool.pop();
    if (randomPool.length < 8) refillRandom();
    if (n > 0) return n;
  }
  // No CSPRNG answered: fall back to Math.random, as the official demo does.
  return 1 + Math.floor(Math.random() * 2147483646);
}

/**
 * Loads the wasm with WXWebAssembly. Options: `wasmPath` (a path inside the code package: the
 * `.wasm.br` this package ships, which needs base library ≥ 2.14.0, or a `.wasm` copied from
 * `dist/`), `dangerouslyAllowAppSecretInClient` (enables the AppSecret APIs).
 */
export function init(options = {}) {
  // A path alone, or an object with an href, is taken as wasmPath (index.d.ts allows those forms).
  const given = typeof options === 'string' ? { wasmPath: options } : options || {};
  const { href, wasmPath = typeof href === 'string' ? href : DEFAULT_WASM_PATH, dangerouslyAllowAppSecretInClient = false } = given;
  appSecretAllowed = dangerouslyAllowAppSecretInClient === true;
  // WXWebAssembly loads package paths only: bytes (what a browser init takes) cannot be used.
  const bytes = ArrayBuffer.isView(options) || Object.prototype.toString.call(options) === '[object ArrayBuffer]';
  if (bytes || typeof wasmPath !== 'string') {
    const error = new IotExplorerError('wasmPath must be a path inside the code package, such as "/wasm/iot_explorer_app_bg.wasm"', { kind: 'InvalidInput', code: 'InvalidParameter', param: 'wasmPath' });
    return Promise.reject(error);
  }
  if (!loading) {
    loading = Promise.resolve()
      .then(() => {
        if (typeof WXWebAssembly !== 'object' || !WXWebAssembly) {
          throw new Error('WXWebAssembly is not available (base library ≥ 2.13.0 is required)');
        }
        return Promise.all([
          WXWebAssembly.instantiate(wasmPath, { './iot_explorer_app_bg.js': glue }),
          refillRandom(),
        ]);
      })
      .then(([result]) => {
        wasm.set(((result && result.instance) || result).exports);
      })
      .catch((e) => {
        loading = null;
        wasm.loading(null);
        const hint = wasmPath.endsWith('.br') ? ' (.wasm.br needs base library ≥ 2.14.0; on 2.13.x pass a .wasm copied from dist/ as wasmPath)' : '';
        throw new IotExplorerError(`cannot load ${wasmPath}: ${e && e.message}${hint}`, { kind: 'Transport', cause: e });
      });
    wasm.loading(loading);
  }
  return loading;
}

const api = makeApi(wasm.raw, {
  memory: wasm.memory,
  whenLoaded: wasm.whenLoaded,
  defaultTransport: () => wxRequestTransport(),
  defaultStorage: () => wxStorage(),
  defaultSocket: () => wxSocketOpener(),
  // WeChat drops sockets in the background: close on hide, reconnect and resubscribe on show.
  onLifecycle: (hub) => {
    if (typeof wx !== 'object') return;
    if (typeof wx.onAppHide === 'function') wx.onAppHide(() => hub.pause());
    if (typeof wx.onAppShow === 'function') wx.onAppShow(() => hub.resume());
  },
  appSecretAllowed: () => appSecretAllowed,
  defaults: (kind) => (kind === 'appapi' ? { requestId: newRequestId(), nonce: nonce() } : { requestId: newRequestId() }),
});

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
export {
  IotExplorerError,
  wxRequestTransport,
  wxStorage,
  memoryStorage,
  wxSocketOpener,
  // Not the defaults here, but exported as in every build (one index.d.ts): a caller's fetch,
  // store or WebSocket class works with them.
  fetchTransport,
  localStorageStorage,
  webSocketOpener,
  parseDataTemplate,
  checkControlData,
} from '../api.js';
export default init;
