// Where a client keeps its session ({Token, ExpireAt}). A storage is any object with
// get(key) → string|null, set(key, value) and remove(key); each may return a promise.

export function memoryStorage() {
  const map = new Map();
  return {
    get: (key) => (map.has(key) ? map.get(key) : null),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

/** window.localStorage, for browsers. */
export function localStorageStorage(store = globalThis.localStorage) {
  return {
    get: (key) => store.getItem(key),
    set: (key, value) => store.setItem(key, value),
    remove: (key) => store.removeItem(key),
  };
}

/** wx.setStorage / wx.getStorage, for mini-programs (isolated per WeChat user and app). */
export function wxStorage(wxApi = typeof wx === 'object' ? wx : globalThis.wx) {
  const call = (name, options) =>
    new Promise((resolve, reject) => wxApi[name]({ ...options, success: resolve, fail: reject }));
  return {
    get: (key) =>
      call('getStorage', { key }).then(
        (res) => (typeof res.data === 'string' ? res.data : null),
        () => null, // a missing key is a `fail` in WeChat
      ),
    set: (key, value) => call('setStorage', { key, data: value }),
    remove: (key) => call('removeStorage', { key }),
  };
}
