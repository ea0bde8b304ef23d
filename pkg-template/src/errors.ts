// The one error class of the SDK. Every failure (bad input, API error, HTTP, parse, transport,
// timeout) is an IotExplorerError with the evidence as fields.
import type { ApiErrorCode } from './generated/core.js';

export type { ApiErrorCode };

export type ErrorKind = 'Api' | 'InvalidInput' | 'Http' | 'Parse' | 'Transport' | 'Timeout';

/** The SDK's own codes of `InvalidInput` errors. */
export type InvalidInputCode = 'InvalidParameter' | 'MissingParameter' | 'NotInitialized' | 'AppSecretNotAllowed' | 'NotLoggedIn';

/** The step of addDeviceWithToken or upgradeFirmware that failed. */
export type FailedStep = 'token' | 'provision' | 'wait' | 'bind' | 'check' | 'publish' | 'progress';

export interface IotExplorerErrorFields {
  kind?: ErrorKind;
  code?: string | null;
  requestId?: string | null;
  status?: number | null;
  retryable?: boolean;
  param?: string | null;
  excerpt?: string | null;
  /** True when only a new access token can fix the call (the core says so of the codes it reads). */
  isAuthError?: boolean;
  errMsg?: string;
  errno?: number | null;
  step?: FailedStep;
  /** The likely cause, where the server's words alone do not say it (a credential mistake). */
  hint?: string;
  cause?: unknown;
}

const KINDS: ReadonlySet<string> = new Set(['Api', 'InvalidInput', 'Http', 'Parse', 'Transport', 'Timeout']);

/** What every IotExplorerError has; `kind` narrows the other fields (`IotExplorerError`). */
class IotExplorerErrorClass extends Error {
  declare kind: ErrorKind;
  declare code: string | null;
  declare requestId: string | null;
  declare status: number | null;
  declare retryable: boolean;
  declare param: string | null;
  declare excerpt: string | null;
  declare isAuthError: boolean;
  declare errMsg?: string;
  declare errno?: number | null;
  declare step?: FailedStep;
  declare hint?: string;

  constructor(message: string, fields: IotExplorerErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'IotExplorerError';
    this.kind = fields.kind !== undefined && KINDS.has(fields.kind) ? fields.kind : 'InvalidInput';
    this.code = fields.code ?? null;
    this.requestId = fields.requestId ?? null;
    this.status = fields.status ?? null;
    this.retryable = fields.retryable === true;
    this.param = fields.param ?? null;
    this.excerpt = fields.excerpt ?? null;
    this.isAuthError = fields.isAuthError === true;
    if (fields.errMsg !== undefined) this.errMsg = fields.errMsg;
    if (fields.errno !== undefined) this.errno = fields.errno;
    if (fields.step !== undefined) this.step = fields.step;
    if (fields.hint !== undefined) this.hint = fields.hint;
  }

  toJSON() {
    const { name, kind, code, message, requestId, status, retryable, param, excerpt, hint } = this;
    return { name, kind, code, message, requestId, status, retryable, param, excerpt, ...(hint === undefined ? {} : { hint }) };
  }
}

interface IotExplorerErrorBase extends Error {
  readonly name: 'IotExplorerError';
  readonly kind: ErrorKind;
  /**
   * The server's `Error.Code` (e.g. `InvalidParameterValue.InvalidAccessToken`), or the SDK's:
   * for `InvalidInput`, and `LoggedOut` (a `Transport` error) for a call whose login a
   * `logout()` overtook.
   */
  readonly code: string | null;
  readonly requestId: string | null;
  /** The HTTP status, when a response arrived. */
  readonly status: number | null;
  /** True when the same call may succeed later (5xx, 429, timeouts, `InternalError`, …). */
  readonly retryable: boolean;
  /** The parameter an `InvalidInput` error is about. */
  readonly param: string | null;
  /** The start of the response body (`Http` and `Parse` errors). */
  readonly excerpt: string | null;
  /** `wx.request`'s `errMsg` and `errno` (mini-program transport failures). */
  readonly errMsg?: string;
  readonly errno?: number | null;
  /** addDeviceWithToken or upgradeFirmware: the step that failed. */
  readonly step?: FailedStep;
  /** True when only a new access token can fix the call. */
  readonly isAuthError: boolean;
  /**
   * The likely cause where the server's words alone do not say it: a wrong AppSecret or AppKey,
   * a client and its backend on different endpoints.
   */
  readonly hint?: string;
  toJSON(): {
    name: string;
    kind: ErrorKind;
    code: string | null;
    message: string;
    requestId: string | null;
    status: number | null;
    retryable: boolean;
    param: string | null;
    excerpt: string | null;
    hint?: string;
  };
}

