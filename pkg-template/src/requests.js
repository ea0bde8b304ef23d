// signParams, buildAppApiRequest and buildTokenApiRequest: their one path into the wasm
// (src/wasm/requests.rs). The arguments are joined into one string, written straight into the
// wasm's memory as UTF-8, with a few u32 words: the UTF-16 length of each piece and each value's
// kind. Checked here: what only JS can see (types, members, values JSON cannot carry, unpaired
// surrogates); everything else the wasm checks and answers as a typed error.
import { invalidInput } from './errors.js';
import { checkJsonValue, newWalk } from './json-values.js';

const STRING = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const JSON_TEXT = 3;
const KEEP_EMPTY = 1;
const NODE_SDK_VALUES = 2;
const STRING_TO_SIGN = 4;
const MAKE_REQUEST_ID = 8;
const APP_API_INPUT = ['action', 'params', 'appKey', 'appSecret', 'timestamp', 'nonce', 'requestId', 'endpoint', 'signing'];
const TOKEN_API_INPUT = ['action', 'params', 'accessToken', 'requestId', 'endpoint'];

const RESIGN = Symbol('resign');
// Longer joined text cannot make a request body under the core's 1 MiB limit (UTF-8 has at
// least one byte per UTF-16 unit): refused before it is copied into the wasm's memory, which
// never shrinks.
const MAX_JOINED_UNITS = 1 << 20;

/**
 * signParams' result: the signature, and the string to sign made when first read (by the
 * wasm, from the same parameters). A class: an object literal with a getter costs more than
 * the whole signature. The text is made at most once and nothing is written to the instance,
 * so a frozen result still reads it.
 */
export class Signed {
  /** stringToSign(): the string to sign, made once. */
  constructor(signature, stringToSign) {
    this.signature = signature;
    this[RESIGN] = stringToSign;
  }

  get stringToSign() {
    return this[RESIGN]();
  }

  toJSON() {
    return { stringToSign: this.stringToSign, signature: this.signature };
  }
}

// for-in with this check costs less than Object.keys (V8 elides it for own keys); inherited
// members count for nothing, as for JSON.stringify.
const hasOwn = Object.prototype.hasOwnProperty;
const isMissing = (v) => v === undefined || v === null;
/** An object JSON.stringify writes as its members (no toJSON of its own or inherited). */
const isPlainJson = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.toJSON !== 'function';

function plainObject(value, name) {
  if (!isPlainJson(value)) throw invalidInput(name, `${name} must be a plain object`);
  return value;
}

/** The own enumerable members of `input` but undefined ones (what JSON.stringify sends); an unknown one is refused. */
function membersOf(input, known, name) {
  plainObject(input, name);
  const own = {};
  for (const key in input) {
    if (!hasOwn.call(input, key) || input[key] === undefined) continue;
    if (!known.includes(key)) throw invalidInput(key, `unknown option "${key}" in ${name}`);
    own[key] = input[key];
  }
  return own;
}

/** A text field: '' when missing (the wasm says what is required). */
function textField(value, name) {
  if (isMissing(value)) return '';
  if (typeof value !== 'string') throw invalidInput(name, `${name} must be a string, not ${typeof value}`);
  return value;
}

/** A number for the wasm to check; NaN (make one) when missing. */
function numberField(value, name) {
  if (isMissing(value)) return NaN;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput(name, `${name} must be an integer, not ${String(value)}`);
  return value;
}

/** The flag bits of a `signing` option object. */
function signingFlags(options, name) {
  if (options === undefined) return 0;
  let flags = 0;
  for (const [key, value] of Object.entries(membersOf(options, ['emptyValues', 'values'], name))) {
    const [yes, no] = key === 'values' ? ['node-sdk', 'strict'] : ['keep', 'omit'];
    if (value === yes) flags |= key === 'values' ? NODE_SDK_VALUES : KEEP_EMPTY;
    else if (value !== no && !isMissing(value)) throw invalidInput(key, `${key} must be "${no}" or "${yes}", not ${JSON.stringify(String(value))}`);
  }
  return flags;
}

const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = typeof ''.isWellFormed === 'function' ? (s) => s.isWellFormed() : (s) => !UNPAIRED.test(s);

/** A value's text and kind; objects, arrays and null as their JSON text. */
function valueOf(value, key, walk) {
  const type = typeof value;
  if (type === 'string') return [value, STRING];
  if (type === 'number') {
    if (!Number.isFinite(value)) throw invalidInput(key, `${key} is ${value}, which cannot be sent as JSON`);
    return [String(value), NUMBER];
  }
  if (type === 'boolean') return [value ? 'true' : 'false', BOOLEAN];
  if (type === 'object') {
    checkJsonValue(value, key, walk);
    try {
      return [JSON.stringify(value), JSON_TEXT];
    } catch (e) {
      throw invalidInput(key, `${key} cannot be sent as JSON: ${e && e.message}`); // a cycle
    }
  }
  throw invalidInput(key, `${key} is a ${type}; only JSON values can be sent`);
}

