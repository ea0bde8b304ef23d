// The fast paths of signParams, buildAppApiRequest and buildTokenApiRequest: the arguments are
// joined into one string, written straight into the wasm's memory as UTF-8, with a few u32
// words: the UTF-16 length of each piece and each value's kind (src/wasm/io.rs,
// src/wasm/prepared.rs). Each returns null for what it does not take (values other than
// strings, finite numbers and booleans, unknown options, errors of any kind): the caller then
// takes the general path, which reports errors.

const KIND = { string: 0, number: 1, boolean: 2 };
const KEEP_EMPTY = 1;
const NODE_SDK_VALUES = 2;
const STRING_TO_SIGN = 4;
const APP_API_INPUT = new Set(['action', 'params', 'appKey', 'appSecret', 'timestamp', 'nonce', 'requestId', 'endpoint', 'signing']);
const TOKEN_API_INPUT = new Set(['action', 'params', 'accessToken', 'requestId', 'endpoint']);

const RESIGN = Symbol('resign');
// Longer joined text cannot make a request body under the core's 1 MiB limit (UTF-8 has at
// least one byte per UTF-16 unit); the general path refuses it before building anything.
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

// for-in with this check costs less than Object.keys (V8 elides it for own keys); an inherited
// key sends the call to the general path, which, like JSON.stringify, sees only own keys.
const hasOwn = Object.prototype.hasOwnProperty;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** An object JSON.stringify writes as its members (no toJSON of its own or inherited). */
const isPlainJson = (v) => isObject(v) && typeof v.toJSON !== 'function';
const isMissing = (v) => v === undefined || v === null;

/** The flag bits of a `signing` option object, or -1 when the general path must judge it. */
function signingFlags(options) {
  if (isMissing(options)) return 0;
  if (!isPlainJson(options)) return -1;
  let flags = 0;
  for (const key in options) {
    if (!hasOwn.call(options, key)) return -1;
    const value = options[key];
    if (key === 'emptyValues' && (value === 'keep' || value === 'omit' || isMissing(value))) {
      if (value === 'keep') flags |= KEEP_EMPTY;
    } else if (key === 'values' && (value === 'node-sdk' || value === 'strict' || isMissing(value))) {
      if (value === 'node-sdk') flags |= NODE_SDK_VALUES;
    } else {
      return -1;
    }
  }
  return flags;
}

/**
 * `fields` and the parameters joined into one text, with the lengths the wasm needs: each
 * field's, then each parameter's key and value text lengths and its kind. Null when a value is
 * not a string, a finite number or a boolean. Undefined members are skipped, as JSON.stringify
 * (the general path) does.
 */
function joined(fields, params) {
  let text = '';
  const lengths = [];
  for (let i = 0; i < fields.length; i++) {
    text += fields[i];
    lengths.push(fields[i].length);
  }
  for (const key in params) {
    if (!hasOwn.call(params, key)) return null;
    const value = params[key];
    const type = typeof value;
    let valueText;
    if (type === 'string') valueText = value;
    else if (type === 'number' && Number.isFinite(value)) valueText = String(value);
    else if (type === 'boolean') valueText = value ? 'true' : 'false';
    else if (type === 'undefined') continue;
    else return null;
    text += key;
    text += valueText;
    lengths.push(key.length, valueText.length, KIND[type]);
  }
  if (text.length > MAX_JOINED_UNITS) return null;
  return { text, lengths, count: (lengths.length - fields.length) / 3 };
}

