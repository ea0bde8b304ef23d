// The access token of one user: restored from storage, refreshed before it expires (single
// flight: concurrent callers share one getAccessToken call), replaced when the server rejects it.
import { IotExplorerError, toIotExplorerError } from './errors.js';

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;
export const DEFAULT_STORAGE_KEY = 'iot-explorer-app:session';

export class Session {
  constructor({
    getAccessToken,
    storage,
    storageKey = DEFAULT_STORAGE_KEY,
    clock = () => Date.now(),
    refreshMarginMs = DEFAULT_REFRESH_MARGIN_MS,
    onStorageError = () => {},
  }) {
    if (typeof getAccessToken !== 'function') {
      throw new IotExplorerError('createClient needs getAccessToken: () => Promise<{ Token, ExpireAt }>', {
        kind: 'InvalidInput',
        code: 'MissingParameter',
        param: 'getAccessToken',
      });
    }
    Object.assign(this, { getAccessToken, storage, storageKey, clock, refreshMarginMs, onStorageError });
    this.token = null; // { Token, ExpireAt? }
    this.refreshing = null;
    this.listeners = new Set();
    this.restored = this.restore();
  }

  get loggedIn() {
    return this.token !== null;
  }

  get expireAt() {
    return this.token && this.token.ExpireAt !== undefined ? this.token.ExpireAt : null;
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(loggedIn) {
    for (const listener of this.listeners) {
      try {
        listener(loggedIn);
      } catch {
        // a listener's bug must not break the call that changed the state
      }
    }
  }

  async storageOp(op, ...args) {
    try {
      return await this.storage[op](...args);
    } catch (e) {
      this.onStorageError(e);
      return null;
    }
  }

  async restore() {
    const text = await this.storageOp('get', this.storageKey);
    if (typeof text !== 'string') return;
    try {
      const saved = JSON.parse(text);
      if (saved && typeof saved.Token === 'string' && saved.Token && this.token === null) {
        this.token = { Token: saved.Token, ExpireAt: saved.ExpireAt };
        this.emit(true);
      }
    } catch {
      await this.storageOp('remove', this.storageKey);
    }
  }

  fresh(token) {
    if (!token) return false;
    if (typeof token.ExpireAt !== 'number') return true; // unknown expiry: valid until rejected
    return token.ExpireAt * 1000 - this.refreshMarginMs > this.clock();
  }

  async currentToken() {
    await this.restored;
    return this.token ? this.token.Token : null;
  }

  /** A token that is not about to expire, logging in when needed. */
  async accessToken() {
    await this.restored;
    if (this.fresh(this.token)) return this.token.Token;
    return this.refresh();
  }

  /** `rejected` failed at the server: get a new token unless someone already did. */
  async replace(rejected) {
    await this.restored;
    if (this.token && this.token.Token !== rejected && !this.refreshing) return this.token.Token;
    return this.refresh();
  }

  refresh() {
    if (!this.refreshing) {
      this.refreshing = this.login().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  async login() {
    let grant;
    try {
      grant = await this.getAccessToken();
    } catch (e) {
      const error = toIotExplorerError(e, 'Transport');
      if (error !== e) error.message = `getAccessToken failed: ${error.message}`;
      throw error;
    }
    if (!grant || typeof grant.Token !== 'string' || !grant.Token) {
      throw new IotExplorerError('getAccessToken must resolve to { Token: string, ExpireAt?: number }', {
        kind: 'InvalidInput',
        param: 'getAccessToken',
      });
    }
    const wasLoggedIn = this.token !== null;
    this.token = { Token: grant.Token, ExpireAt: typeof grant.ExpireAt === 'number' ? grant.ExpireAt : undefined };
    await this.storageOp('set', this.storageKey, JSON.stringify(this.token));
    if (!wasLoggedIn) this.emit(true);
    return this.token.Token;
  }

  async clear() {
    const was = this.token !== null;
    this.token = null;
    await this.storageOp('remove', this.storageKey);
    if (was) this.emit(false);
  }
}
