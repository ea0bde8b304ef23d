// WeChat mini-programs (miniprogram_dist/, CommonJS): WXWebAssembly with a package path, wx.request,
// wx storage. No fetch, no WebAssembly global, no crypto: ids and nonces are made here.
import * as glue from 'iot-explorer-app-glue';
import { IotExplorerError, makeApi, wxRequestTransport, wxSocketOpener, wxStorage } from '../api.js';
import { invalidInput } from '../errors.js';
import type { Init, MiniProgramInitOptions } from '../init-options.js';
import { loadedModule } from '../loaded-module.js';
import { newRequestId } from '../request-id.js';
import { wxGlobal } from '../wx-global.js';

export const DEFAULT_WASM_PATH = '/miniprogram_npm/iot-explorer-app/iot_explorer_app_bg.wasm.br';

const wasm = loadedModule(glue);
let loading: Promise<void> | null = null;
let appSecretAllowed = false;
/** Whether the loaded wasm has the AppSecret calls (the package's mini-program build has not). */
let canSign = true;
const randomPool: number[] = [];

/** The `wx` global of a mini-program, when there is one. */
const wxApi = () => wxGlobal() || null;

/** Whether the base library is known to be older than major.minor (wx.getAppBaseInfo, or getSystemInfoSync before it). */
function baseLibraryBelow(major: number, minor: number): boolean {
  const api = wxApi() as { getAppBaseInfo?: () => { SDKVersion?: string }; getSystemInfoSync?: () => { SDKVersion?: string } } | null;
  let version: string | undefined;
  try {
    if (api) version = (api.getAppBaseInfo ? api.getAppBaseInfo() : api.getSystemInfoSync ? api.getSystemInfoSync() : {}).SDKVersion;
  } catch {
    return false;
  }
  const [a, b] = String(version || '')
    .split('.')
    .map(Number);
  return Number.isInteger(a) && Number.isInteger(b) && (a < major || (a === major && b < minor));
}

/** `WXWebAssembly`: WebAssembly in mini-programs, from a path inside the code package. */
declare const WXWebAssembly:
  | { instantiate(path: string, imports: object): Promise<WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance> }
  | undefined;

/** Refills the nonce pool from wx.getRandomValues (asynchronous only in WeChat). */
function refillRandom(): Promise<void> {
  const api = wxApi();
  if (!api || typeof api.getRandomValues !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    api.getRandomValues!({
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

function nonce(): number {
  while (randomPool.length) {
    const n = randomPool.pop() as number;
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
export const init: Init = (options = {}) => {
  // A path alone, or an object with an href, is taken as wasmPath (the types allow those forms).
  const given = (typeof options === 'string' ? { wasmPath: options } : options || {}) as MiniProgramInitOptions & { href?: unknown };
  const { href, wasmPath = typeof href === 'string' ? href : DEFAULT_WASM_PATH, dangerouslyAllowAppSecretInClient = false } = given;
  appSecretAllowed = dangerouslyAllowAppSecretInClient === true;
  // WXWebAssembly loads package paths only: bytes (what a browser init takes) cannot be used.
  const bytes = ArrayBuffer.isView(options) || Object.prototype.toString.call(options) === '[object ArrayBuffer]';
  if (bytes || typeof wasmPath !== 'string') {
    const error = invalidInput('wasmPath', 'wasmPath must be a path inside the code package, such as "/wasm/iot_explorer_app_bg.wasm"');
    return Promise.reject(error);
  }
  if (!loading) {
    loading = Promise.resolve()
      .then(() => {
        if (typeof WXWebAssembly !== 'object' || !WXWebAssembly) {
          throw new Error('WXWebAssembly is not available (base library ≥ 2.13.0 is required)');
        }
        return Promise.all([WXWebAssembly.instantiate(wasmPath, { './iot_explorer_app_bg.js': glue }), refillRandom()]);
      })
      .then(([result]) => {
        const { exports } = (result && (result as { instance?: WebAssembly.Instance }).instance) || (result as WebAssembly.Instance);
        canSign = 'signPrepared' in exports;
        wasm.set(exports);
      })
      .catch((e) => {
        loading = null;
        wasm.loading(null);
        // The base library's version says which hint fits: too old for brotli, or a file not there.
        const hint =
          wasmPath.endsWith('.br') && baseLibraryBelow(2, 14)
            ? ' (.wasm.br needs base library ≥ 2.14.0; on 2.13.x pass a .wasm copied from dist/ as wasmPath)'
            : ' (is it in the code package? 工具 → 构建 npm puts it in miniprogram_npm/iot-explorer-app/; elsewhere, pass its path as wasmPath)';
        throw new IotExplorerError(`cannot load ${wasmPath}: ${e && e.message}${hint}`, { kind: 'Transport', cause: e });
      });
    wasm.loading(loading);
  }
  return loading;
};

const api = makeApi(wasm.raw, {
  memory: wasm.memory,
  whenLoaded: wasm.whenLoaded,
  defaultTransport: () => wxRequestTransport(),
  defaultStorage: () => wxStorage(),
  defaultSocket: () => wxSocketOpener(),
  // WeChat drops sockets in the background: close on hide, reconnect and resubscribe on show.
  onLifecycle: (hub) => {
    const api = wxApi();
    if (!api) return;
    if (typeof api.onAppHide === 'function') api.onAppHide(() => hub.pause());
    if (typeof api.onAppShow === 'function') api.onAppShow(() => hub.resume());
  },
  appSecretAllowed: () => {
    if (appSecretAllowed && !canSign) {
      throw new IotExplorerError(
        'the mini-program build of the wasm has no AppSecret calls: copy node_modules/iot-explorer-app/dist/iot_explorer_app_bg.wasm ' +
          'into your project and pass its path to init as wasmPath, with dangerouslyAllowAppSecretInClient',
        { kind: 'InvalidInput', code: 'AppSecretNotAllowed', param: 'wasmPath' },
      );
    }
    return appSecretAllowed;
  },
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
export * from './shared-exports.js';
export default init;