/** raw(): the wasm-bindgen exports; io: createWasmIo's helpers. */
export function preparedCalls(raw, io) {
  let heldSecret = null; // the AppSecret the wasm holds as keyed HMAC state
  const put = (args) => io.putJoined(args.text, args.lengths);

  function holdSecret(appSecret) {
    if (appSecret === heldSecret) return true;
    heldSecret = null;
    const bytes = io.putJoined(appSecret, [appSecret.length]);
    if (raw().setSigningSecret(bytes) !== 1) return false;
    heldSecret = appSecret;
    return true;
  }

  function signPrepared(args, flags) {
    const result = raw().signPrepared(args.count, put(args), flags);
    return result < 0 ? null : io.read(result);
  }

  /** { url, method, headers, body } from a request the wasm wrote, or null. */
  function readRequest(length) {
    if (length < 0) return null;
    const text = io.read(length);
    const urlEnd = io.word(0);
    const methodEnd = urlEnd + io.word(1);
    const typeEnd = methodEnd + io.word(2);
    return {
      url: text.slice(0, urlEnd),
      method: text.slice(urlEnd, methodEnd),
      headers: { 'content-type': text.slice(methodEnd, typeEnd) },
      body: text.slice(typeEnd),
    };
  }

  /** requestId or the runtime's default; '' asks the wasm to make one; null: general path. */
  function requestIdOf(given, defaults) {
    const id = isMissing(given) ? defaults.requestId : given;
    if (isMissing(id)) return '';
    return typeof id === 'string' && id !== '' ? id : null;
  }

  const endpointOf = (endpoint) => (isMissing(endpoint) ? '' : typeof endpoint === 'string' ? endpoint : null);
  const integerOf = (given, fallback) => {
    const value = isMissing(given) ? fallback : given;
    return isMissing(value) ? NaN : typeof value === 'number' && !Number.isNaN(value) ? value : null;
  };
  /** The own enumerable members of `input` (what JSON.stringify sends), or null for others. */
  const ownKnown = (input, known) => {
    if (!isPlainJson(input)) return null;
    const own = {};
    for (const key in input) {
      if (!known.has(key) || !hasOwn.call(input, key)) return null;
      own[key] = input[key];
    }
    return own;
  };
  const paramsOf = (params) => (isMissing(params) ? undefined : isPlainJson(params) ? params : null);

  return {
    sign(params, appSecret, options) {
      const flags = signingFlags(options);
      if (flags < 0 || typeof appSecret !== 'string' || appSecret === '' || !isPlainJson(params)) return null;
      const args = joined([], params);
      if (args === null || !holdSecret(appSecret)) return null;
      const signature = signPrepared(args, flags);
      if (signature === null) return null;
      let text = null;
      return new Signed(signature, () => (text === null ? (text = signPrepared(args, flags | STRING_TO_SIGN)) : text));
    },

    appApiRequest(given, defaults) {
      const input = ownKnown(given, APP_API_INPUT);
      if (input === null) return null;
      const { action, appKey, appSecret } = input;
      const params = paramsOf(input.params);
      const defaulted = defaults('appapi');
      const requestId = requestIdOf(input.requestId, defaulted);
      const endpoint = endpointOf(input.endpoint);
      const timestamp = integerOf(input.timestamp);
      const nonce = integerOf(input.nonce, defaulted.nonce);
      const flags = input.signing === null ? -1 : signingFlags(input.signing);
      if (typeof action !== 'string' || typeof appKey !== 'string' || typeof appSecret !== 'string') return null;
      if (params === null || requestId === null || endpoint === null || timestamp === null || nonce === null || flags < 0) return null;
      const args = joined([action, appKey, requestId, endpoint], params);
      if (args === null || !holdSecret(appSecret)) return null;
      return readRequest(raw().buildAppApiPrepared(args.count, put(args), timestamp, nonce, flags));
    },

    tokenApiRequest(given, defaults) {
      const input = ownKnown(given, TOKEN_API_INPUT);
      if (input === null) return null;
      const { action, accessToken } = input;
      const params = paramsOf(input.params);
      const requestId = requestIdOf(input.requestId, defaults('tokenapi'));
      const endpoint = endpointOf(input.endpoint);
      if (typeof action !== 'string' || typeof accessToken !== 'string') return null;
      if (params === null || requestId === null || endpoint === null) return null;
      const args = joined([action, accessToken, requestId, endpoint], params);
      if (args === null) return null;
      return readRequest(raw().buildTokenApiPrepared(args.count, put(args)));
    },
  };
}
