// The wasm core behind the public functions: signing and request building through
// requests.js, parsing with each argument as text through the wasm's io area (wasm-io.js);
// every exception turned into an IotExplorerError.
import { toIotExplorerError } from './errors.js';
import { requestCalls } from './requests.js';
import { createWasmIo } from './wasm-io.js';

// A text of more UTF-16 units than this has more UTF-8 bytes than the core's JSON limit
// (MAX_TEXT_BYTES in src/json/parse.rs, 1 MiB), which it refuses whatever follows: so only this
// much of it is handed over, and the answer is the same without copying it all into the wasm.
const MAX_TEXT_UNITS = 1024 * 1024 + 1;
const bounded = (text) => (text.length > MAX_TEXT_UNITS ? text.slice(0, MAX_TEXT_UNITS) : text);

/** Argument kinds, 3 bits each (src/wasm/input.rs). */
const STRING = 0;
const MISSING = 1;
const OTHER = 2;

const stringArg = (v) => (typeof v === 'string' ? [v, STRING] : v === undefined || v === null ? ['', MISSING] : ['', OTHER]);
/** A response body: the core reads at most MAX_TEXT_UNITS of it (see above). */
const bodyArg = (v) => stringArg(typeof v === 'string' ? bounded(v) : v);

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
  const requests = requestCalls(raw, io);
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
  return {
    signParams: guarded(requests.signParams),
    buildAppApiRequest: guarded((input) => requests.buildAppApiRequest(input, defaults)),
    buildTokenApiRequest: guarded((input) => requests.buildTokenApiRequest(input, defaults)),
    parseResponse: guarded((status, bodyText) =>
      bodyOf(callWith([bodyArg(bodyText)], (b, k) => raw().parseResponse(statusArg(status), b, k)), bodyText),
    ),
    parseLoginResponse: guarded((status, bodyText) =>
      JSON.parse(callWith([bodyArg(bodyText)], (b, k) => raw().parseLoginResponse(statusArg(status), b, k))),
    ),
    parseActionResponse: guarded((action, status, bodyText) =>
      bodyOf(
        callWith([stringArg(action), bodyArg(bodyText)], (b, k) => raw().parseActionResponse(statusArg(status), b, k)),
        bodyText,
      ),
    ),
  };
}
