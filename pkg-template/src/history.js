// A device's history, item by item over a time range: AppGetDeviceDataHistory (one property,
// MinTime..MaxTime in ms) and AppListEventHistory (events, StartTime..EndTime in s). Both page by
// a Context cursor. Their `Listover` is not trusted: the App API page says true means more to
// read, the cloud API's twin that true means all is read; paging stops on an empty page, or when
// the answer has no new Context.
import { deviceParams, pageSizeOf } from './methods.js';

const ms = (t) => (t instanceof Date ? t.getTime() : t);

async function* cursorPages(fetchPage, items, params) {
  const seen = new Set();
  for (let Context; ; ) {
    const page = await fetchPage(Context === undefined ? params : { ...params, Context });
    const list = page[items] || [];
    yield* list;
    Context = page.Context;
    if (list.length === 0 || typeof Context !== 'string' || !Context || seen.has(Context)) return;
    seen.add(Context);
  }
}

/** Every reported value of `FieldName` between MinTime and MaxTime (ms or Date), oldest first. */
export async function* dataHistory(call, options) {
  const { pageSize, MinTime, MaxTime, ...rest } = options || {};
  const params = { ...rest, MinTime: ms(MinTime), MaxTime: ms(MaxTime), Limit: pageSizeOf(pageSize, 100) };
  yield* cursorPages((p) => call('AppGetDeviceDataHistory', deviceParams(p)), 'Results', params);
}

/** Every event between StartTime and EndTime (UNIX seconds; 0 or left out: the API's default). */
export async function* eventHistory(call, options) {
  const { pageSize, ...rest } = options || {};
  yield* cursorPages((p) => call('AppListEventHistory', deviceParams(p)), 'EventHistory', { ...rest, Size: pageSizeOf(pageSize, 50) });
}
