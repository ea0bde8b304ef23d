// The typed methods of both clients, made from the table generated from the actions'
// definitions (generated/actions.ts): each sends its action, prepared by the core as the
// definition says, and checks a data template given in its options first.
import { checkActionInput, checkControlData, type SceneTemplateOptions, type TemplateOptions } from './data-template.js';
import { invalidInput } from './errors.js';
import { RENAMED } from './generated/actions.js';
import type { JsonValue } from './types.js';

/** Sends `action` with `params` as a typed method does; `grant`: it answers a token grant. */
export type SendTyped = (action: string, params: unknown, options: unknown, grant: boolean) => Promise<unknown>;

export type TypedMethod = (params?: unknown, options?: unknown) => Promise<unknown>;

/** A control's Data (or an action's InputParams) as an object, for the template check. */
function dataObject(data: unknown): { [key: string]: JsonValue } {
  if (typeof data !== 'string') return data && typeof data === 'object' ? (data as { [key: string]: JsonValue }) : {};
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { [key: string]: JsonValue }) : {};
  } catch {
    return {};
  }
}

/**
 * Checks the Data of each device action (ActionType 0) whose product has a template in
 * `templates`; a fault is an InvalidInput of `Actions` whose message names `Actions[i].Data.<property>`.
 */
function checkSceneActions(params: unknown, templates: SceneTemplateOptions['templates']): void {
  const actions = params && typeof params === 'object' ? (params as { Actions?: unknown }).Actions : undefined;
  if (!templates || !Array.isArray(actions)) return;
  actions.forEach((action: { ActionType?: unknown; ProductId?: unknown; Data?: unknown } | null, i) => {
    const template = action && action.ActionType === 0 && typeof action.ProductId === 'string' ? templates[action.ProductId] : undefined;
    if (!template || !action) return;
    try {
      checkControlData(template, dataObject(action.Data));
    } catch (e) {
      throw invalidInput('Actions', `Actions[${i}].Data.${(e as Error).message}`);
    }
  });
}

/** With a data template (`{ template }`, or `{ templates }` for scenes), what the mark says is checked before sending. */
function checkTemplate(mark: string, params: unknown, options: unknown): void {
  if (mark === 'S') {
    checkSceneActions(params, options ? (options as SceneTemplateOptions).templates : undefined);
    return;
  }
  const template = options ? (options as TemplateOptions).template : undefined;
  if (!template || !params || typeof params !== 'object') return;
  const given = params as { Data?: unknown; ActionId?: unknown; InputParams?: unknown };
  if (mark === 'P') checkControlData(template, dataObject(given.Data));
  if (mark === 'A' && typeof given.ActionId === 'string') checkActionInput(template, given.ActionId, dataObject(given.InputParams));
}

/**
 * The methods of `table` (space-separated entries: the action without `App`, or `=` and its
 * whole name; `:P`/`:A` a template check of properties or of a device action, `:G` a grant).
 */
export function typedMethods(table: string, send: SendTyped): { [method: string]: TypedMethod } {
  const methods: { [method: string]: TypedMethod } = {};
  for (const entry of table.split(' ')) {
    const [name = '', mark = ''] = entry.split(':');
    const short = name.replace('=', '');
    const action = name === short ? `App${name}` : short;
    const method = RENAMED[action] || short.charAt(0).toLowerCase() + short.slice(1);
    methods[method] = async (params, options) => {
      checkTemplate(mark, params, options);
      return send(action, params, options, mark === 'G');
    };
  }
  return methods;
}
