// A product's data template (物模型: the `DataTemplate` JSON text of AppGetProducts) as typed
// objects, and the check of a control's `Data` against it. The shapes follow the official
// example template (tencentcloud-iot-explorer-sdk-embedded-c tools/example_config.json) and the
// Android app's parser: numeric limits come as strings ("0", "100"), enum and bool values as
// the string keys of `mapping`, struct members under `specs[].dataType`; a `define` without a
// `type` is a timestamp (as the Android app reads it).
import { IotExplorerError, invalidInput } from './errors.js';
import type { JsonObject, JsonValue } from './types.js';

/** A value's type in a data template; `values` for bool/enum/stringenum, `members` for struct. */
export interface TemplateType {
  type: 'bool' | 'int' | 'float' | 'enum' | 'stringenum' | 'string' | 'timestamp' | 'struct' | 'array';
  min?: number | null;
  max?: number | null;
  step?: number | null;
  start?: number | null;
  unit?: string;
  maxLength?: number | null;
  values?: { value: number | string; label: string }[];
  members?: TemplateValue[];
  /** For `array`: the elements' type (`arrayInfo`), when the template gives it. */
  element?: TemplateType | null;
}

export interface TemplateValue extends TemplateType {
  id: string;
  name: string;
  desc: string;
}

/** A product's data template (物模型), as parseDataTemplate reads AppGetProducts' DataTemplate. */
export interface DataTemplate {
  version: string;
  productId: string | null;
  properties: (TemplateValue & { mode: 'rw' | 'r'; required: boolean })[];
  events: { id: string; name: string; desc: string; type: 'info' | 'alert' | 'fault'; params: TemplateValue[] }[];
  actions: { id: string; name: string; desc: string; input: TemplateValue[]; output: TemplateValue[] }[];
}

/** The options of a call that can check its values against a data template first. */
export type TemplateOptions = { template?: DataTemplate | string };

/** The data templates of the products a scene's or an automation's device actions control, by ProductId. */
export type SceneTemplateOptions = { templates?: { readonly [productId: string]: DataTemplate | string } };

/** A template's JSON as read: any member may be missing or of another type. */
type Raw = { readonly [key: string]: unknown };

// `array` (with `arrayInfo`, the elements' type) is in Tencent's device SDK (embedded C's
// IOT_Template_GetDataTemplatePropertyType), though the official example template has none.
const TYPES = /* @__PURE__ */ new Set(['bool', 'int', 'float', 'enum', 'stringenum', 'string', 'timestamp', 'struct', 'array']);

function malformed(message: string): IotExplorerError {
  return new IotExplorerError(`data template: ${message}`, { kind: 'Parse' });
}

