// The access token of one user: restored from storage, refreshed before it expires (single
// flight: concurrent callers share one getAccessToken call), replaced when the server rejects it,
// dropped when no replacement comes; a logout wins over every login still in flight.
import { IotExplorerError, invalidInput, loggedOutError, toIotExplorerError, withFields } from './errors.js';
import type { SessionStorage } from './storage.js';
import { withTimeout } from './timeouts.js';

export interface AccessTokenGrant {
  Token: string;
  /** UNIX seconds; without it the token is used until the server rejects it. */
  ExpireAt?: number;
}

/** What a Session takes: createClient's options of the same names, and the storage to use. */
export interface SessionOptions {
  /** Logs the user in (e.g. calls your cloud function that signs AppGetTokenByWeiXin). */
  getAccessToken: () => Promise<AccessTokenGrant> | AccessTokenGrant;
  storage: SessionStorage;
  storageKey?: string;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  /** Refresh this long before ExpireAt; default 300000 (5 minutes). */
  refreshMarginMs?: number;
  onStorageError?: (error: unknown) => void;
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;
// A storage operation that has not settled by then counts as failed, so one stuck call cannot
// hold every later one (they run in order) and with them logins and logouts.
const STORAGE_TIMEOUT_MS = 5000;
// A getAccessToken that has given no token by then fails the login (as wx.request's default).
const LOGIN_TIMEOUT_MS = 60 * 1000;
// A token just received is used for at least this long, even if it already looks due for a
// refresh (a clock running ahead, or a getAccessToken that hands out a cached token): else
// every call would log in again. A token the server refuses is replaced at once anyway.
const MIN_TOKEN_USE_MS = 60 * 1000;
export const DEFAULT_STORAGE_KEY = 'iot-explorer-app:session';

export class Session {
  declare getAccessToken: SessionOptions['getAccessToken'];
  declare storage: SessionStorage;
  declare storageKey: string;
  declare clock: () => number;
  declare refreshMarginMs: number;
  declare onStorageError: (error: unknown) => void;
  declare token: AccessTokenGrant | null;
  declare receivedAt: number;
  declare refreshing: Promise<string> | null;
  declare listeners: Set<(loggedIn: boolean) => void>;
  declare events: boolean[];
  declare tokenListeners: Set<(token: string) => void>;
  declare generation: number;
  /** Logged out by the app: calls fail with NotLoggedIn until it logs in again. */
  declare signedOut: boolean;
  declare loggedOutSignal: { promise: Promise<never>; reject: (error: unknown) => void };
  declare storageQueue: Promise<unknown>;
  declare restored: Promise<string | null>;

  constructor({
    getAccessToken,
    storage,
    storageKey = DEFAULT_STORAGE_KEY,
    clock = () => Date.now(),
    refreshMarginMs = DEFAULT_REFRESH_MARGIN_MS,
    onStorageError = () => {},
  }: SessionOptions) {
    if (typeof getAccessToken !== 'function') {
      throw new IotExplorerError('createClient needs getAccessToken: () => Promise<{ Token, ExpireAt }>', {
        kind: 'InvalidInput',
        code: 'MissingParameter',
        param: 'getAccessToken',
      });
    }
    Object.assign(this, { getAccessToken, storage, storageKey, clock, refreshMarginMs, onStorageError });
    this.token = null; // { Token, ExpireAt? }
    this.receivedAt = -Infinity; // when login() last got a token (by this.clock)
    this.refreshing = null;
    this.listeners = new Set();
    this.events = []; // states being told to the listeners
    this.tokenListeners = new Set();
    // Bumped by every logout: a login begun before it must not log the user back in.
    this.generation = 0;
    this.signedOut = false;
    this.loggedOutSignal = rejectedOnLogout();
    this.storageQueue = Promise.resolve();
    this.restored = this.restore();
  }

  get loggedIn(): boolean {
    return this.token !== null;
  }

