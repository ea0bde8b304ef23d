// Browsers and bundlers (ESM): `await init()` once (optionally with the wasm's URL, a Response,
// or its bytes), then use the API. Nothing runs at the top level: the core and the clients are
// made on first use, and each export is a function of its own, so a bundler keeps only what an
// app imports (signParams alone leaves the clients, session, push and transports out).

// dist/browser.js: a URL next to this module; dist/browser-inline.js: the bytes it carries.
import { defaultWasm } from 'iot-explorer-app-default-wasm';
import * as glue from 'iot-explorer-app-glue';
import { type Api, diagnosticsOf, makeClients } from '../api.js';
import { type Core, makeCore } from '../core.js';
import { IotExplorerError } from '../errors.js';
import type { Init, MiniProgramInitOptions, WasmResponseLike, WasmSource } from '../init-options.js';
import { loadedModule } from '../loaded-module.js';
import type { Platform } from '../platform.js';
import { webSocketOpener } from '../push.js';
import { localStorageStorage, memoryStorage } from '../storage.js';
import { fetchTransport } from '../transports/fetch.js';

const wasm = /* @__PURE__ */ loadedModule(glue);
let loading: Promise<void> | null = null;

type Imports = WebAssembly.Imports;

/**
 * Bytes are compiled on this thread: the module is ready without a round trip to the compile
 * threads (about 1 ms of the inline build's start-up in Chromium). Where synchronous compiles on
 * the main thread are limited (Chrome before 115 and some Android WebViews: 4 KB) that throws;
 * then the bytes compile asynchronously, which also reports any fault in them.
 */
function instantiateBytes(bytes: BufferSource, imports: Imports): WebAssembly.Instance | Promise<WebAssembly.Instance> {
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  } catch {
    return WebAssembly.instantiate(bytes, imports).then((r) => r.instance);
  }
}

type Loadable = WasmSource | WebAssembly.Module | URL;

async function instantiate(source: Loadable): Promise<WebAssembly.Instance> {
  const imports = { './iot_explorer_app_bg.js': glue as unknown as WebAssembly.ModuleImports };
  if (source instanceof WebAssembly.Module) return new WebAssembly.Instance(source, imports);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return instantiateBytes(source as BufferSource, imports);
  // A URL, or anything with a string href (such as `location`), is fetched; else it is a response.
  const href = hrefOf(source);
  const response = (await (href !== null ? fetch(href) : source)) as WasmResponseLike;
  if (!response.ok) throw new Error(`HTTP status ${response.status}`);
  if (typeof WebAssembly.instantiateStreaming === 'function' && /wasm/.test(String(response.headers.get('content-type')))) {
    return (await WebAssembly.instantiateStreaming(response as unknown as Response, imports)).instance;
  }
  return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
}

function hrefOf(source: unknown): string | null {
  if (typeof source === 'string') return source;
  return source && typeof (source as { href?: unknown }).href === 'string' ? (source as { href: string }).href : null;
}

/** The mini-program option form (a plain object without an href), which init() also takes here. */
const isOptions = (given: unknown): given is MiniProgramInitOptions =>
  given !== null && typeof given === 'object' && Object.getPrototypeOf(given) === Object.prototype && typeof (given as { href?: unknown }).href !== 'string';

/** What init() was given, as something to load: the option form names a URL with `wasmPath` or nothing (the default). */
function sourceOf(given: WasmSource | MiniProgramInitOptions | undefined): Loadable {
  const path = isOptions(given) ? given.wasmPath : given;
  return path === undefined ? defaultWasm() : path;
}

/** Whether init() was given no location, so that the default (next to this module) was tried. */
const defaulted = (given: unknown) => given === undefined || (isOptions(given) && given.wasmPath === undefined);

/** " from <url>" when the module was to be fetched from a URL (or a response that knows it). */
function fromWhere(from: unknown): string {
  const url =
    hrefOf(from) ?? (from && typeof (from as { url?: unknown }).url === 'string' && (from as { url: string }).url ? (from as { url: string }).url : null);
  return url === null ? '' : ` from ${url}`;
}

/**
 * What to do when the file was not found at the default location (next to this module): bundlers
 * that neither copy it nor rewrite `new URL(…, import.meta.url)` (esbuild, Rollup without a
 * plugin) leave it missing next to the bundle.
 */
function hint(given: unknown, e: unknown): string {
  if (!defaulted(given) || !/^HTTP status 4\d\d$/.test(String(e && (e as Error).message))) return '';
  return (
    '. Your bundler did not put iot_explorer_app_bg.wasm next to the code that loads it (esbuild does not copy it): ' +
    'copy node_modules/iot-explorer-app/dist/iot_explorer_app_bg.wasm there, or pass where it is, ' +
    "init('/assets/iot_explorer_app_bg.wasm') (or { wasmPath }), or its bytes, init(await (await fetch(url)).arrayBuffer()); " +
    "or import from 'iot-explorer-app/inline', which carries the wasm in its code"
  );
}

/** Loads the wasm module; calling it again returns the same promise. */
const init: Init = (source) => {
  if (!loading) {
    const from = sourceOf(source);
    loading = instantiate(from).then(
      (instance) => wasm.set(instance.exports),
      (e) => {
        loading = null;
        wasm.loading(null);
        throw new IotExplorerError(`cannot load the wasm module${fromWhere(from)}: ${e && e.message}${hint(source, e)}`, { kind: 'Transport', cause: e });
      },
    );
    wasm.loading(loading);
  }
  return loading;
};
export default init;

/** Reading `localStorage` itself throws where storage is blocked (cookies off, some iframes). */
function hasLocalStorage(): boolean {
  try {
    return typeof localStorage === 'object' && localStorage !== null;
  } catch {
    return false;
  }
}

const memory = () => wasm.memory();
let core: Core | null = null;
const coreOf = () => core || (core = makeCore(wasm.raw, memory));
let clients: ReturnType<typeof makeClients> | null = null;
function clientsOf() {
  if (!clients) {
    const platform: Platform = {
      memory,
      whenLoaded: (ms) => wasm.whenLoaded(ms),
      browser: true,
      defaultTransport: () => fetchTransport(),
      defaultStorage: () => (hasLocalStorage() ? localStorageStorage() : memoryStorage()),
      defaultSocket: () => (typeof WebSocket === 'function' ? webSocketOpener(WebSocket as unknown as Parameters<typeof webSocketOpener>[0]) : null),
    };
    clients = makeClients(coreOf(), platform);
  }
  return clients;
}

export { init };
export const signParams: Api['signParams'] = (params, appSecret, options) => coreOf().signParams(params, appSecret, options);
export const buildAppApiRequest: Api['buildAppApiRequest'] = (input) => coreOf().buildAppApiRequest(input);
export const buildTokenApiRequest: Api['buildTokenApiRequest'] = (input) => coreOf().buildTokenApiRequest(input);
export const parseResponse: Api['parseResponse'] = (status, bodyText) => coreOf().parseResponse(status, bodyText);
export const parseLoginResponse: Api['parseLoginResponse'] = (status, bodyText) => coreOf().parseLoginResponse(status, bodyText);
export const parseActionResponse: Api['parseActionResponse'] = (action, status, bodyText) => coreOf().parseActionResponse(action, status, bodyText);
export const createServerClient: Api['createServerClient'] = (options) => clientsOf().createServerClient(options);
export const createClient: Api['createClient'] = (options) => clientsOf().createClient(options);
/** For leak checks: the size of the wasm linear memory (0 before init). */
export const diagnostics: Api['diagnostics'] = () => diagnosticsOf(memory);
export * from './shared-exports.js';
