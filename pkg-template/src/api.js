// Assembles the public API of one runtime from the wasm exports and the runtime's platform.
import { makeClients } from './client.js';
import { makeCore } from './core.js';
import { IotExplorerError } from './errors.js';
import { memoryStorage, localStorageStorage, wxStorage } from './storage.js';
import { fetchTransport } from './transports/fetch.js';
import { wxRequestTransport } from './transports/wx-request.js';

/**
 * platform: { defaultTransport(), defaultStorage(), appSecretAllowed(), defaults(kind), whenLoaded(ms),
 * browser (true in the browser build: createServerClient needs dangerouslyAllowBrowser) }.
 */
export function makeApi(raw, platform) {
  const core = makeCore(raw, platform.memory, platform.defaults || (() => ({})));
  const assertAppSecretAllowed = () => {
    if (platform.appSecretAllowed && !platform.appSecretAllowed()) {
      throw new IotExplorerError(
        'AppSecret APIs are disabled in mini-programs: sign on your server or in a cloud function ' +
          '(or pass dangerouslyAllowAppSecretInClient: true to init)',
        { kind: 'InvalidInput', code: 'AppSecretNotAllowed', param: 'appSecret' },
      );
    }
  };
  const secretGuarded = (fn) => (...args) => {
    assertAppSecretAllowed();
    return fn(...args);
  };
  // Browser bundles are as public as a mini-program: a server client there needs an explicit opt-in.
  const assertServerClientAllowed = (options) => {
    assertAppSecretAllowed();
    if (platform.browser && !(options && options.dangerouslyAllowBrowser === true)) {
      throw new IotExplorerError(
        'createServerClient holds your AppSecret, and whoever loads a browser bundle can read it and ' +
          'log in as any user: sign logins on your server or in a cloud function (the Node build) and ' +
          "give the page createClient({ getAccessToken }) instead (or pass dangerouslyAllowBrowser: true " +
          'to createServerClient, for a test page)',
        { kind: 'InvalidInput', code: 'AppSecretNotAllowed', param: 'appSecret' },
      );
    }
  };
  const clients = makeClients(core, { ...platform, assertAppSecretAllowed: assertServerClientAllowed });
  return {
    signParams: secretGuarded(core.signParams),
    buildAppApiRequest: secretGuarded(core.buildAppApiRequest),
    buildTokenApiRequest: core.buildTokenApiRequest,
    parseResponse: core.parseResponse,
    parseLoginResponse: core.parseLoginResponse,
    parseActionResponse: core.parseActionResponse,
    createServerClient: clients.createServerClient,
    createClient: clients.createClient,
    /** For leak checks: the size of the wasm linear memory (0 before init). */
    diagnostics: () => ({ wasmMemoryBytes: platform.memory() ? platform.memory().buffer.byteLength : 0 }),
  };
}

export { IotExplorerError, fetchTransport, wxRequestTransport, memoryStorage, localStorageStorage, wxStorage };
export { webSocketOpener, wxSocketOpener } from './push.js';
