// A device's history, item by item over a time range: AppGetDeviceDataHistory (one property,
// MinTime..MaxTime in ms) and AppListEventHistory (events, StartTime..EndTime in s). Both page by
// a Context cursor. Their `Listover` is not trusted: the App API page says true means more to
// read, the cloud API's twin that true means all is read; paging stops on an empty page, or when
// the answer has no new Context.

import type {
  AppGetDeviceDataHistoryParams,
  AppGetDeviceDataHistoryResult,
  AppListEventHistoryParams,
  AppListEventHistoryResult,
  TypedClientMethods,
} from './generated/actions.js';
import { pageSizeOf } from './iterators.js';

/** `Omit` of each member of a union (the device is named one of two ways). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** AppGetDeviceDataHistory's parameters, with the times as ms or Dates and the page size. */
export type DataHistoryOptions = OmitEach<AppGetDeviceDataHistoryParams, 'MinTime' | 'MaxTime' | 'Limit' | 'Context'> & {
  MinTime: number | Date;
  MaxTime: number | Date;
  /** Limit; default 100. */
  pageSize?: number;
};

/** AppListEventHistory's parameters (StartTime, EndTime in s; 0 or left out: the last 24 h, now), with the page size. */
export type EventHistoryOptions = OmitEach<AppListEventHistoryParams, 'Size' | 'Context'> & {
  /** Size; default 50. */
  pageSize?: number;
};

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
): AsyncGenerator<AppGetDeviceDataHistoryResult['Results'][number], void, undefined> {
  const { pageSize, MinTime, MaxTime, ...rest } = options || ({} as DataHistoryOptions);
  const params = { ...rest, MinTime: ms(MinTime), MaxTime: ms(MaxTime), Limit: pageSizeOf(pageSize, 100) };
  yield* cursorPages((p) => methods.getDeviceDataHistory(p), 'Results', params);
}

/** Every event between StartTime and EndTime (UNIX seconds; 0 or left out: the API's default). */
export async function* eventHistory(
  methods: Pick<TypedClientMethods, 'listEventHistory'>,
  options: EventHistoryOptions,
): AsyncGenerator<AppListEventHistoryResult['EventHistory'][number], void, undefined> {
  const { pageSize, ...rest } = options || ({} as EventHistoryOptions);
  yield* cursorPages((p) => methods.listEventHistory(p), 'EventHistory', { ...rest, Size: pageSizeOf(pageSize, 50) });
}