const numberOf = (v: unknown): number | null => {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `define` (or a struct member's `dataType`) → { type, min, max, step, unit, start, values, members }. */
function typeOf(define: Raw | undefined, where: string): TemplateType {
  if (!define || typeof define !== 'object') throw malformed(`${where} has no define`);
  const type = (define.type === undefined ? 'timestamp' : define.type) as TemplateType['type'];
  if (!TYPES.has(type)) throw malformed(`${where} has an unknown type ${JSON.stringify(type)}`);
  const out: TemplateType = { type };
  if (type === 'int' || type === 'float') {
    Object.assign(out, {
      min: numberOf(define.min),
      max: numberOf(define.max),
      step: numberOf(define.step),
      start: numberOf(define.start),
      unit: text(define.unit),
    });
  }
  if (type === 'string') out.maxLength = numberOf(define.max);
  if (type === 'bool' || type === 'enum' || type === 'stringenum') {
    const mapping = (define.mapping && typeof define.mapping === 'object' ? define.mapping : {}) as Raw;
    // bool and enum keys are integers written as text; stringenum keys are the values themselves.
    out.values = Object.entries(mapping).map(([key, label]) => ({ value: type === 'stringenum' ? key : Number(key), label: text(label) }));
  }
  if (type === 'struct') {
    if (!Array.isArray(define.specs)) throw malformed(`${where} is a struct without specs`);
    out.members = define.specs.map((m: Raw, i) => member(m, `${where}.specs[${i}]`, 'dataType'));
  }
  if (type === 'array') out.element = define.arrayInfo ? typeOf(define.arrayInfo as Raw, `${where}.arrayInfo`) : null;
  return out;
}

/** An entry's `{ id, name, desc }`; one without an id is malformed. */
function named(m: Raw, where: string): { id: string; name: string; desc: string } {
  if (!m || typeof m !== 'object' || typeof m.id !== 'string' || !m.id) throw malformed(`${where} has no id`);
  return { id: m.id, name: text(m.name) || m.id, desc: text(m.desc) };
}

function member(m: Raw, where: string, key = 'define'): TemplateValue {
  return { ...named(m, where), ...typeOf(m[key] as Raw | undefined, where) };
}

/**
 * The data template, from its JSON text (as AppGetProducts gives it) or the parsed object:
 * `{ properties: [{ id, name, desc, mode: 'rw'|'r', required, type, … }], events: [{ id, name,
 * type: 'info'|'alert'|'fault', params }], actions: [{ id, name, input, output }] }`. A template
 * that is not JSON, or whose entries lack an id or a known type, is a `Parse` error.
 */
export function parseDataTemplate(template: string | object): DataTemplate {
  let t = template as (Raw & { readonly profile?: Raw | null }) | string;
  if (typeof t === 'string') {
    try {
      t = JSON.parse(t);
    } catch {
      throw malformed('not JSON');
    }
  }
  if (!t || typeof t !== 'object' || Array.isArray(t)) throw malformed('not an object');
  const list = (name: string): Raw[] => {
    const v = t[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw malformed(`${name} is not a list`);
    return v;
  };
  return {
    version: text(t.version),
    productId: t.profile && typeof t.profile.ProductId === 'string' ? t.profile.ProductId : null,
    properties: list('properties').map((p, i) => ({ ...member(p, `properties[${i}]`), mode: p.mode === 'r' ? 'r' : 'rw', required: p.required === true })),
    events: list('events').map((e, i) => ({
      ...named(e, `events[${i}]`),
      type: e.type === 'alert' || e.type === 'fault' ? e.type : 'info',
      params: (Array.isArray(e.params) ? e.params : []).map((p: Raw, j) => member(p, `events[${i}].params[${j}]`)),
    })),
    actions: list('actions').map((a, i) => ({
      ...named(a, `actions[${i}]`),
      input: (Array.isArray(a.input) ? a.input : []).map((p: Raw, j) => member(p, `actions[${i}].input[${j}]`)),
      output: (Array.isArray(a.output) ? a.output : []).map((p: Raw, j) => member(p, `actions[${i}].output[${j}]`)),
    })),
  };
}

/** Why `value` does not fit `spec` (a property or struct member), or null. */
function misfit(spec: TemplateType, value: JsonValue | undefined, path: string): string | null {
  const { type } = spec;
  if (type === 'bool' || type === 'enum') {
    if (!Number.isInteger(value)) return `${path} must be an integer (${type})`;
    const values = spec.values || [];
    if (values.length && !values.some((v) => v.value === value)) return `${path} must be one of ${values.map((v) => v.value).join(', ')}`;
    return null;
  }
  if (type === 'stringenum') {
    if (typeof value !== 'string') return `${path} must be a string (stringenum)`;
    const values = spec.values || [];
    if (values.length && !values.some((v) => v.value === value)) return `${path} must be one of ${values.map((v) => JSON.stringify(v.value)).join(', ')}`;
    return null;
  }
  if (type === 'int' || type === 'float' || type === 'timestamp') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `${path} must be a number (${type})`;
    if ((type === 'int' || type === 'timestamp') && !Number.isInteger(value)) return `${path} must be an integer (${type})`;
    if (spec.min !== null && spec.min !== undefined && value < spec.min) return `${path} must be at least ${spec.min}`;
    if (spec.max !== null && spec.max !== undefined && value > spec.max) return `${path} must be at most ${spec.max}`;
    return null;
  }
  if (type === 'string') {
    if (typeof value !== 'string') return `${path} must be a string`;
    // (Left out, in a template not made here, it is undefined: no comparison is true.)
    if (spec.maxLength !== null && [...value].length > (spec.maxLength as number)) return `${path} must be at most ${spec.maxLength} characters`;
    return null;
  }
  if (type === 'struct') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return `${path} must be an object (struct)`;
    for (const [key, v] of Object.entries(value)) {
      const m = (spec.members || []).find((x) => x.id === key);
      if (!m) return `${path}.${key} is not a member of the struct`;
      const why = misfit(m, v, `${path}.${key}`);
      if (why) return why;
    }
    return null;
  }
  if (type === 'array') {
    if (!Array.isArray(value)) return `${path} must be an array`;
    for (const [i, v] of value.entries()) {
      const why = spec.element ? misfit(spec.element, v, `${path}[${i}]`) : null;
      if (why) return why;
    }
    return null;
  }
  return `${path} has a type this SDK cannot check (${JSON.stringify(type)})`;
}

/**
 * A template as parseDataTemplate makes it: that (entries with a `type` and no `define`, as
 * after a JSON round trip of one) as it is; the JSON text or the object AppGetProducts' text
 * parses to (entries with `define`) parsed first.
 */
function templateOf(template: DataTemplate | string): DataTemplate {
  if (template && typeof template === 'object' && Array.isArray(template.properties)) {
    const entries = [
      ...template.properties,
      ...(Array.isArray(template.actions) ? template.actions.flatMap((a) => (a && Array.isArray(a.input) ? a.input : [])) : []),
    ];
    if (entries.length && entries.every((e) => e && typeof e.type === 'string' && (e as { define?: unknown }).define === undefined)) return template;
  }
  return parseDataTemplate(template);
}

const valuesOf = (given: unknown, param: string): JsonObject => {
  if (given && typeof given === 'object' && !Array.isArray(given)) return given as JsonObject;
  throw invalidInput(param, `${param} must be an object to be checked against the data template`);
};

/**
 * Checks a control's `Data` (an object) against a parsed template: each key a writable property,
 * each value of its type and within its range, enum values and lengths. Throws `InvalidInput`
 * with `param` naming the property.
 */
export function checkControlData(template: DataTemplate | string, data: { readonly [property: string]: JsonValue }): void {
  const { properties } = templateOf(template);
  for (const [key, value] of Object.entries(valuesOf(data, 'Data'))) {
    const property = properties.find((p) => p.id === key);
    if (!property) throw invalidInput(key, `${key} is not a property of the device's data template`);
    if (property.mode === 'r') throw invalidInput(key, `${key} is read-only in the data template`);
    const why = misfit(property, value, key);
    if (why) throw invalidInput(key, why);
  }
}

/**
 * Checks a device action's `InputParams` (an object) against a parsed template: the action is
 * one of the template's, each key one of its inputs, each value of its type and range. Throws
 * `InvalidInput` naming `ActionId` or the input.
 */
export function checkActionInput(template: DataTemplate | string, actionId: string, input: { readonly [key: string]: JsonValue } | null | undefined): void {
  const { actions } = templateOf(template);
  const action = actions.find((a) => a.id === actionId);
  if (!action) throw invalidInput('ActionId', `${actionId} is not an action of the device's data template`);
  for (const [key, value] of Object.entries(input === undefined || input === null ? {} : valuesOf(input, 'InputParams'))) {
    const spec = action.input.find((p) => p.id === key);
    if (!spec) throw invalidInput(key, `${key} is not an input of the action ${actionId}`);
    const why = misfit(spec, value, key);
    if (why) throw invalidInput(key, why);
  }
}
