// Values JSON.stringify would silently drop, turn into null or into other text get a typed
// error instead: the checks of what the SDK sends as JSON (params, a control's Data).
import { invalidInput } from './errors.js';

const hasOwn = Object.prototype.hasOwnProperty;

// Deeper than the core reads (src/json/parse.rs): it refuses such a value itself.
const MAX_DEPTH = 128;

/**
 * A walk over the values of one call's parameters: each object is looked into once (a cycle
 * is JSON.stringify's to report), and no more values than JSON text under the core's limit can
 * hold (1 MiB, 20,000 values; src/json/parse.rs): past that the core refuses it as too large.
 */
export const newWalk = () => ({ seen: new Set(), budget: 20_000 });

/** `path` names the value in messages; `param` is the parameter it is in. */
function checkValue(v, param, path, depth, walk) {
  if (--walk.budget < 0) return;
  const t = typeof v;
  if (t === 'symbol' || t === 'function' || t === 'bigint') {
    throw invalidInput(param, `${path} is a ${t}; only JSON values can be sent`);
  }
  if (t === 'number' && !Number.isFinite(v)) {
    throw invalidInput(param, `${path} is ${v}, which cannot be sent as JSON`);
  }
  if (t !== 'object' || v === null || depth >= MAX_DEPTH || walk.seen.has(v)) return;
  walk.seen.add(v);
  if (typeof v.toJSON === 'function' || v instanceof Number || v instanceof String || v instanceof Boolean) {
    throw invalidInput(param, `${path} is an object JSON would send as other text; pass a string, number or boolean`);
  }
  if (Array.isArray(v)) {
    // undefined (like a hole) is sent as null, and String() signs it as null's empty text.
    // Holes count too: a sparse array of 2^32 - 1 is as long to walk as a full one.
    for (let i = 0; i < v.length && --walk.budget > 0; i++) if (v[i] !== undefined) checkValue(v[i], param, `${path}[${i}]`, depth + 1, walk);
    return;
  }
  for (const key in v) {
    if (hasOwn.call(v, key) && v[key] !== undefined) checkValue(v[key], param, `${path}.${key}`, depth + 1, walk);
  }
}

/**
 * Values JSON.stringify would silently drop, turn into null or into other text (NaN, a Date,
 * a boxed primitive, anything with toJSON), at any depth of `value` (an object, an array or
 * null), get a typed error naming the parameter `param` instead. Own members only: those are
 * what JSON.stringify sends.
 */
export const checkJsonValue = (value, param, walk = newWalk()) => checkValue(value, param, param, 0, walk);
