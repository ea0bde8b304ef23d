// signParams, buildAppApiRequest and buildTokenApiRequest: their one path into the wasm
// (src/wasm/requests.rs). The arguments are joined into one string, written straight into the
// wasm's memory as UTF-8, with a few u32 words: the UTF-16 length of each piece and each value's
// kind. Checked here: what only JS can see (types, members, values JSON cannot carry, unpaired
// surrogates); everything else the wasm checks and answers as a typed error.
import { invalidInput } from './errors.js';
import {
  KEEP_EMPTY,
  MAKE_REQUEST_ID,
  MAX_JOINED_UNITS,
  NODE_SDK_VALUES,
  PREPARE,
  STRING_TO_SIGN,
  VALUE_BOOLEAN,
  VALUE_JSON_TEXT,
  VALUE_NUMBER,
  VALUE_STRING,
} from './generated/core.js';
import { checkJsonValue, newWalk, type Walk } from './json-values.js';
import type { GlueModule } from './loaded-module.js';
import type { AppApiRequestInput, HttpRequest, Params, SigningOptions, TokenApiRequestInput } from './types.js';
import type { WasmIo } from './wasm-io.js';

const APP_API_INPUT = ['action', 'params', 'appKey', 'appSecret', 'timestamp', 'nonce', 'requestId', 'endpoint', 'signing'];
const TOKEN_API_INPUT = ['action', 'params', 'accessToken', 'requestId', 'endpoint'];

/** Values a runtime supplies itself (mini-programs have no CSPRNG inside the wasm), or `{}`. */
export type RequestDefaults = (kind: 'appapi' | 'tokenapi') => { requestId?: string; nonce?: number };

const RESIGN = Symbol('resign');

/**
 * signParams' result: the signature, and the string to sign made when first read (by the
 * wasm, from the same parameters). A class: an object literal with a getter costs more than
 * the whole signature. The text is made at most once and nothing is written to the instance,
 * so a frozen result still reads it.
 */
export class Signed {
  declare signature: string;
  declare [RESIGN]: () => string;

  /** stringToSign(): the string to sign, made once. */
  constructor(signature: string, stringToSign: () => string) {
    this.signature = signature;
    this[RESIGN] = stringToSign;
  }

  get stringToSign(): string {
    return this[RESIGN]();
  }

  toJSON() {
    return { stringToSign: this.stringToSign, signature: this.signature };
  }
}

// for-in with this check costs less than Object.keys (V8 elides it for own keys); inherited
// members count for nothing, as for JSON.stringify.
const hasOwn = Object.prototype.hasOwnProperty;
const isMissing = (v: unknown): v is undefined | null => v === undefined || v === null;
/** An object JSON.stringify writes as its members (no toJSON of its own or inherited). */
const isPlainJson = (v: unknown): v is { [key: string]: unknown } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

function plainObject(value: unknown, name: string): { [key: string]: unknown } {
  if (!isPlainJson(value)) throw invalidInput(name, `${name} must be a plain object`);
  return value;
}

/** The own enumerable members of `input` but undefined ones (what JSON.stringify sends); an unknown one is refused. */
function membersOf(given: unknown, known: readonly string[], name: string): { [key: string]: unknown } {
  const input = plainObject(given, name);
  const own: { [key: string]: unknown } = {};
  for (const key in input) {
    if (!hasOwn.call(input, key) || input[key] === undefined) continue;
    if (!known.includes(key)) throw invalidInput(key, `unknown option "${key}" in ${name}`);
    own[key] = input[key];
  }
  return own;
}

/** A text field: '' when missing (the wasm says what is required). */
function textField(value: unknown, name: string): string {
  if (isMissing(value)) return '';
  if (typeof value !== 'string') throw invalidInput(name, `${name} must be a string, not ${typeof value}`);
  return value;
}

/** A number for the wasm to check; NaN (make one) when missing. */
function numberField(value: unknown, name: string): number {
  if (isMissing(value)) return NaN;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput(name, `${name} must be an integer, not ${String(value)}`);
  return value;
}

