// Assembles the public API of one runtime from the wasm exports and the runtime's platform.
import { type Client, type ClientOptions, createClient } from './app-client.js';
import { type Core, makeCore } from './core.js';
import { IotExplorerError } from './errors.js';
import type { GlueModule } from './loaded-module.js';
import type { Platform } from './platform.js';
import { createServerClient, type ServerClient, type ServerClientOptions } from './server-client.js';
import type { ApiResponse, AppApiRequestInput, HttpRequest, Params, Signed, SigningOptions, TokenApiRequestInput, TokenGrant } from './types.js';

/** The AppSecret APIs throw AppSecretNotAllowed where the platform forbids them (mini-programs, unless init() was told otherwise). */
export function assertAppSecretAllowed(platform: Platform): void {
  if (platform.appSecretAllowed && !platform.appSecretAllowed()) {
    throw new IotExplorerError(
      'AppSecret APIs are disabled in mini-programs: sign on your server or in a cloud function ' + '(or pass dangerouslyAllowAppSecretInClient: true to init)',
      { kind: 'InvalidInput', code: 'AppSecretNotAllowed', param: 'appSecret' },
    );
  }
}

/**
 * What createServerClient checks first: the AppSecret APIs are allowed here, and a browser bundle
 * (as public as a mini-program) needs an explicit opt-in.
 */
function assertServerClientAllowed(platform: Platform, options: ServerClientOptions | undefined): void {
  assertAppSecretAllowed(platform);
  if (platform.browser && !(options && options.dangerouslyAllowBrowser === true)) {
    throw new IotExplorerError(
      'createServerClient holds your AppSecret, and whoever loads a browser bundle can read it and ' +
        'log in as any user: sign logins on your server or in a cloud function (the Node build) and ' +
        'give the page createClient({ getAccessToken }) instead (or pass dangerouslyAllowBrowser: true ' +
        'to createServerClient, for a test page)',
      { kind: 'InvalidInput', code: 'AppSecretNotAllowed', param: 'appSecret' },
    );
  }
}

/** The two clients of a runtime. */
export function makeClients(core: Core, platform: Platform) {
  return {
    createServerClient(options: ServerClientOptions): ServerClient {
      assertServerClientAllowed(platform, options);
      return createServerClient(core, platform, options);
    },
    createClient: (options: ClientOptions): Client => createClient(core, platform, options),
  };
}

/** For leak checks: the size of the wasm linear memory (0 before init). */
export const diagnosticsOf = (memory: () => WebAssembly.Memory | null) => ({ wasmMemoryBytes: memory()?.buffer.byteLength ?? 0 });

/** The functions every entry point exports (beside init and the stateless helpers). */
export interface Api {
  signParams(params: Params, appSecret: string, options?: SigningOptions): Signed;
  buildAppApiRequest(input: AppApiRequestInput): HttpRequest;
  buildTokenApiRequest(input: TokenApiRequestInput): HttpRequest;
  /** Status + body text → the response content, or throws an IotExplorerError. */
  parseResponse(status: number, bodyText: string): ApiResponse;
  /** For `AppGetTokenByWeiXin` and `AppGetToken` responses. */
  parseLoginResponse(status: number, bodyText: string): TokenGrant;
  /**
   * Like parseResponse; for the typed actions the documented fields are checked (a `Parse` error
   * otherwise) and put where the typed result has them, and JSON-text fields are also given parsed.
   */
  parseActionResponse(action: string, status: number, bodyText: string): ApiResponse;
  createServerClient(options: ServerClientOptions): ServerClient;
  createClient(options: ClientOptions): Client;
  /** For leak checks: the wasm linear memory's size in bytes (0 before init). */
  diagnostics(): { wasmMemoryBytes: number };
}

/**
 * The API of a runtime whose exports need not be tree-shaken (Node, mini-programs; the browser
 * build exports each function on its own instead).
 */
export function makeApi(raw: () => GlueModule, platform: Platform): Api {
  const core = makeCore(raw, platform.memory, platform.defaults);
  const clients = makeClients(core, platform);
  return {
    signParams: (params, appSecret, options) => {
      assertAppSecretAllowed(platform);
      return core.signParams(params, appSecret, options);
    },
    buildAppApiRequest: (input) => {
      assertAppSecretAllowed(platform);
      return core.buildAppApiRequest(input);
    },
    buildTokenApiRequest: (input) => core.buildTokenApiRequest(input),
    parseResponse: core.parseResponse,
    parseLoginResponse: core.parseLoginResponse,
    parseActionResponse: core.parseActionResponse,
    createServerClient: clients.createServerClient,
    createClient: clients.createClient,
    diagnostics: () => diagnosticsOf(platform.memory),
  };
}

export { checkControlData, parseDataTemplate } from './data-template.js';
export { IotExplorerError } from './errors.js';
export { webSocketOpener, wxSocketOpener } from './push.js';
export { localStorageStorage, memoryStorage, wxStorage } from './storage.js';
export { fetchTransport } from './transports/fetch.js';
export { wxRequestTransport } from './transports/wx-request.js';
