// The wasm core behind the public functions: the fast paths first (prepared.js), else each
// argument as text or JSON text through the wasm's io area (wasm-io.js); input checks JSON
// cannot express; every exception turned into an IotExplorerError.
import { invalidInput, toIotExplorerError } from './errors.js';
import { preparedCalls } from './prepared.js';
import { createWasmIo } from './wasm-io.js';

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

/** Argument kinds, 3 bits each (src/wasm/input.rs). */
const STRING = 0;
const MISSING = 1;
const OTHER = 2;
const JSON_TEXT = 3;

const stringArg = (v) => (typeof v === 'string' ? [v, STRING] : v === undefined || v === null ? ['', MISSING] : ['', OTHER]);

function jsonArg(v, what) {
  if (v === undefined || v === null) return ['', MISSING];
  let text;
  try {
    text = JSON.stringify(v);
  } catch (e) {
    throw invalidInput(what, `${what} cannot be sent as JSON: ${e && e.message}`);
  }
  return text === undefined ? ['', OTHER] : [text, JSON_TEXT];
}

/**
 * A parsed response's body from the wasm's answer: where it lies in the body text ([offset
 * from the start, offset from the end, dataIsJson?]), which JSON.parse reads here (with `Data`
 * also parsed as `DataParsed` when the wasm says it is the JSON text of an object), or the body
 * itself.
 */
function bodyOf(answer, bodyText) {
  const out = JSON.parse(answer);
  if (!Array.isArray(out)) return out;
  const body = JSON.parse(bodyText.slice(out[0], bodyText.length - out[1]));
  if (out[2] === 1) body.DataParsed = JSON.parse(body.Data);
  return body;
}

/** A status for the wasm: anything but a number is NaN, which it refuses. */
const statusArg = (status) => (typeof status === 'number' ? status : NaN);

/**
 * `raw()` returns the wasm-bindgen exports (throwing if the module is not loaded yet);
 * `memory()` the instance's WebAssembly.Memory; `defaults(kind)` gives values the runtime
 * must supply itself (mini-programs have no CSPRNG inside the wasm), or `{}`.
 */
export function makeCore(raw, memory, defaults = () => ({})) {
  const io = createWasmIo(raw, memory);
  const prepared = preparedCalls(raw, io);
  const guarded = (fn) => (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      throw toIotExplorerError(e);
    }
  };
  /** Puts `args` ([text, kind] each) into the wasm, runs `call(bytes, kinds)`, returns its answer. */
  const callWith = (args, call) => {
    const bytes = io.put(args.map((a) => a[0]));
    const kinds = args.reduce((k, a, i) => k | (a[1] << (3 * i)), 0);
    return io.answer(call(bytes, kinds));
  };
  const json = (args, call) => JSON.parse(callWith(args, call));
  /** A request builder: its fast path, else the request object as JSON text to `exported`. */
  const requestBuilder = (fast, kind, exported) =>
    guarded((input) => {
      const built = fast(input, defaults);
      if (built !== null) return built;
      if (input && input.params !== undefined) checkParams(input.params);
      const args = [jsonArg(withDefaults(input, kind, defaults), 'request')];
      return json(args, (b, k) => raw()[exported](b, k));
    });
  return {
    signParams: guarded((params, appSecret, options) => {
      const fast = prepared.sign(params, appSecret, options);
      if (fast !== null) return fast;
      checkParams(params);
      const args = [jsonArg(params, 'params'), stringArg(appSecret), jsonArg(options, 'options')];
      return json(args, (b, k) => raw().signParams(b, k));
    }),
    buildAppApiRequest: requestBuilder(prepared.appApiRequest, 'appapi', 'buildAppApiRequest'),
    buildTokenApiRequest: requestBuilder(prepared.tokenApiRequest, 'tokenapi', 'buildTokenApiRequest'),
    parseResponse: guarded((status, bodyText) =>
      bodyOf(callWith([stringArg(bodyText)], (b, k) => raw().parseResponse(statusArg(status), b, k)), bodyText),
    ),
    parseLoginResponse: guarded((status, bodyText) =>
      json([stringArg(bodyText)], (b, k) => raw().parseLoginResponse(statusArg(status), b, k)),
    ),
    parseActionResponse: guarded((action, status, bodyText) =>
      bodyOf(
        callWith([stringArg(action), stringArg(bodyText)], (b, k) => raw().parseActionResponse(statusArg(status), b, k)),
        bodyText,
      ),
    ),
    newPushChannel: guarded((config) => {
      const handle = Number(callWith([jsonArg(config, 'push')], (b, k) => raw().pushOpen(b, k)));
      return {
        step: (input) => json([jsonArg(input, 'step')], (b, k) => raw().pushStep(handle, b, k)),
      };
    }),
  };
}
