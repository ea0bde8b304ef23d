// Values JSON.stringify would silently drop, turn into null or into other text get a typed
// error instead: the checks of what the SDK sends as JSON (params, a control's Data).
import { invalidInput } from './errors.js';
import { MAX_DEPTH, MAX_VALUES } from './generated/core.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A walk over the values of one call's parameters: each object is looked into once (a cycle
 * is JSON.stringify's to report), and no more values than JSON text under the core's limit can
 * hold: past that the core refuses it as too large.
 */
export interface Walk {
  seen: Set<object>;
  budget: number;
}

export const newWalk = (): Walk => ({ seen: new Set(), budget: MAX_VALUES });

/** `path` names the value in messages; `param` is the parameter it is in. */
function checkValue(v: unknown, param: string, path: string, depth: number, walk: Walk): void {
  if (--walk.budget < 0) return;
  const t = typeof v;
  if (t === 'symbol' || t === 'function' || t === 'bigint') {
    throw invalidInput(param, `${path} is a ${t}; only JSON values can be sent`);
  }
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw invalidInput(param, `${path} is ${v}, which cannot be sent as JSON`);
  }
  // Deeper than the core reads, it refuses the value itself.
  if (typeof v !== 'object' || v === null || depth >= MAX_DEPTH || walk.seen.has(v)) return;
  walk.seen.add(v);
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function' || v instanceof Number || v instanceof String || v instanceof Boolean) {
    throw invalidInput(param, `${path} is an object JSON would send as other text; pass a string, number or boolean`);
  }
  if (Array.isArray(v)) {
    // undefined (like a hole) is sent as null, and String() signs it as null's empty text.
    // Holes count too: a sparse array of 2^32 - 1 is as long to walk as a full one.
    for (let i = 0; i < v.length && --walk.budget > 0; i++) if (v[i] !== undefined) checkValue(v[i], param, `${path}[${i}]`, depth + 1, walk);
    return;
  }
  const members = v as { [key: string]: unknown };
  for (const key in members) {
    if (hasOwn.call(members, key) && members[key] !== undefined) checkValue(members[key], param, `${path}.${key}`, depth + 1, walk);
  }
}

/**
 * Values JSON.stringify would silently drop, turn into null or into other text (NaN, a Date,
 * a boxed primitive, anything with toJSON), at any depth of `value` (an object, an array or
 * null), get a typed error naming the parameter `param` instead. Own members only: those are
 * what JSON.stringify sends.
 */
export const checkJsonValue = (value: unknown, param: string, walk: Walk = newWalk()): void => checkValue(value, param, param, 0, walk);
