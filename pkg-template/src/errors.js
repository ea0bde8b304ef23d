// The one error class of the SDK. Every failure (bad input, API error, HTTP, parse, transport,
// timeout) is an IotExplorerError with the evidence as fields.

const KINDS = new Set(['Api', 'InvalidInput', 'Http', 'Parse', 'Transport', 'Timeout']);

export class IotExplorerError extends Error {
  constructor(message, fields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'IotExplorerError';
    this.kind = KINDS.has(fields.kind) ? fields.kind : 'InvalidInput';
    this.code = fields.code ?? null;
    this.requestId = fields.requestId ?? null;
    this.status = fields.status ?? null;
    this.retryable = fields.retryable === true;
    this.param = fields.param ?? null;
    this.excerpt = fields.excerpt ?? null;
    if (fields.errMsg !== undefined) this.errMsg = fields.errMsg;
    if (fields.errno !== undefined) this.errno = fields.errno;
  }

  /** True when only a new access token can fix the call (the token expired or was revoked). */
  get isAuthError() {
    return isAuthCode(this.code);
  }

  toJSON() {
    const { name, kind, code, message, requestId, status, retryable, param, excerpt } = this;
    return { name, kind, code, message, requestId, status, retryable, param, excerpt };
  }
}

/** True for the codes of a token that expired or was revoked. */
export const isAuthCode = (code) => typeof code === 'string' && /InvalidAccessToken|VERIFY_LOGIN_FAIL/.test(code);

/** What a call, login or subscribe that a logout overtook fails with. */
export const loggedOutError = (during) =>
  new IotExplorerError(`logged out while ${during}`, { kind: 'Transport', code: 'LoggedOut' });

export const invalidInput = (param, message) =>
  new IotExplorerError(message, { kind: 'InvalidInput', code: 'InvalidParameter', param });

/** Whatever the wasm core or a transport threw, as an IotExplorerError. */
export function toIotExplorerError(e, fallbackKind = 'InvalidInput') {
  if (e instanceof IotExplorerError) return e;
  if (e && e.name === 'IotExplorerError' && typeof e.kind === 'string') return new IotExplorerError(e.message, e);
  const message = e && typeof e.message === 'string' ? e.message : describe(e);
  return new IotExplorerError(message, { kind: fallbackKind, retryable: fallbackKind === 'Transport', cause: e });
}

/** String(e), or a stand-in for values that cannot be made text (Object.create(null), a Symbol's wrapper…). */
function describe(e) {
  try {
    return String(e);
  } catch {
    return 'an exception that cannot be shown as text';
  }
}
