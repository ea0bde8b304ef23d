// The high-level clients: build → send (the caller's transport) → parse, with retries for
// retryable failures, the typed methods, and the session that keeps an access token fresh.
import { IotExplorerError, toIotExplorerError } from './errors.js';
import { HOLDS_TIMEOUT, backstopDelay, withTimeout } from './timeouts.js';
import { CLIENT_METHODS, SERVER_METHODS, actionParams, controlParams, deviceListParams, deviceParams, isDeviceId, pages, roomPages } from './methods.js';
import { addDeviceWithToken } from './add-device.js';
import { dataHistory, eventHistory } from './history.js';
import { upgradeFirmware } from './firmware.js';
import { checkActionInput, checkControlData } from './data-template.js';
import { newRequestId } from './request-id.js';
import { retryPolicy, withRetry } from './retry.js';
import { createPushHub, pushUrlFor } from './push.js';
import { createPushChannel } from './push-session.js';
import { Session } from './session.js';

export const DEFAULT_TIMEOUT_MS = 10000;
/** What WeChat shows for a user who gave no name; sent when a login has no NickName. */
export const DEFAULT_NICKNAME = '微信用户';

/** A control's Data as an object, for the template check (the core checks its JSON itself). */
function dataObject(data) {
  if (typeof data !== 'string') return data && typeof data === 'object' ? data : {};
  try {
    const parsed = JSON.parse(data);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** A transport's answer must be this (for the `status`, a number an HTTP answer can have). */
const isHttpStatus = (status) => Number.isInteger(status) && status >= 0 && status <= 999;

/**
 * Calls the transport and checks that it answered `{ status, body, headers? }` with an HTTP
 * status and a text body; returns `{ status, body, date }`, `date` being the server's `Date`
 * header in ms (or null). The timeout holds for any transport: a backstop for those of the
 * caller's that may ignore `timeoutMs` (the built-in ones hold it, counting from when the
 * request really goes out).
 */
async function send(transport, request, timeoutMs) {
  const waited = transport[HOLDS_TIMEOUT] ? 0 : backstopDelay(timeoutMs);
  const timedOut = () =>
    new IotExplorerError(`no response within ${waited} ms (the transport did not time out by itself)`, { kind: 'Timeout', retryable: true });
  try {
    const res = await withTimeout(transport({ ...request, timeoutMs }), waited, timedOut);
    // Read once, inside the try: an answer's getters may throw.
    const status = res && res.status;
    const body = res && res.body;
    if (!isHttpStatus(status) || typeof body !== 'string') {
      const what = isHttpStatus(status) ? `a body of type ${typeof body}` : `the status ${describeStatus(status)}`;
      throw new IotExplorerError(`the transport must resolve to { status: HTTP status number, body: string }, not ${what}`, { kind: 'Transport' });
    }
    return { status, body, date: dateOf(res.headers) };
  } catch (e) {
    throw toIotExplorerError(e, 'Transport');
  }
}

const describeStatus = (status) => (typeof status === 'string' ? JSON.stringify(status) : String(status));

/** The `Date` header (a Headers object or a plain one, any case) in ms, or null. */
function dateOf(headers) {
  if (!headers || typeof headers !== 'object') return null;
  let text = typeof headers.get === 'function' ? headers.get('date') : undefined;
  if (text === undefined || text === null) {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === 'date');
    text = key === undefined ? null : headers[key];
  }
  const ms = typeof text === 'string' ? Date.parse(text) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

// A `Date` header has whole seconds, and the answer took some time to come: a clock within
// this of the server's is left alone, one further off is corrected.
const CLOCK_TOLERANCE_MS = 30 * 1000;
// How far a signed request's Timestamp may be from the service's clock: 5 minutes, as Tencent
// Cloud's signed APIs document it (the App API docs give no number). A refusal of a request
// further off than this is the clock's doing and is signed again; one closer than this was
// refused for something else, and is not sent twice.
const TIMESTAMP_WINDOW_MS = 300 * 1000;

/**
 * The server's time (UNIX seconds) from a refusal naming the Timestamp that states it, else null: the
 * first 10-digit number in the message that is not the Timestamp we sent (it may quote both).
 * Neither the code nor the time in the message is documented: only a fallback for answers that
 * carry no readable `Date` header.
 */
function serverTimeOf(e, sent) {
  if (!(e instanceof IotExplorerError) || e.kind !== 'Api' || !/Timestamp/.test(`${e.code} ${e.message}`)) return null;
  const times = (e.message.match(/\b\d{10}\b/g) || []).map(Number).filter((t) => t !== sent);
  return times.length ? times[0] : null;
}

/** `timeoutMs` as the clients take it: a number of ms, 0 or Infinity for none; else a typed error. */
function timeoutOf(options) {
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (typeof timeoutMs === 'number' && timeoutMs >= 0) return timeoutMs;
  throw new IotExplorerError(`timeoutMs must be a number of milliseconds (0 or Infinity: none), not ${String(timeoutMs)}`, {
    kind: 'InvalidInput',
    code: 'InvalidParameter',
    param: 'timeoutMs',
  });
}

/** How long a client's call waits for init() to be called before failing (NotInitialized). */
export const DEFAULT_INIT_TIMEOUT_MS = 10000;

/** A string option a client cannot work without: checked when the client is made. */
function requiredText(options, name, factory) {
  const value = options[name];
  if (typeof value === 'string' && value !== '') return value;
  const missing = value === undefined || value === null || value === '';
  throw new IotExplorerError(
    missing
      ? `${factory} needs ${name} (is the environment variable that should hold it set?)`
      : `${name} must be a string, not ${typeof value}`,
    { kind: 'InvalidInput', code: missing ? 'MissingParameter' : 'InvalidParameter', param: name },
  );
}

/**
 * The URL (`urlOf`: it, or a function giving it) in an error that came from, or for want of, a
 * response: a 404 then says what was asked for, a network failure which host it could not reach.
 */
function naming(e, urlOf) {
  if (!(e instanceof IotExplorerError) || !(e.kind === 'Http' || e.kind === 'Transport' || e.kind === 'Timeout') || e.code === 'LoggedOut') return e;
  const url = typeof urlOf === 'function' ? urlOf() : urlOf;
  if (url && !e.message.includes(url)) {
    const hint = e.kind === 'Http' && e.status === 404 ? ' (endpoint is a base URL such as https://host/api/exploreropen, to which /appapi or /tokenapi is appended)' : '';
    e.message = `${e.message} (POST ${url})${hint}`;
  }
  return e;
}

export function makeClients(core, platform) {
  /** Resolves once the wasm is loaded (at once where it always is); see loaded-module.js. */
  const loaded = (initTimeoutMs) => (platform.whenLoaded && platform.whenLoaded(initTimeoutMs)) || null;
  /** The URL of `api` ('appapi' | 'tokenapi') at `endpoint`, as the core builds it; null if it cannot. */
  const apiUrl = (endpoint, api) => {
    try {
      return core.buildTokenApiRequest({ action: 'AppGetUser', accessToken: '-', endpoint }).url.replace(/tokenapi$/, api);
    } catch {
      return null;
    }
  };

  /** For servers and cloud functions: holds the AppSecret and signs `appapi` calls. */
  function createServerClient(options = {}) {
    options = options || {};
    platform.assertAppSecretAllowed(options);
    const appKey = requiredText(options, 'appKey', 'createServerClient');
    const appSecret = requiredText(options, 'appSecret', 'createServerClient');
    const { endpoint, signing, initTimeoutMs = DEFAULT_INIT_TIMEOUT_MS } = options;
    const timeoutMs = timeoutOf(options);
    const transport = options.transport || platform.defaultTransport();
    const policy = retryPolicy(options.retry);
    const clock = options.clock || (() => Date.now());
    let clockOffsetMs = options.clockOffsetMs || 0;
    const timestampOf = (callOptions) => callOptions.timestamp ?? Math.floor((clock() + clockOffsetMs) / 1000);
    /** Learns the offset from the answer's `Date` (its second's middle), when it is off. */
    const learnClock = (res) => {
      if (res.date === null) return;
      const offset = res.date + 500 - clock();
      if (Math.abs(offset - clockOffsetMs) > CLOCK_TOLERANCE_MS) clockOffsetMs = offset;
    };
    // Every attempt is a new request: its own RequestId (the caller's, if given, for the first),
    // Timestamp and Nonce (the server refuses a replayed Nonce; a caller's is used once).
    const attemptSigned = async (action, params, callOptions, parse, first) => {
      const requestId = (first && callOptions.requestId) || newRequestId();
      const timestamp = timestampOf(callOptions);
      const nonce = first ? callOptions.nonce : undefined;
      const request = core.buildAppApiRequest({ action, params, appKey, appSecret, endpoint, signing, ...callOptions, requestId, timestamp, nonce });
      const res = await send(transport, request, timeoutMs);
      learnClock(res);
      try {
        return { result: parse(res) };
      } catch (e) {
        // A refusal of a Timestamp outside the service's window: sign again with the server's time.
        if (callOptions.timestamp !== undefined || !(e instanceof IotExplorerError) || e.kind !== 'Api') throw e;
        if (res.date !== null) {
          if (Math.abs(timestamp * 1000 - res.date) <= TIMESTAMP_WINDOW_MS) throw e;
          return { again: e };
        }
        const serverSeconds = serverTimeOf(e, timestamp);
        if (serverSeconds === null) throw e;
        clockOffsetMs = serverSeconds * 1000 - clock();
        return { again: e };
      }
    };
    const sendSigned = async (action, params, given, parse) => {
      const callOptions = given || {};
      return withRetry(action, policy, async (attempt) => {
        const first = await attemptSigned(action, params, callOptions, parse, attempt === 0);
        if (!first.again) return first.result;
        const second = await attemptSigned(action, params, callOptions, parse, false);
        if (second.again) throw second.again; // the clock keeps moving: no third try
        return second.result;
      });
    };
    // What the methods send through: once the wasm has loaded (calls made before init() wait for
    // it), with the URL named in an error that came from or for want of a response.
    const signed = async (action, params, callOptions, parse) => {
      const waiting = loaded(initTimeoutMs);
      if (waiting) await waiting;
      try {
        return await sendSigned(action, params, callOptions, parse);
      } catch (e) {
        throw naming(e, () => apiUrl(endpoint, 'appapi'));
      }
    };
    const call = (action, params = {}, callOptions) =>
      signed(action, params, callOptions, (res) => core.parseActionResponse(action, res.status, res.body));
    const client = {
      /** Any signed action; resolves to the inside of the response ({ RequestId, Data?, … }). */
      call,
      /** The correction applied to the local clock when signing (learned or configured). */
      get clockOffsetMs() {
        return clockOffsetMs;
      },
      /** WeChat login: { WxOpenID, NickName, Avatar } → { Token, ExpireAt, RequestId }. */
      // WeChat gives no nickname or avatar unless the user fills them in. The service requires a
      // NickName of 1 to 20 characters: a missing or empty one is sent as 微信用户, the name
      // WeChat itself shows for such users. A missing Avatar is sent empty.
      getTokenByWeiXin: async (params, callOptions) => {
        const { WxOpenID, NickName, Avatar } = params || {};
        const login = { WxOpenID, NickName: NickName === undefined || NickName === null || NickName === '' ? DEFAULT_NICKNAME : NickName, Avatar: Avatar ?? '' };
        return signed('AppGetTokenByWeiXin', login, callOptions, (res) => core.parseLoginResponse(res.status, res.body));
      },
    };
    /** Phone or e-mail login (`AppGetToken`) → { Token, ExpireAt, RequestId }. */
    client.getToken = (params, callOptions) => signed('AppGetToken', params, callOptions, (res) => core.parseLoginResponse(res.status, res.body));
    for (const [method, action] of SERVER_METHODS) {
      client[method] = (params, callOptions) => call(action, params, callOptions);
    }
    return client;
  }

  /** For the app side: AccessToken calls, with the token fetched, stored and refreshed for you. */
  function createClient(options = {}) {
    options = options || {};
    const { endpoint, initTimeoutMs = DEFAULT_INIT_TIMEOUT_MS } = options;
    const timeoutMs = timeoutOf(options);
    const transport = options.transport || platform.defaultTransport();
    const policy = retryPolicy(options.retry);
    const session = new Session({ ...options, storage: options.storage || platform.defaultStorage() });
    // Every attempt is a new request with its own RequestId, as the official clients send them.
    const sendToken = (action, params, accessToken) =>
      withRetry(action, policy, async () => {
        const request = core.buildTokenApiRequest({ action, params, accessToken, endpoint, requestId: newRequestId() });
        const res = await send(transport, request, timeoutMs);
        return core.parseActionResponse(action, res.status, res.body);
      });
    /** Runs `then()` once the wasm has loaded: a call made before init() waits for it. */
    const whenLoaded = async (then) => {
      const waiting = loaded(initTimeoutMs);
      if (waiting) await waiting;
      return then();
    };

    // FamilyId 'default' means the user's first family (one is created if there is none), as
    // the official mini-program SDK resolves it; found once per login.
    let defaultFamily = null;
    const defaultFamilyId = () => {
      const generation = session.generation;
      if (!defaultFamily || defaultFamily.generation !== generation) {
        const found = (async () => {
          const { FamilyList } = await call('AppGetFamilyList', { Offset: 0, Limit: 1 });
          if (FamilyList.length) return FamilyList[0].FamilyId;
          return (await call('AppCreateFamily', { Name: '我的家' })).Data.FamilyId;
        })();
        defaultFamily = { generation, found };
        found.catch(() => defaultFamily && defaultFamily.found === found && (defaultFamily = null));
      }
      return defaultFamily.found;
    };

    async function call(action, params = {}) {
      const usesDefault = Boolean(params) && params.FamilyId === 'default';
      if (usesDefault) params = { ...params, FamilyId: await defaultFamilyId() };
      try {
        const result = await sendCall(action, params);
        // The first family may now be another one: found again when next asked for.
        if (action === 'AppDeleteFamily' || action === 'AppExitFamily') defaultFamily = null;
        return result;
      } catch (e) {
        if (usesDefault) defaultFamily = null; // perhaps it is gone (deleted elsewhere)
        throw e;
      }
    }

    async function sendCall(action, params) {
      const generation = session.generation;
      const token = await whenLoaded(() => session.accessToken());
      try {
        return await sendToken(action, params, token);
      } catch (e) {
        // After a logout, a refused token is the logout's doing: no login again. (An error from or
        // for want of a response names the URL.)
        if (!(e instanceof IotExplorerError) || !e.isAuthError || generation !== session.generation) throw naming(e, () => apiUrl(endpoint, 'tokenapi'));
        // The server no longer accepts this token: log in again and retry once.
        const fresh = await session.replace(token);
        return sendToken(action, params, fresh);
      }
    }

    let hub = null;
    const pushHub = () => {
      if (!hub) {
        const openSocket = options.socket || platform.defaultSocket();
        if (!openSocket) {
          throw new IotExplorerError('no WebSocket in this runtime: install the `ws` package or pass `socket`', { kind: 'Transport' });
        }
        hub = createPushHub({
          channel: createPushChannel(options.push, (text) => core.parseResponse(200, text)),
          openSocket,
          url: options.pushUrl || pushUrlFor(endpoint),
          session,
          onError: options.onPushError || (() => {}),
          replyTimeoutMs: (options.push && options.push.replyTimeoutMs) || undefined,
        });
        if (platform.onLifecycle) platform.onLifecycle(hub);
      }
      return hub;
    };

    const client = {
      /** Any AccessToken action; the token is added for you. */
      call,
      /**
       * Live device events over the push channel: waits for login, reconnects and resubscribes
       * after drops; resolves to a function that unsubscribes.
       */
      subscribe: async (deviceIds, onEvent) => {
        if (!Array.isArray(deviceIds) || typeof onEvent !== 'function') {
          throw new IotExplorerError('subscribe(deviceIds: string[], onEvent: function)', { kind: 'InvalidInput', code: 'InvalidParameter', param: 'deviceIds' });
        }
        if (deviceIds.length === 0) {
          throw new IotExplorerError('subscribe needs at least one device id ("ProductId/DeviceName")', { kind: 'InvalidInput', code: 'InvalidParameter', param: 'deviceIds' });
        }
        const bad = deviceIds.findIndex((id) => !isDeviceId(id));
        if (bad >= 0) {
          throw new IotExplorerError(`a device id is "ProductId/DeviceName", not ${JSON.stringify(deviceIds[bad]) ?? String(deviceIds[bad])}`, { kind: 'InvalidInput', code: 'InvalidParameter', param: 'deviceIds' });
        }
        return whenLoaded(() => pushHub().subscribe(deviceIds, onEvent));
      },
      /** Resolves once the stored session (if any) is restored: true when logged in. */
      ready: () => session.restored.then(() => session.loggedIn),
      /** Logs in now (normally done on the first call). */
      login: () => session.accessToken().then(() => undefined),
      /**
       * Ends live subscriptions, tells the server (`AppLogoutUser`, best effort: a token the
       * server already refuses, or no network, does not fail the logout) and forgets the token.
       */
      async logout() {
        const loggingOut = session.logOut(); // at once: calls, logins and subscribes see it
        if (hub) hub.clear();
        const token = await loggingOut;
        if (token) await sendToken('AppLogoutUser', {}, token).catch(() => {});
      },
      onLoginStateChange: (listener) => session.onChange(listener),
      get loggedIn() {
        return session.loggedIn;
      },
      get expireAt() {
        return session.expireAt;
      },
      /** Every family of the user, page by page. */
      families: (options) => pages((page) => call('AppGetFamilyList', page), 'FamilyList', (options || {}).pageSize),
      /** Every device of a family (or of one room), page by page. */
      familyDevices: (options) => {
        const { FamilyId, RoomId, pageSize } = options || {};
        return pages((page) => call('AppGetFamilyDeviceList', deviceListParams({ FamilyId, RoomId, ...page })), 'DeviceList', pageSize);
      },
      /** Every room of a family, page by page (AppGetRoomList; `RoomList` or `Roomlist`). */
      rooms: (options) => {
        const { FamilyId, pageSize } = options || {};
        return roomPages((page) => call('AppGetRoomList', { FamilyId, ...page }), pageSize);
      },
      /** Every member of a family, page by page. */
      familyMembers: (options) => {
        const { FamilyId, pageSize } = options || {};
        return pages((page) => call('AppGetFamilyMemberList', { FamilyId, ...page }), 'MemberList', pageSize);
      },
      /** Every device shared with the user, page by page. */
      sharedDevices: (options) => pages((page) => call('AppListUserShareDevices', page), 'ShareDevices', (options || {}).pageSize),
      /** A property's reported values over a time range, page by page (AppGetDeviceDataHistory). */
      deviceDataHistory: (options) => dataHistory(call, options),
      /** A device's events over a time range, page by page (AppListEventHistory). */
      eventHistory: (options) => eventHistory(call, options),
      /** The user's first family, created if there is none (what FamilyId 'default' means). */
      defaultFamilyId,
      /** Checks, publishes and follows a firmware upgrade: see firmware.js and the README's recipe. */
      upgradeFirmware: (device, options) => upgradeFirmware(client, device, options),
      /** Adds a device by bind token: see add-device.js and the README's recipe. */
      addDeviceWithToken: (target, options) => addDeviceWithToken(client, target, options),
    };
    // A timer's Data, like a control's, may be an object: it is sent as JSON text.
    const paramsFor = {
      AppControlDeviceData: controlParams,
      AppCreateTimer: controlParams,
      AppModifyTimer: controlParams,
      AppCallDeviceActionSync: actionParams,
      AppCallDeviceActionAsync: actionParams,
      AppGetFamilyDeviceList: deviceListParams,
    };
    for (const [method, action, namesDevice] of CLIENT_METHODS) {
      const prepare = paramsFor[action] || (namesDevice ? deviceParams : null);
      client[method] = prepare ? async (params) => call(action, prepare(params)) : (params) => call(action, params);
    }
    // With a data template (`{ template }`: parsed, or AppGetProducts' DataTemplate text), Data
    // is checked against it first: a property it lacks, a read-only one, a value out of range.
    const sendControl = client.controlDevice;
    client.controlDevice = async (params, options) => {
      const template = options && options.template;
      if (template && params) checkControlData(template, dataObject(params.Data));
      return sendControl(params);
    };
    // With a data template (`{ template }`), InputParams is checked against the action's inputs
    // first. The sync answer's OutputParams (JSON text) is also parsed, when it is an object's.
    const checkedAction = (send) => async (params, options) => {
      const template = options && options.template;
      if (template && params && typeof params.ActionId === 'string') {
        checkActionInput(template, params.ActionId, dataObject(params.InputParams));
      }
      return send(params);
    };
    client.callDeviceActionAsync = checkedAction(client.callDeviceActionAsync);
    const sendAction = checkedAction(client.callDeviceActionSync);
    client.callDeviceActionSync = async (params, options) => {
      const answer = await sendAction(params, options);
      const output = answer.OutputParams ?? answer.OutputParqams;
      if (typeof output === 'string' && output.trim().startsWith('{')) {
        try {
          answer.OutputParamsParsed = JSON.parse(output);
        } catch {
          // not JSON: left as the text the device sent
        }
      }
      return answer;
    };
    return client;
  }

  return { createServerClient, createClient };
}
