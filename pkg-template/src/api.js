// Assembles the public API of one runtime from the wasm exports and the runtime's platform.
import { makeClients } from './client.js';
import { makeCore } from './core.js';
import { IotExplorerError } from './errors.js';
import { memoryStorage, localStorageStorage, wxStorage } from './storage.js';
import { fetchTransport } from './transports/fetch.js';
import { wxRequestTransport } from './transports/wx-request.js';

/**
 * A function that throws AppSecretNotAllowed where the platform forbids the AppSecret APIs
 * (mini-programs, unless init() was told otherwise).
 */
export function appSecretGuard(platform) {
  return () => {
    if (platform.appSecretAllowed && !platform.appSecretAllowed()) {
      throw new IotExplorerError(
        'AppSecret APIs are disabled in mini-programs: sign on your server or in a cloud function ' +
          '(or pass dangerouslyAllowAppSecretInClient: true to init)',
        { kind: 'InvalidInput', code: 'AppSecretNotAllowed', param: 'appSecret' },
      );
    }
  };
}

/**
 * What createServerClient checks first: the AppSecret APIs are allowed here, and a browser bundle
 * (as public as a mini-program) needs an explicit opt-in.
 */
export function serverClientGuard(platform) {
  const assertAppSecretAllowed = appSecretGuard(platform);
  return (options) => {
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
}

/** For leak checks: the size of the wasm linear memory (0 before init). */
export const diagnosticsOf = (memory) => ({ wasmMemoryBytes: memory() ? memory().buffer.byteLength : 0 });

/**
 * platform: { memory(), defaultTransport(), defaultStorage(), defaultSocket(), appSecretAllowed(),
 * defaults(kind), whenLoaded(ms), browser (true in the browser build: createServerClient needs
 * dangerouslyAllowBrowser), onLifecycle(hub) }.
 */
export function makeApi(raw, platform) {
  const core = makeCore(raw, platform.memory, platform.defaults || (() => ({})));
  const assertAppSecretAllowed = appSecretGuard(platform);
  const secretGuarded = (fn) => (...args) => {
    assertAppSecretAllowed();
    return fn(...args);
  };
  const clients = makeClients(core, { ...platform, assertAppSecretAllowed: serverClientGuard(platform) });
  return {
    signParams: secretGuarded(core.signParams),
    buildAppApiRequest: secretGuarded(core.buildAppApiRequest),
    buildTokenApiRequest: core.buildTokenApiRequest,
    parseResponse: core.parseResponse,
    parseLoginResponse: core.parseLoginResponse,
    parseActionResponse: core.parseActionResponse,
    createServerClient: clients.createServerClient,
    createClient: clients.createClient,
    diagnostics: () => diagnosticsOf(platform.memory),
  };
}

export { IotExplorerError, fetchTransport, wxRequestTransport, memoryStorage, localStorageStorage, wxStorage };
export { webSocketOpener, wxSocketOpener } from './push.js';
export { parseDataTemplate, checkControlData } from './data-template.js';
