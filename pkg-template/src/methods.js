// The typed methods of the two clients: method name → App API action. Parameters keep the API's
// PascalCase names; results are the response content, checked by the core.
import { invalidInput } from './errors.js';
import { checkJsonValue } from './json-values.js';

export const SERVER_METHODS = {
  getToken: 'AppGetToken',
  sendVerificationCode: 'AppSendVerificationCode',
  checkVerificationCode: 'AppCheckVerificationCode',
  sendEmailVerificationCode: 'AppSendEmailVerificationCode',
  checkEmailVerificationCode: 'AppCheckEmailVerificationCode',
  createCellphoneUser: 'AppCreateCellphoneUser',
  createEmailUser: 'AppCreateEmailUser',
  resetPasswordByCellphone: 'AppResetPasswordByCellphone',
  resetPasswordByEmail: 'AppResetPasswordByEmail',
};

export const CLIENT_METHODS = {
  getUser: 'AppGetUser',
  updateUser: 'AppUpdateUser',
  getFamilyList: 'AppGetFamilyList',
  createFamily: 'AppCreateFamily',
  getFamilyDeviceList: 'AppGetFamilyDeviceList',
  getDeviceStatuses: 'AppGetDeviceStatuses',
  getDeviceData: 'AppGetDeviceData',
  controlDevice: 'AppControlDeviceData',
};

/** The API wants `Data` as JSON text; an object is sent as its JSON. */
export function controlParams(params) {
  if (!params || typeof params.Data !== 'object' || params.Data === null) return params;
  checkJsonValue(params.Data, 'Data'); // what JSON would change (NaN, a Date…) is refused, as call() refuses it
  let Data;
  try {
    Data = JSON.stringify(params.Data);
  } catch (e) {
    throw invalidInput('Data', `Data cannot be sent as JSON: ${e && e.message}`);
  }
  return { ...params, Data };
}

/**
 * `RoomId` is required (1081/40803): `""` lists every room, `"0"` the default room. Left out
 * (or null), it is sent as `""`.
 */
export function deviceListParams(params) {
  if (!params || typeof params !== 'object' || (params.RoomId !== undefined && params.RoomId !== null)) return params;
  return { ...params, RoomId: '' };
}

export const PAGE_SIZE = 50; // the documented maximum

/** Every item of a paged list: `fetchPage({Offset, Limit})` → the response, `items` names the list. */
export async function* pages(fetchPage, items, pageSize) {
  const limit = pageSize === undefined || pageSize === null ? PAGE_SIZE : pageSize;
  if (!Number.isInteger(limit) || limit < 1) throw invalidInput('pageSize', `pageSize must be a positive integer, not ${limit}`);
  for (let offset = 0; ; ) {
    const page = await fetchPage({ Offset: offset, Limit: limit });
    const list = page[items];
    yield* list;
    offset += list.length;
    if (list.length === 0 || offset >= page.Total) return;
  }
}
