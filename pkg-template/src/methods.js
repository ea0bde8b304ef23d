// The typed methods of the two clients (method name → App API action, generated from the action
// definitions by tests/action_types.rs) and what some of them do to their parameters first.
// Parameters keep the API's PascalCase names; results are the response content, checked by the core.
import { invalidInput } from './errors.js';
import { checkJsonValue } from './json-values.js';
import { CLIENT_ACTIONS, RENAMED, SERVER_ACTIONS } from './action-methods.js';

/** [method, action, namesDevice] for each typed action of `list` (action-methods.js). */
function typed(list) {
  return list.split(' ').map((entry) => {
    const name = entry.replace('*', '');
    return [RENAMED[name] || name[0].toLowerCase() + name.slice(1), `App${name}`, entry !== name];
  });
}
export const CLIENT_METHODS = /* @__PURE__ */ typed(CLIENT_ACTIONS);
export const SERVER_METHODS = /* @__PURE__ */ typed(SERVER_ACTIONS);

/** "ProductId/DeviceName": two non-empty parts. */
export const isDeviceId = (id) => typeof id === 'string' && /^[^/]+\/[^/]+$/.test(id);

/**
 * A device named by `DeviceId` ("ProductId/DeviceName", as the official demo sends it) is sent
 * as the documented `ProductId` + `DeviceName`; anything else goes to the core's checks as given.
 */
export function deviceParams(params) {
  if (!params || typeof params !== 'object' || params.ProductId !== undefined || params.DeviceName !== undefined) return params;
  if (!isDeviceId(params.DeviceId)) return params; // the core names the fault
  const { DeviceId, ...rest } = params;
  const [ProductId, DeviceName] = DeviceId.split('/');
  return { ...rest, ProductId, DeviceName };
}

/** The API wants `name` as JSON text; an object is sent as its JSON. */
function jsonTextParams(given, name) {
  const params = deviceParams(given);
  if (!params || typeof params[name] !== 'object' || params[name] === null) return params;
  checkJsonValue(params[name], name); // what JSON would change (NaN, a Date…) is refused, as call() refuses it
  let text;
  try {
    text = JSON.stringify(params[name]);
  } catch (e) {
    throw invalidInput(name, `${name} cannot be sent as JSON: ${e && e.message}`);
  }
  return { ...params, [name]: text };
}

/** `Data` of a control or a timer: an object is sent as its JSON text. */
export const controlParams = (given) => jsonTextParams(given, 'Data');

/** `InputParams` of a device action: an object is sent as its JSON text. */
export const actionParams = (given) => jsonTextParams(given, 'InputParams');

/**
 * `RoomId` is required (1081/40803): `""` lists every room, `"0"` the default room. Left out
 * (or null), it is sent as `""`.
 */
export function deviceListParams(params) {
  if (!params || typeof params !== 'object' || (params.RoomId !== undefined && params.RoomId !== null)) return params;
  return { ...params, RoomId: '' };
}

export const PAGE_SIZE = 50; // the documented maximum

/** An iterator's `pageSize`: `fallback` when left out (or null), else a positive integer. */
export function pageSizeOf(pageSize, fallback) {
  const size = pageSize === undefined || pageSize === null ? fallback : pageSize;
  if (!Number.isInteger(size) || size < 1) throw invalidInput('pageSize', `pageSize must be a positive integer, not ${size}`);
  return size;
}

/** Every item of a paged list: `fetchPage({Offset, Limit})` → the response, `items` names the list. */
export async function* pages(fetchPage, items, pageSize) {
  const limit = pageSizeOf(pageSize, PAGE_SIZE);
  for (let offset = 0; ; ) {
    const page = await fetchPage({ Offset: offset, Limit: limit });
    const list = page[items];
    yield* list;
    offset += list.length;
    if (list.length === 0 || offset >= page.Total) return;
  }
}

/** Every room of a paged AppGetRoomList: the docs call the list `RoomList`, the Android app `Roomlist`. */
export function roomPages(fetchPage, pageSize) {
  return pages(async (page) => {
    const answer = await fetchPage(page);
    return { ...answer, RoomList: answer.RoomList || answer.Roomlist || [] };
  }, 'RoomList', pageSize);
}