  get expireAt(): number | null {
    return this.token && this.token.ExpireAt !== undefined ? this.token.ExpireAt : null;
  }

  onChange(listener: (loggedIn: boolean) => void): () => boolean {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each new token (for the push channel), until the returned function is called. */
  onToken(listener: (token: string) => void): () => boolean {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /**
   * Tells the listeners, in order: a state change made by a listener (a logout when told of a
   * login) reaches everyone after the one being told.
   */
  emit(loggedIn: boolean): void {
    this.events.push(loggedIn);
    if (this.events.length > 1) return; // being told now; the loop below takes it
    while (this.events.length > 0) {
      notify(this.listeners, this.events[0]);
      this.events.shift();
    }
  }

  /**
   * One storage operation, after every one asked for before it has finished: an async storage
   * (wx's) then keeps them in order, so a logout's remove always lands after the set it follows.
   */
  storageOp(op: keyof SessionStorage, ...args: string[]): Promise<unknown> {
    const stuck = () => new Error(`storage ${op} gave no answer within ${STORAGE_TIMEOUT_MS} ms`);
    const run = async () => {
      try {
        return await withTimeout(
          Promise.resolve().then(() => (this.storage[op] as (...args: string[]) => unknown)(...args)),
          STORAGE_TIMEOUT_MS,
          stuck,
        );
      } catch (e) {
        notify([this.onStorageError], e);
        return null;
      }
    };
    this.storageQueue = this.storageQueue.then(run);
    return this.storageQueue;
  }

  /** Resolves to the stored Token (or null), which becomes the session's unless a logout came first. */
  async restore(): Promise<string | null> {
    const generation = this.generation;
    const text = await this.storageOp('get', this.storageKey);
    if (typeof text !== 'string') return null;
    let saved: { Token?: unknown; ExpireAt?: unknown } | null;
    try {
      saved = JSON.parse(text);
    } catch {
      await this.storageOp('remove', this.storageKey);
      return null;
    }
    if (!saved || typeof saved.Token !== 'string' || !saved.Token) return null;
    if (this.token === null && generation === this.generation) {
      this.token = { Token: saved.Token, ExpireAt: typeof saved.ExpireAt === 'number' ? saved.ExpireAt : undefined };
      this.emit(true);
    }
    return saved.Token;
  }

  fresh(token: AccessTokenGrant | null): token is AccessTokenGrant {
    if (!token) return false;
    if (typeof token.ExpireAt !== 'number') return true; // unknown expiry: valid until rejected
    const now = this.clock();
    return token.ExpireAt * 1000 - this.refreshMarginMs > now || now < this.receivedAt + MIN_TOKEN_USE_MS;
  }

  /**
   * A token that is not about to expire, logging in when needed; a logout meanwhile fails it at
   * once with LoggedOut, even while the login it waits for has not answered.
   */
  async accessToken(): Promise<string> {
    const login = await this.restoredLogin();
    if (this.fresh(this.token)) return this.token.Token;
    if (this.signedOut) throw notLoggedIn();
    return login();
  }

  /** The app logs in (again, after a logout): a token, logging in when needed. */
  logIn(): Promise<string> {
    this.signedOut = false;
    return this.accessToken();
  }

  /**
   * Waits for the stored session to be restored, failing with LoggedOut if a logout came
   * meanwhile; then gives this caller's login: the shared refresh, or LoggedOut as soon as a
   * logout comes.
   */
  async restoredLogin(): Promise<() => Promise<string>> {
    const generation = this.generation;
    const signal = this.loggedOutSignal.promise;
    await this.restored;
    if (generation !== this.generation) throw loggedOut();
    return () => Promise.race([this.refresh(), signal]);
  }

  /**
   * `rejected` failed at the server: get a new token unless someone already did. When none
   * comes, the rejected token is dropped (the user is logged out), as the official SDK does.
   */
  async replace(rejected: string): Promise<string> {
    const login = await this.restoredLogin();
    if (this.token && this.token.Token !== rejected && !this.refreshing) return this.token.Token;
    try {
      return await login();
    } catch (e) {
      if (this.token && this.token.Token === rejected) await this.forget();
      throw e;
    }
  }

  refresh(): Promise<string> {
    if (!this.refreshing) {
      const refreshing = this.login().finally(() => {
        if (this.refreshing === refreshing) this.refreshing = null;
      });
      this.refreshing = refreshing;
    }
    return this.refreshing;
  }

  async login(): Promise<string> {
    const generation = this.generation;
    let grant: AccessTokenGrant;
    const stuck = () => new IotExplorerError(`getAccessToken gave no token within ${LOGIN_TIMEOUT_MS} ms`, { kind: 'Timeout', retryable: true });
    try {
      grant = await withTimeout(
        Promise.resolve().then(() => this.getAccessToken()),
        LOGIN_TIMEOUT_MS,
        stuck,
      );
    } catch (e) {
      let error = toIotExplorerError(e, 'Transport');
      if (error !== e) {
        // The caller's own error: the SDK cannot tell a bug from an outage, so it promises no
        // success on a retry unless the error says so itself (`retryable: true`).
        error = withFields(error, `getAccessToken failed: ${error.message}`, { retryable: Boolean(e && (e as { retryable?: unknown }).retryable === true) });
      }
      throw error;
    }
    if (generation !== this.generation) throw loggedOut();
    if (!grant || typeof grant.Token !== 'string' || !grant.Token) {
      throw invalidInput('getAccessToken', 'getAccessToken must resolve to { Token: string, ExpireAt?: number }');
    }
    const fresh = { Token: grant.Token, ExpireAt: typeof grant.ExpireAt === 'number' ? grant.ExpireAt : undefined };
    await this.storageOp('set', this.storageKey, JSON.stringify(fresh));
    // A logout that came meanwhile queued its remove after this set: storage ends empty.
    if (generation !== this.generation) throw loggedOut();
    // In use only once stored, so that loggedIn and the events never run ahead of each other.
    const wasLoggedIn = this.token !== null;
    this.token = fresh;
    this.receivedAt = this.clock();
    if (!wasLoggedIn) this.emit(true);
    notify(this.tokenListeners, fresh.Token);
    return fresh.Token;
  }

  /**
   * Logout. At once: the token is no longer used (a call from now on logs in afresh), a stored
   * one is not restored, and every login in flight fails instead of keeping its token. Then
   * storage is cleared. Resolves to the token the user had (for AppLogoutUser), or null.
   */
  async logOut(): Promise<string | null> {
    this.generation++;
    this.signedOut = true;
    this.refreshing = null;
    this.loggedOutSignal.reject(loggedOut());
    this.loggedOutSignal = rejectedOnLogout();
    const current = this.token;
    this.token = null;
    if (current !== null) this.emit(false); // with loggedIn, before any later login says true
    const stored = await this.restored;
    await this.storageOp('remove', this.storageKey);
    return current ? current.Token : stored;
  }

  async forget(): Promise<void> {
    const was = this.token !== null;
    this.token = null;
    if (was) this.emit(false);
    await this.storageOp('remove', this.storageKey);
  }
}

/** A promise that rejects when `reject` is called: what a caller waiting for a login races. */
function rejectedOnLogout(): Session['loggedOutSignal'] {
  let reject!: (error: unknown) => void;
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => {}); // nobody may be racing it when the logout comes
  return { promise, reject };
}

const loggedOut = () => loggedOutError('logging in: the new token was not kept');
const notLoggedIn = () =>
  new IotExplorerError('logged out: call login() first (after logout(), calls do not log in again by themselves)', {
    kind: 'InvalidInput',
    code: 'NotLoggedIn',
  });

/** Calls each listener with `value`; a listener's bug must not break what changed the state. */
function notify<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch {
      // ignored, see above
    }
  }
}
