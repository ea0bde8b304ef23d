// The shapes the API speaks in: JSON values, parameters, requests and responses. API payloads
// keep the App API's own PascalCase names; SDK options are camelCase.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object as a caller passes it (a control's `Data`, a device action's `InputParams`). */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/** Action parameters. `undefined` members are left out, like JSON.stringify does. */
export type Params = { readonly [key: string]: JsonValue | undefined };

/**
 * `T` with each member checked to be a JSON value (used as `P & Jsonable<P>`), so that
 * interfaces, which have no index signature, are accepted as well as type literals; a member
 * JSON would change or drop (a Date, a function, a bigint) becomes `never`, a type error.
 */
export type Jsonable<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends Date | RegExp | Map<unknown, unknown> | Set<unknown> | ((...args: never[]) => unknown) | bigint | symbol
    ? never
    : T extends readonly (infer U)[]
      ? readonly Jsonable<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Jsonable<T[K]> }
        : never;

/** A device, as the docs name it or as the official demo does (`"ProductId/DeviceName"`). */
export type DeviceSelector =
  | { ProductId: string; DeviceName: string; DeviceId?: undefined }
  | { DeviceId: string; ProductId?: undefined; DeviceName?: undefined };

export interface SigningOptions {
  /** `"omit"` (default: official docs and cloud-function demo) or `"keep"` (official Node SDK). */
  emptyValues?: 'omit' | 'keep';
  /** `"strict"` (default) or `"node-sdk"` (arrays, null and objects as `String(value)`). */
  values?: 'strict' | 'node-sdk';
}

/**
 * `"china"` (default), `"oversea"`, or a base URL to which `/appapi` or `/tokenapi` is appended.
 * Any string is accepted (`process.env.X` needs no cast) and checked when a request is built.
 */
export type Endpoint = 'china' | 'oversea' | `http://${string}` | `https://${string}` | (string & {});

export interface HttpRequest {
  url: string;
  method: 'POST';
  headers: { 'content-type': 'application/json' };
  /** JSON text carrying exactly the signed values. */
  body: string;
}

export interface Signed {
  /**
   * Made on first read (from the same parameters), by a getter: `JSON.stringify` and
   * destructuring see it, `{ ...signed }` and `Object.keys` do not.
   */
  readonly stringToSign: string;
  readonly signature: string;
}

export interface AppApiRequestInput {
  action: string;
  params?: Params;
  /** `undefined` (an unset environment variable) is a `MissingParameter` error. */
  appKey: string | undefined;
  appSecret: string | undefined;
  /** UNIX seconds; default: now. */
  timestamp?: number;
  /** 1..2147483647; default: from a CSPRNG. */
  nonce?: number;
  /** Default: a UUID v4. */
  requestId?: string;
  endpoint?: Endpoint;
  signing?: SigningOptions;
}

export interface TokenApiRequestInput {
  action: string;
  params?: Params;
  accessToken: string;
  requestId?: string;
  endpoint?: Endpoint;
}

/** The inside of a response: `RequestId`, `Data` and any other top-level fields (`FamilyList`, `Total`, …). */
export interface ApiResponse {
  RequestId?: string | null;
  Data?: JsonValue;
  /** From parseActionResponse and the clients' calls: `Data` parsed, when it is the JSON text of an object. */
  DataParsed?: { [key: string]: JsonValue };
  [field: string]: JsonValue | undefined;
}

/**
 * What a cancellable flow uses of an AbortSignal, declared here so that projects without the DOM's
 * or Node's types (a mini-program's: miniprogram-api-typings, lib es2019) compile: an
 * AbortController's signal is one.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface TokenGrant {
  Token: string;
  /** UNIX seconds. */
  ExpireAt: number;
  RequestId: string | null;
  /**
   * UNIX seconds of the account cancellation (`AppUserCancelAccount`) this login revoked: tell
   * the user their account is kept. Both official apps read it; no page lists it.
   */
  CancelAccountTime?: number;
}

/** A signed call's own request id, Timestamp and Nonce (each used for its first attempt only). */
export interface CallOptions {
  requestId?: string;
  timestamp?: number;
  nonce?: number;
}