/**
 * `fields` (texts) and the parameters joined into one text, with the lengths the wasm needs:
 * each field's, then each parameter's key and value text lengths and its kind. `params`: a
 * plain object (the callers check it) or undefined. Undefined members are skipped, as
 * JSON.stringify does.
 */
function joined(fields, names, params) {
  let text = '';
  const lengths = [];
  for (let i = 0; i < fields.length; i++) {
    text += fields[i];
    lengths.push(fields[i].length);
  }
  let walk = null;
  if (params !== undefined) {
    for (const key in params) {
      if (!hasOwn.call(params, key)) continue;
      const value = params[key];
      if (value === undefined) continue;
      const [valueText, kind] = typeof value === 'object' ? valueOf(value, key, (walk = walk || newWalk())) : valueOf(value, key);
      text += key;
      text += valueText;
      lengths.push(key.length, valueText.length, kind);
    }
  }
  if (text.length > MAX_JOINED_UNITS) throw invalidInput('params', `the request is too large: over ${MAX_JOINED_UNITS} characters; the body limit is 1 MiB`);
  if (!wellFormed(text)) {
    const field = names[fields.findIndex((f) => !wellFormed(f))] || 'params';
    throw invalidInput(field, `${field} contains a string with an unpaired UTF-16 surrogate, which has no UTF-8 form`);
  }
  return { text, lengths, count: (lengths.length - fields.length) / 3 };
}

/** raw(): the wasm-bindgen exports; io: createWasmIo's helpers. */
export function requestCalls(raw, io) {
  let heldSecret = null; // the AppSecret the wasm holds as keyed HMAC state
  const put = (args) => io.putJoined(args.text, args.lengths);

  function holdSecret(appSecret) {
    if (appSecret === heldSecret) return;
    heldSecret = null;
    if (raw().setSigningSecret(io.putJoined(appSecret, [appSecret.length])) !== 1) throw invalidInput('appSecret', 'internal: the AppSecret did not reach the wasm');
    heldSecret = appSecret;
  }

  /** { url, method, headers, body } from a request the wasm wrote, or its error thrown. */
  function readRequest(length) {
    const text = io.answer(length);
    const [urlEnd, methodLength, typeLength] = io.firstWords(3);
    const methodEnd = urlEnd + methodLength;
    const typeEnd = methodEnd + typeLength;
    return {
      url: text.slice(0, urlEnd),
      method: text.slice(urlEnd, methodEnd),
      headers: { 'content-type': text.slice(methodEnd, typeEnd) },
      body: text.slice(typeEnd),
    };
  }

  /** A request's text (its fields, then its params) and its flag for the request id. */
  function requestArgs(input, credential, defaulted) {
    const names = ['action', credential, 'requestId', 'endpoint'];
    const given = isMissing(input.requestId) ? defaulted.requestId : input.requestId;
    const fields = names.map((name) => textField(name === 'requestId' ? given : input[name], name));
    const args = joined(fields, names, isMissing(input.params) ? undefined : plainObject(input.params, 'params'));
    return { args, flags: isMissing(given) ? MAKE_REQUEST_ID : 0 };
  }

  return {
    signParams(params, appSecret, options) {
      const flags = signingFlags(options === null ? undefined : options, 'options');
      const args = joined([], [], plainObject(params, 'params'));
      holdSecret(textField(appSecret, 'appSecret'));
      const sign = (bits) => io.answer(raw().signPrepared(args.count, put(args), bits));
      const signature = sign(flags);
      let text = null;
      return new Signed(signature, () => (text === null ? (text = sign(flags | STRING_TO_SIGN)) : text));
    },

    buildAppApiRequest(given, defaults) {
      const input = membersOf(given, APP_API_INPUT, 'request');
      const defaulted = defaults('appapi');
      const timestamp = numberField(input.timestamp, 'timestamp');
      const nonce = numberField(isMissing(input.nonce) ? defaulted.nonce : input.nonce, 'nonce');
      const signing = signingFlags(input.signing, 'signing'); // null is refused: no option object
      const { args, flags } = requestArgs(input, 'appKey', defaulted);
      holdSecret(textField(input.appSecret, 'appSecret'));
      return readRequest(raw().buildAppApiPrepared(args.count, put(args), timestamp, nonce, signing | flags));
    },

    buildTokenApiRequest(given, defaults) {
      const input = membersOf(given, TOKEN_API_INPUT, 'request');
      const { args, flags } = requestArgs(input, 'accessToken', defaults('tokenapi'));
      return readRequest(raw().buildTokenApiPrepared(args.count, put(args), flags));
    },
  };
}
