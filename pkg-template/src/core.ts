// The wasm core behind the public functions: signing and request building through
// requests.ts, parsing and the endpoint's URLs with each argument as text through the wasm's
// io area (wasm-io.ts); every exception turned into an IotExplorerError.
import { toIotExplorerError } from './errors.js';
import { ARG_MISSING, ARG_OTHER, ARG_STRING, MAX_TEXT_UNITS } from './generated/core.js';
import type { GlueModule } from './loaded-module.js';
import { type RequestDefaults, requestCalls } from './requests.js';
import type { ApiResponse, AppApiRequestInput, HttpRequest, Params, Signed, SigningOptions, TokenApiRequestInput, TokenGrant } from './types.js';
import { createWasmIo } from './wasm-io.js';

/** A text of more units than the core reads at all is handed over cut: the answer is the same. */
const bounded = (text: string) => (text.length > MAX_TEXT_UNITS ? text.slice(0, MAX_TEXT_UNITS) : text);

type Arg = [text: string, kind: number];

const stringArg = (v: unknown): Arg => (typeof v === 'string' ? [v, ARG_STRING] : v === undefined || v === null ? ['', ARG_MISSING] : ['', ARG_OTHER]);
/** A response body: the core reads at most MAX_TEXT_UNITS of it (see above). */
const bodyArg = (v: unknown): Arg => stringArg(typeof v === 'string' ? bounded(v) : v);

/**
 * A parsed response's body from the wasm's answer (src/wasm/mod.rs `body_answer`): where it
 * lies in the body text, which JSON.parse reads here, or the body itself; then the names of
 * the JSON-text fields to give parsed as `<name>Parsed`.
 */
function bodyOf(answer: string, bodyText: string): ApiResponse {
  const out: [number, number, ...string[]] | [ApiResponse, ...string[]] = JSON.parse(answer);
  const spanned = typeof out[0] === 'number';
  const body: ApiResponse = spanned ? JSON.parse(bodyText.slice(out[0] as number, bodyText.length - (out[1] as number))) : (out[0] as ApiResponse);
  for (let i = spanned ? 2 : 1; i < out.length; i++) {
    const name = out[i] as string;
    body[`${name}Parsed`] = JSON.parse(body[name] as string);
  }
  return body;
}

/** A status for the wasm: anything but a number is NaN, which it refuses. */
const statusArg = (status: unknown) => (typeof status === 'number' ? status : NaN);

export interface Core {
  signParams(params: Params, appSecret: string, options?: SigningOptions): Signed;
  buildAppApiRequest(input: AppApiRequestInput, prepare?: boolean): HttpRequest;
  buildTokenApiRequest(input: TokenApiRequestInput, prepare?: boolean): HttpRequest;
  parseResponse(status: number, bodyText: string): ApiResponse;
  parseLoginResponse(status: number, bodyText: string): TokenGrant;
  parseActionResponse(action: string, status: number, bodyText: string): ApiResponse;
  /** Whether a retry of `action` is safe (its definition says so; an unknown one by its name). */
  isIdempotent(action: string): boolean;
  /** The appapi, tokenapi and push URLs of an endpoint (a typed error for a bad one). */
  endpointUrls(endpoint: string | undefined): [appApi: string, tokenApi: string, push: string];
}

/**
 * `raw()` returns the wasm-bindgen exports (throwing if the module is not loaded yet);
 * `memory()` the instance's WebAssembly.Memory; `defaults(kind)` gives values the runtime
 * must supply itself (mini-programs have no CSPRNG inside the wasm), or `{}`.
 */
export function makeCore(raw: () => GlueModule, memory: () => WebAssembly.Memory | null, defaults: RequestDefaults = () => ({})): Core {
  const io = createWasmIo(raw, memory);
  const requests = requestCalls(raw, io);
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (e) {
        throw toIotExplorerError(e);
      }
    };
  /** Puts `args` ([text, kind] each) into the wasm, runs `call(bytes, kinds)`, returns its answer. */
  const callWith = (args: Arg[], call: (bytes: number, kinds: number) => number) => {
    const bytes = io.put(args.map((a) => a[0]));
    const kinds = args.reduce((k, a, i) => k | (a[1] << (3 * i)), 0);
    return io.answer(call(bytes, kinds));
  };
  return {
    signParams: guarded(requests.signParams),
    buildAppApiRequest: guarded((input: AppApiRequestInput, prepare?: boolean) => requests.buildAppApiRequest(input, defaults, prepare)),
    buildTokenApiRequest: guarded((input: TokenApiRequestInput, prepare?: boolean) => requests.buildTokenApiRequest(input, defaults, prepare)),
    parseResponse: guarded((status: number, bodyText: string) =>
      bodyOf(
        callWith([bodyArg(bodyText)], (b, k) => raw().parseResponse(statusArg(status), b, k)),
        bodyText,
      ),
    ),
    parseLoginResponse: guarded(
      (status: number, bodyText: string): TokenGrant => JSON.parse(callWith([bodyArg(bodyText)], (b, k) => raw().parseLoginResponse(statusArg(status), b, k))),
    ),
    parseActionResponse: guarded((action: string, status: number, bodyText: string) =>
      bodyOf(
        callWith([stringArg(action), bodyArg(bodyText)], (b, k) => raw().parseActionResponse(statusArg(status), b, k)),
        bodyText,
      ),
    ),
    isIdempotent: guarded((action: string) => raw().isIdempotent(io.put([action]), ARG_STRING) === 1),
    endpointUrls: guarded((endpoint: string | undefined) => JSON.parse(callWith([stringArg(endpoint)], (b, k) => raw().endpointUrls(b, k)))),
  };
}
