// A device's history, item by item over a time range: AppGetDeviceDataHistory (one property,
// MinTime..MaxTime in ms) and AppListEventHistory (events, StartTime..EndTime in s). Both page by
// a Context cursor. Their `Listover` is not trusted: the App API page says true means more to
// read, the cloud API's twin that true means all is read; paging stops on an empty page, or when
// the answer has no new Context.

import type { AppGetDeviceDataHistoryResult, AppListEventHistoryResult, TypedClientMethods } from './generated/actions.js';
import { pageSizeOf } from './iterators.js';
import type { DeviceSelector, JsonValue } from './types.js';

type DataHistoryOptions = DeviceSelector & { FieldName: string; MinTime: number | Date; MaxTime: number | Date; pageSize?: number };
type EventHistoryOptions = DeviceSelector & { StartTime?: number; EndTime?: number; Type?: string; EventId?: string; pageSize?: number };

/** An answer with its list of `K` and perhaps the next page's Context. */
type CursorPage<K extends string, T> = { readonly [key in K]: readonly T[] } & { readonly Context?: string | null };

const ms = (t: number | Date) => (t instanceof Date ? t.getTime() : t);

async function* cursorPages<P extends object, K extends string, T>(
  fetchPage: (params: P & { Context?: string }) => Promise<CursorPage<K, T>>,
  items: K,
  params: P,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  for (let Context: string | null | undefined; ; ) {
    const page = await fetchPage(Context === undefined ? params : { ...params, Context });
    const list = page[items] || [];
    yield* list;
    Context = page.Context;
    if (list.length === 0 || typeof Context !== 'string' || !Context || seen.has(Context)) return;
    seen.add(Context);
  }
}

/** Every reported value of `FieldName` between MinTime and MaxTime (ms or Date), oldest first. */
export async function* dataHistory(
  methods: Pick<TypedClientMethods, 'getDeviceDataHistory'>,
  options: DataHistoryOptions,
): AsyncGenerator<AppGetDeviceDataHistoryResult['Results'][number] & { Value?: JsonValue }, void, undefined> {
  const { pageSize, MinTime, MaxTime, ...rest } = options || ({} as DataHistoryOptions);
  const params = { ...rest, MinTime: ms(MinTime), MaxTime: ms(MaxTime), Limit: pageSizeOf(pageSize, 100) };
  yield* cursorPages((p) => methods.getDeviceDataHistory(p), 'Results', params);
}

/** Every event between StartTime and EndTime (UNIX seconds; 0 or left out: the API's default). */
export async function* eventHistory(
  methods: Pick<TypedClientMethods, 'listEventHistory'>,
  options: EventHistoryOptions,
): AsyncGenerator<AppListEventHistoryResult['EventHistory'][number] & { Type?: string; Data?: string }, void, undefined> {
  const { pageSize, ...rest } = options || ({} as EventHistoryOptions);
  yield* cursorPages((p) => methods.listEventHistory(p), 'EventHistory', { ...rest, Size: pageSizeOf(pageSize, 50) });
}