/** The server answered with an error (`Error.Code`). */
export interface ApiError extends IotExplorerErrorBase {
  readonly kind: 'Api';
  readonly code: ApiErrorCode;
}
/** Refused before anything was sent. */
export interface InvalidInputError extends IotExplorerErrorBase {
  readonly kind: 'InvalidInput';
  readonly code: InvalidInputCode | null;
}
/** A non-2xx status without an API error in the body. */
export interface HttpError extends IotExplorerErrorBase {
  readonly kind: 'Http';
  readonly code: null;
  readonly status: number;
  readonly excerpt: string;
}
/** A body that is not a response of the API (HTML, empty, truncated, wrongly typed). */
export interface ParseError extends IotExplorerErrorBase {
  readonly kind: 'Parse';
}
/** No response (network, the transport), or `LoggedOut`. */
export interface TransportError extends IotExplorerErrorBase {
  readonly kind: 'Transport';
}
export interface TimeoutError extends IotExplorerErrorBase {
  readonly kind: 'Timeout';
}

/**
 * Every failure of the SDK: bad input, an API error, HTTP, parsing, the transport, a timeout.
 * After `e instanceof IotExplorerError`, checking `e.kind` narrows the other fields.
 */
export type IotExplorerError = ApiError | InvalidInputError | HttpError | ParseError | TransportError | TimeoutError;
export const IotExplorerError = IotExplorerErrorClass as unknown as {
  new (message: string, fields?: IotExplorerErrorFields): IotExplorerError;
  readonly prototype: IotExplorerError;
};

/** An error's fields with `changes` made: a new error, as errors are read-only once made. */
export function withFields(e: IotExplorerError, message: string, changes: IotExplorerErrorFields): IotExplorerError {
  const { kind, code, requestId, status, retryable, param, excerpt, isAuthError, errMsg, errno, step, hint } = e;
  return new IotExplorerError(message, {
    kind,
    code,
    requestId,
    status,
    retryable,
    param,
    excerpt,
    isAuthError,
    errMsg,
    errno,
    step,
    hint,
    cause: e.cause,
    ...changes,
  });
}

/** What a call, login or subscribe that a logout overtook fails with. */
export const loggedOutError = (during: string): IotExplorerError =>
  new IotExplorerError(`logged out while ${during}`, { kind: 'Transport', code: 'LoggedOut' });

export const invalidInput = (param: string, message: string): IotExplorerError =>
  new IotExplorerError(message, { kind: 'InvalidInput', code: 'InvalidParameter', param });

/** Whatever the wasm core or a transport threw, as an IotExplorerError. */
export function toIotExplorerError(e: unknown, fallbackKind: ErrorKind = 'InvalidInput'): IotExplorerError {
  if (e instanceof IotExplorerError) return e;
  if (isErrorLike(e) && e.name === 'IotExplorerError' && typeof e.kind === 'string')
    return new IotExplorerError(String(e.message), e as IotExplorerErrorFields);
  const message = isErrorLike(e) && typeof e.message === 'string' ? e.message : describe(e);
  return new IotExplorerError(message, { kind: fallbackKind, retryable: fallbackKind === 'Transport', cause: e });
}

function isErrorLike(e: unknown): e is { name?: unknown; kind?: unknown; message?: unknown } {
  return typeof e === 'object' && e !== null;
}

/** String(e), or a stand-in for values that cannot be made text (Object.create(null), a Symbol's wrapper…). */
function describe(e: unknown): string {
  try {
    return String(e);
  } catch {
    return 'an exception that cannot be shown as text';
  }
}
