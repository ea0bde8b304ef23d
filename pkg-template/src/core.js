// The wasm core behind the public functions: input checks JSON cannot express, and every
// exception turned into an IotExplorerError.
import { invalidInput, toIotExplorerError } from './errors.js';
import { preparedCalls } from './prepared.js';

/** Values JSON.stringify would silently drop or turn into null get a typed error instead. */
function checkParams(params, where = 'params') {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw invalidInput(where, `${where} must be an object`);
  }
  for (const key in params) {
    const v = params[key];
    const t = typeof v;
    if (t === 'symbol' || t === 'function' || t === 'bigint') {
      throw invalidInput(key, `${key} is a ${t}; only JSON values can be sent`);
    }
    if (t === 'number' && !Number.isFinite(v)) {
      throw invalidInput(key, `${key} is ${v}, which cannot be sent as JSON`);
    }
  }
}

/** Fills the runtime's defaults (request id, nonce) into the members the caller left out. */
function withDefaults(input, kind, defaults) {
  if (input === null || typeof input !== 'object') return input;
  const merged = { ...input };
  for (const [key, value] of Object.entries(defaults(kind))) {
    if (merged[key] === undefined || merged[key] === null) merged[key] = value;
  }
  return merged;
}

/**
 * `raw()` returns the wasm-bindgen exports (throwing if the module is not loaded yet);
 * `memory()` the instance's WebAssembly.Memory; `defaults(kind)` gives values the runtime
 * must supply itself (mini-programs have no CSPRNG inside the wasm), or `{}`.
 */
export function makeCore(raw, memory, defaults = () => ({})) {
  const prepared = preparedCalls(raw, memory);
  const guarded = (fn) => (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      throw toIotExplorerError(e);
    }
  };
  return {
    signParams: guarded((params, appSecret, options) => {
      const fast = prepared.sign(params, appSecret, options);
      if (fast !== null) return fast;
      checkParams(params);
      return raw().signParams(params, appSecret, options);
    }),
    buildAppApiRequest: guarded((input) => {
      const fast = prepared.appApiRequest(input, defaults);
      if (fast !== null) return fast;
      if (input && input.params !== undefined) checkParams(input.params);
      return raw().buildAppApiRequest(withDefaults(input, 'appapi', defaults));
    }),
    buildTokenApiRequest: guarded((input) => {
      const fast = prepared.tokenApiRequest(input, defaults);
      if (fast !== null) return fast;
      if (input && input.params !== undefined) checkParams(input.params);
      return raw().buildTokenApiRequest(withDefaults(input, 'tokenapi', defaults));
    }),
    parseResponse: guarded((status, bodyText) => raw().parseResponse(status, bodyText)),
    parseLoginResponse: guarded((status, bodyText) => raw().parseLoginResponse(status, bodyText)),
    parseActionResponse: guarded((action, status, bodyText) => raw().parseActionResponse(action, status, bodyText)),
    newPushChannel: guarded((config) => new (raw().PushChannel)(config)),
  };
}
