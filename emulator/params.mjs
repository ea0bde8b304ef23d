// How the emulator's handlers read a request's parameters, and the errors they answer with. A
// missing parameter is answered with the code the endpoint's pages list (the server maps it):
// ErrorRequiredParamNotFound on appapi, InvalidParameterValue on tokenapi.

/** An answer of the service's own: `Error.Code` and `Error.Message`. */
export class ApiError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** A required parameter left out; its code depends on the endpoint (see `codeOf`). */
export class MissingParameter extends ApiError {
  constructor(name) {
    super(null, `缺少必选参数 ${name}`);
  }
}

/** The code an error is answered with on `api` (`appapi` | `tokenapi`). */
export const codeOf = (e, api) => (e instanceof MissingParameter ? (api === 'appapi' ? 'ErrorRequiredParamNotFound' : 'InvalidParameterValue') : e.code);

export const missing = (name) => new MissingParameter(name);
export const invalid = (message, code = 'InvalidParameterValue') => new ApiError(code, message);

/** Each of `names` is there (not null). */
export function required(body, names) {
  for (const name of names) if (body[name] === undefined || body[name] === null) throw missing(name);
}

/** A string parameter: missing (or empty, unless `empty`) is an error when `required`, else undefined. */
export function text(body, name, { required: need = true, empty = false } = {}) {
  const v = body[name];
  if (v === undefined || v === null || (v === '' && !empty)) {
    if (need) throw missing(name);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(`${name} 应为字符串`);
  return v;
}

/** An integer parameter (a JSON integer, not its text), at least `min`; `fallback` when left out. */
export function integer(body, name, { min = 0, fallback } = {}) {
  const v = body[name];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw missing(name);
    return fallback;
  }
  if (!Number.isInteger(v) || v < min) throw invalid(`${name} 非法`);
  return v;
}

/** A parameter holding the JSON text of an object, parsed. */
export function jsonObject(body, name) {
  let value;
  try {
    value = JSON.parse(text(body, name));
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw invalid(`${name} 不是合法的 JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(`${name} 应为 JSON 对象`);
  return value;
}

/**
 * `Offset` and `Limit` (Int in the docs: JSON integers). A page holds at most `max` (what the
 * page documents, 50 for most lists): the docs do not say what a larger Limit gets, and the
 * official clients ask for more (the mini-program SDK 100 of AppGetFamilyList, the Android app
 * 999) and work, so it is not refused; `Total` tells the caller there is more.
 */
export function paging(body, { max = 50, limit = 20 } = {}) {
  const Offset = integer(body, 'Offset', { fallback: 0 });
  const Limit = integer(body, 'Limit', { min: 1, fallback: limit });
  return { Offset, Limit: Math.min(Limit, max) };
}

export const page = (items, { Offset, Limit }) => items.slice(Offset, Offset + Limit);

/** Characters as the service counts them (code points). */
export const chars = (s) => [...s].length;

/**
 * A bound the docs do not state, the emulator's own: checked only when the emulator was started
 * with it (`limits`), off by default.
 */
export function withinLimit(world, name, value, message) {
  const limit = world.limits[name];
  if (limit !== undefined && limit !== null && value > limit) throw invalid(message);
}

/** A device's signing time (DeviceTimestamp, integer seconds), within the window only when the emulator is told one. */
export function deviceTimestamp(body, world) {
  const ts = body.DeviceTimestamp;
  if (!Number.isInteger(ts)) throw invalid('DeviceTimestamp 应为整数');
  // No window is documented (the iOS app signs 60 s ahead).
  const window = world.limits.deviceTimestampWindowSeconds;
  if (window && Math.abs(ts - world.now()) > window) throw invalid('DeviceTimestamp 已过期');
  return ts;
}
