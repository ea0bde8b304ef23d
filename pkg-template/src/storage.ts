// Where a client keeps its session ({Token, ExpireAt}). A storage is any object with
// get(key) → string|null, set(key, value) and remove(key); each may return a promise.

import { wxGlobal } from './wx-global.js';

/** Where a client keeps its session; each method may return a promise. */
export interface SessionStorage {
  get(key: string): string | null | Promise<string | null>;
  // biome-ignore lint/suspicious/noConfusingVoidType: a method that returns nothing is a storage too
  set(key: string, value: string): void | Promise<unknown>;
  // biome-ignore lint/suspicious/noConfusingVoidType: as for set
  remove(key: string): void | Promise<unknown>;
}

export function memoryStorage(): SessionStorage {
  const map = new Map<string, string>();
  return {
    get: (key) => (map.has(key) ? (map.get(key) as string) : null),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

/** window.localStorage, for browsers. */
export function localStorageStorage(
  store: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void } = globalThis.localStorage,
): SessionStorage {
  return {
    get: (key) => store.getItem(key),
    set: (key, value) => store.setItem(key, value),
    remove: (key) => store.removeItem(key),
  };
}

/** The storage calls of `wx` that wxStorage makes. */
type WxStorageApi = {
  getStorage(options: object): unknown;
  setStorage(options: object): unknown;
  removeStorage(options: object): unknown;
};

/** wx.setStorage / wx.getStorage, for mini-programs (isolated per WeChat user and app). */
export function wxStorage(wxApi: WxStorageApi | undefined = wxGlobal()): SessionStorage {
  const call = (name: keyof WxStorageApi, options: object) =>
    new Promise<unknown>((resolve, reject) => wxApi![name]({ ...options, success: resolve, fail: reject }));
  return {
    get: (key) =>
      call('getStorage', { key }).then(
        (res) => (typeof (res as { data?: unknown }).data === 'string' ? (res as { data: string }).data : null),
        () => null, // a missing key is a `fail` in WeChat
      ),
    set: (key, value) => call('setStorage', { key, data: value }),
    remove: (key) => call('removeStorage', { key }),
  };
}