/** The flag bits of a `signing` option object. */
function signingFlags(options: unknown, name: string): number {
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
type WellFormed = { isWellFormed?: () => boolean };
const wellFormed =
  typeof ('' as WellFormed).isWellFormed === 'function' ? (s: string) => (s as WellFormed).isWellFormed?.() === true : (s: string) => !UNPAIRED.test(s);

/** A value's text and kind; objects, arrays and null as their JSON text. */
function textAndKind(value: unknown, key: string, walk?: Walk): [text: string, kind: number] {
  const type = typeof value;
  if (typeof value === 'string') return [value, VALUE_STRING];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidInput(key, `${key} is ${value}, which cannot be sent as JSON`);
    return [String(value), VALUE_NUMBER];
  }
  if (typeof value === 'boolean') return [value ? 'true' : 'false', VALUE_BOOLEAN];
  if (type === 'object') {
    checkJsonValue(value, key, walk);
    try {
      return [JSON.stringify(value), VALUE_JSON_TEXT];
    } catch (e) {
      throw invalidInput(key, `${key} cannot be sent as JSON: ${(e as Error).message}`); // a cycle
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
interface Joined {
  text: string;
  lengths: number[];
  count: number;
}

function joined(fields: readonly string[], names: readonly string[], params: { [key: string]: unknown } | undefined): Joined {
  let text = '';
  const lengths: number[] = [];
  for (const field of fields) {
    text += field;
    lengths.push(field.length);
  }
  let walk: Walk | null = null;
  if (params !== undefined) {
    for (const key in params) {
      if (!hasOwn.call(params, key)) continue;
      const value = params[key];
      if (value === undefined) continue;
      const [valueText, kind] = typeof value === 'object' ? textAndKind(value, key, (walk = walk || newWalk())) : textAndKind(value, key);
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
export function requestCalls(raw: () => GlueModule, io: WasmIo) {
  let heldSecret: string | null = null; // the AppSecret the wasm holds as keyed HMAC state
  const put = (args: Joined) => io.putJoined(args.text, args.lengths);

  function holdSecret(appSecret: string) {
    if (appSecret === heldSecret) return;
    heldSecret = null;
    if (raw().setSigningSecret(io.putJoined(appSecret, [appSecret.length])) !== 1)
      throw invalidInput('appSecret', 'internal: the AppSecret did not reach the wasm');
    heldSecret = appSecret;
  }

  /** { url, method, headers, body } from a request the wasm wrote, or its error thrown. */
  function readRequest(length: number): HttpRequest {
    const text = io.answer(length);
    const [urlEnd = 0, methodLength = 0, typeLength = 0] = io.firstWords(3);
    const methodEnd = urlEnd + methodLength;
    const typeEnd = methodEnd + typeLength;
    return {
      url: text.slice(0, urlEnd),
      method: text.slice(urlEnd, methodEnd) as 'POST',
      headers: { 'content-type': text.slice(methodEnd, typeEnd) as 'application/json' },
      body: text.slice(typeEnd),
    };
  }

  /** A request's text (its fields, then its params) and its flag for the request id. */
  function requestArgs(input: { [key: string]: unknown }, credential: string, defaulted: { requestId?: string }) {
    const names = ['action', credential, 'requestId', 'endpoint'];
    const given = isMissing(input.requestId) ? defaulted.requestId : input.requestId;
    const fields = names.map((name) => textField(name === 'requestId' ? given : input[name], name));
    const args = joined(fields, names, isMissing(input.params) ? undefined : plainObject(input.params, 'params'));
    return { args, flags: isMissing(given) ? MAKE_REQUEST_ID : 0 };
  }

  return {
    signParams(params: Params, appSecret: string, options?: SigningOptions) {
      const flags = signingFlags(options === null ? undefined : options, 'options');
      const args = joined([], [], plainObject(params, 'params'));
      holdSecret(textField(appSecret, 'appSecret'));
      const sign = (bits: number) => io.answer(raw().signPrepared(args.count, put(args), bits));
      const signature = sign(flags);
      let text: string | null = null;
      return new Signed(signature, () => (text === null ? (text = sign(flags | STRING_TO_SIGN)) : text));
    },

    buildAppApiRequest(given: AppApiRequestInput, defaults: RequestDefaults, prepare = false) {
      const input = membersOf(given, APP_API_INPUT, 'request');
      const defaulted = defaults('appapi');
      const timestamp = numberField(input.timestamp, 'timestamp');
      const nonce = numberField(isMissing(input.nonce) ? defaulted.nonce : input.nonce, 'nonce');
      const signing = signingFlags(input.signing, 'signing'); // null is refused: no option object
      const { args, flags } = requestArgs(input, 'appKey', defaulted);
      holdSecret(textField(input.appSecret, 'appSecret'));
      return readRequest(raw().buildAppApiPrepared(args.count, put(args), timestamp, nonce, signing | flags | (prepare ? PREPARE : 0)));
    },

    buildTokenApiRequest(given: TokenApiRequestInput, defaults: RequestDefaults, prepare = false) {
      const input = membersOf(given, TOKEN_API_INPUT, 'request');
      const { args, flags } = requestArgs(input, 'accessToken', defaults('tokenapi'));
      return readRequest(raw().buildTokenApiPrepared(args.count, put(args), flags | (prepare ? PREPARE : 0)));
    },
  };
}
