// Lists the API pages through (Offset and Limit), item by item, for the clients' iterators.
import { invalidInput } from './errors.js';

/** A page size the docs allow for most lists. */
export const PAGE_SIZE = 50;

/** An iterator's `pageSize`: `fallback` when left out (or null), else a positive integer. */
export function pageSizeOf(pageSize: number | null | undefined, fallback: number): number {
  const size = pageSize === undefined || pageSize === null ? fallback : pageSize;
  if (!Number.isInteger(size) || size < 1) throw invalidInput('pageSize', `pageSize must be a positive integer, not ${size}`);
  return size;
}

/** What a page is asked for with. */
export interface PageRequest {
  Offset: number;
  Limit: number;
}

/** Every item of a paged list: `fetchPage({Offset, Limit})` → the answer; `items` names its list. */
export async function* pages<Page extends { Total: number }, K extends keyof Page>(
  fetchPage: (page: PageRequest) => Promise<Page>,
  items: K,
  pageSize?: number | null,
): AsyncGenerator<Page[K] extends readonly (infer Item)[] ? Item : never, void, undefined> {
  type Item = Page[K] extends readonly (infer I)[] ? I : never;
  const limit = pageSizeOf(pageSize, PAGE_SIZE);
  for (let offset = 0; ; ) {
    const page = await fetchPage({ Offset: offset, Limit: limit });
    const list = page[items] as unknown as readonly Item[];
    yield* list;
    offset += list.length;
    if (list.length === 0 || offset >= page.Total) return;
  }
}

/**
 * Every item of a list paged by a cursor the caller makes from the last item read (the message
 * center's MsgID, the run log's MsgId): `fetchPage(after)` → the page's items (`after` null for
 * the first). Ends on a page shorter than `limit`, or one that brings nothing new: what each
 * service means by its `Listover` is not documented the same way twice.
 */
export async function* cursorItems<T>(
  fetchPage: (after: T | null) => Promise<readonly T[]>,
  limit: number,
  cursorOf: (item: T) => string,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  for (let after: T | null = null; ; ) {
    const items = await fetchPage(after);
    const fresh = items.filter((item) => !seen.has(cursorOf(item)));
    for (const item of fresh) seen.add(cursorOf(item));
    yield* fresh;
    if (fresh.length === 0 || items.length < limit) return;
    after = items[items.length - 1] as T;
  }
}
