// Types of iot-explorer-app (all entry points: Node, browsers, WeChat mini-programs).
// API payloads keep the App API's own PascalCase names; SDK options are camelCase.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Action parameters. `undefined` members are left out, like JSON.stringify does. */
export type Params = { readonly [key: string]: JsonValue | undefined };

/**
 * `T` with each member checked to be a JSON value (used as `P & Jsonable<P>`), so that
 * interfaces, which have no index signature, are accepted as well as type literals; a member
 * JSON would change or drop (a Date, a function, a bigint) becomes `never`, a type error.
 */
export type Jsonable<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends Date | RegExp | Map<unknown, unknown> | Set<unknown> | ((...args: never[]) => unknown) | bigint | symbol
    ? never
    : T extends readonly (infer U)[]
      ? readonly Jsonable<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Jsonable<T[K]> }
        : never;

export type ErrorKind = 'Api' | 'InvalidInput' | 'Http' | 'Parse' | 'Transport' | 'Timeout';

/** The service's documented codes (editors complete them); any other code is still a string. */
export type ApiErrorCode =
  | 'InvalidParameterValue.InvalidAccessToken'
  | 'VERIFY_LOGIN_FAIL'
  | 'InternalError'
  | 'RequestLimitExceeded'
  | 'InvalidAction'
  | 'ErrorRequiredParamNotFound'
  | 'InvalidParameterValue'
  | 'InvalidParameterValue.InvalidJSON'
  | 'InvalidParameterValue.UserLoginFailed'
  | 'InvalidParameterValue.ErrorUserNotExists'
  | 'InvalidParameterValue.NickNameLengthInvalid'
  | 'InvalidParameterValue.PhoneNumberInvalid'
  | 'InvalidParameterValue.SendVerifyCodeTooQuick'
  | 'InvalidParameterValue.BindDeviceNotConnected'
  | 'UnauthorizedOperation.APPNoPermissionToStudioProduct'
  | (string & {});

/** The SDK's own codes of `InvalidInput` errors. */
export type InvalidInputCode = 'InvalidParameter' | 'MissingParameter' | 'NotInitialized' | 'AppSecretNotAllowed';

export interface IotExplorerErrorFields {
  kind?: ErrorKind;
  code?: string | null;
  requestId?: string | null;
  status?: number | null;
  retryable?: boolean;
  param?: string | null;
  excerpt?: string | null;
  errMsg?: string;
  errno?: number | null;
  cause?: unknown;
}

interface IotExplorerErrorBase extends Error {
  readonly name: 'IotExplorerError';
  readonly kind: ErrorKind;
  /**
   * The server's `Error.Code` (e.g. `InvalidParameterValue.InvalidAccessToken`), or the SDK's:
   * for `InvalidInput`, and `LoggedOut` (a `Transport` error) for a call whose login a
   * `logout()` overtook.
   */
  readonly code: string | null;
  readonly requestId: string | null;
  /** The HTTP status, when a response arrived. */
  readonly status: number | null;
  /** True when the same call may succeed later (5xx, 429, timeouts, `InternalError`, …). */
  readonly retryable: boolean;
  /** The parameter an `InvalidInput` error is about. */
  readonly param: string | null;
  /** The start of the response body (`Http` and `Parse` errors). */
  readonly excerpt: string | null;
  /** `wx.request`'s `errMsg` and `errno` (mini-program transport failures). */
  readonly errMsg?: string;
  readonly errno?: number | null;
  /** True when only a new access token can fix the call. */
  readonly isAuthError: boolean;
  toJSON(): {
    name: 'IotExplorerError';
    kind: ErrorKind;
    code: string | null;
    message: string;
    requestId: string | null;
    status: number | null;
    retryable: boolean;
    param: string | null;
    excerpt: string | null;
  };
}

/** The server answered with an error (`Error.Code`). */
export interface ApiError extends IotExplorerErrorBase {
  readonly kind: 'Api';
  readonly code: ApiErrorCode;
}
/** Refused before anything was sent. */
export interface InvalidInputError extends IotExplorerErrorBase {
  readonly kind: 'InvalidInput';
  readonly code: InvalidInputCode | null;
}
/** A non-2xx status without an API error in the body. */
export interface HttpError extends IotExplorerErrorBase {
  readonly kind: 'Http';
  readonly code: null;
  readonly status: number;
  readonly excerpt: string;
}
/** A body that is not a response of the API (HTML, empty, truncated, wrongly typed). */
export interface ParseError extends IotExplorerErrorBase {
  readonly kind: 'Parse';
}
/** No response (network, the transport), or `LoggedOut`. */
export interface TransportError extends IotExplorerErrorBase {
  readonly kind: 'Transport';
}
export interface TimeoutError extends IotExplorerErrorBase {
  readonly kind: 'Timeout';
}

/**
 * Every failure of the SDK: bad input, an API error, HTTP, parsing, the transport, a timeout.
 * After `e instanceof IotExplorerError`, checking `e.kind` narrows the other fields.
 */
export type IotExplorerError = ApiError | InvalidInputError | HttpError | ParseError | TransportError | TimeoutError;
export declare const IotExplorerError: {
  new (message: string, fields?: IotExplorerErrorFields): IotExplorerError;
  readonly prototype: IotExplorerError;
};

export interface SigningOptions {
  /** `"omit"` (default: official docs and cloud-function demo) or `"keep"` (official Node SDK). */
  emptyValues?: 'omit' | 'keep';
  /** `"strict"` (default) or `"node-sdk"` (arrays, null and objects as `String(value)`). */
  values?: 'strict' | 'node-sdk';
}

/**
 * `"china"` (default), `"oversea"`, or a base URL to which `/appapi` or `/tokenapi` is appended.
 * Any string is accepted (`process.env.X` needs no cast) and checked when a request is built.
 */
export type Endpoint = 'china' | 'oversea' | `http://${string}` | `https://${string}` | (string & {});

export interface HttpRequest {
  url: string;
  method: 'POST';
  headers: { 'content-type': 'application/json' };
  /** JSON text carrying exactly the signed values. */
  body: string;
}

export interface TransportRequest extends HttpRequest {
  /** The client stops waiting after this anyway; a transport may also use it to abort. */
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  /** The response body as text; the SDK parses it. */
  body: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface Signed {
  /**
   * Made on first read (from the same parameters), by a getter: `JSON.stringify` and
   * destructuring see it, `{ ...signed }` and `Object.keys` do not.
   */
  readonly stringToSign: string;
  readonly signature: string;
}

export interface AppApiRequestInput {
  action: string;
  params?: Params;
  /** `undefined` (an unset environment variable) is a `MissingParameter` error. */
  appKey: string | undefined;
  appSecret: string | undefined;
  /** UNIX seconds; default: now. */
  timestamp?: number;
  /** 1..2147483647; default: from a CSPRNG. */
  nonce?: number;
  /** Default: a UUID v4. */
  requestId?: string;
  endpoint?: Endpoint;
  signing?: SigningOptions;
}

export interface TokenApiRequestInput {
  action: string;
  params?: Params;
  accessToken: string;
  requestId?: string;
  endpoint?: Endpoint;
}

/** The inside of a response: `RequestId`, `Data` and any other top-level fields (`FamilyList`, `Total`, …). */
export interface ApiResponse {
  RequestId?: string | null;
  Data?: JsonValue;
  /** From parseActionResponse and the clients' calls: `Data` parsed, when it is the JSON text of an object. */
  DataParsed?: { [key: string]: JsonValue };
  [field: string]: JsonValue | undefined;
}

export interface TokenGrant {
  Token: string;
  /** UNIX seconds. */
  ExpireAt: number;
  RequestId: string | null;
}

export declare function signParams(params: Params, appSecret: string, options?: SigningOptions): Signed;
export declare function buildAppApiRequest(input: AppApiRequestInput): HttpRequest;
export declare function buildTokenApiRequest(input: TokenApiRequestInput): HttpRequest;
/** Status + body text → the response content, or throws an IotExplorerError. */
export declare function parseResponse(status: number, bodyText: string): ApiResponse;
/** For `AppGetTokenByWeiXin` and `AppGetToken` responses. */
export declare function parseLoginResponse(status: number, bodyText: string): TokenGrant;
/**
 * Like parseResponse; for the typed actions the documented fields are checked (a `Parse` error
 * otherwise) and a JSON-text `Data` is also given parsed as `DataParsed`.
 */
export declare function parseActionResponse(action: string, status: number, bodyText: string): ApiResponse;

export interface WeiXinLoginParams {
  /** The mini-program OpenID or the UnionID. */
  WxOpenID: string;
  /**
   * 1 to 20 characters (the service refuses an empty one with
   * `InvalidParameterValue.NickNameLengthInvalid`). WeChat gives none unless the user fills it
   * in: missing, `null` or empty, it is sent as `微信用户`, the name WeChat shows for such users.
   */
  NickName?: string | null;
  /** Sent empty when missing. */
  Avatar?: string | null;
}

export interface CallOptions {
  requestId?: string;
  timestamp?: number;
  nonce?: number;
}

export interface RetryOptions {
  /** Retries after the first attempt; default 2. */
  retries?: number;
  /** Backoff doubles from this (with jitter); default 200. */
  baseDelayMs?: number;
  /** Default 3000. */
  maxDelayMs?: number;
  /** Also retry actions that change state (control, create, update, …); default false. */
  retryNonIdempotent?: boolean;
}

export interface ServerClientOptions {
  /** Checked when the client is made (`MissingParameter`), so an unset environment variable fails at once. */
  appKey: string | undefined;
  appSecret: string | undefined;
  endpoint?: Endpoint;
  transport?: Transport;
  signing?: SigningOptions;
  /** Per attempt, for any transport (a Timeout error, retryable); default 10000; 0 or Infinity: none. */
  timeoutMs?: number;
  /** Retries of retryable failures (`false`: none). */
  retry?: RetryOptions | false;
  /** Milliseconds since the epoch for Timestamps; default Date.now. */
  clock?: () => number;
  /**
   * Added to the clock when signing. Learned automatically when the server rejects a Timestamp
   * and states its own time in the message (the call is then signed again once).
   */
  clockOffsetMs?: number;
  /**
   * Browser build only: run here although every visitor can then read the AppSecret (a test page,
   * a trusted kiosk). Without it, createServerClient throws `AppSecretNotAllowed` in a browser bundle.
   */
  dangerouslyAllowBrowser?: boolean;
  /** Browsers and mini-programs: how long a call waits for `init()` to be called (then `NotInitialized`); default 10000. */
  initTimeoutMs?: number;
}

export interface PhoneNumber {
  /** e.g. "86" */
  CountryCode: string;
  PhoneNumber: string;
}

export type VerificationCodeType = 'register' | 'resetpass';

/** A response without documented data beyond its RequestId. */
export interface Ack {
  RequestId?: string | null;
  Data?: JsonValue;
}

/** For servers and cloud functions: holds the AppSecret and signs `appapi` calls. */
export interface ServerClient {
  call<P extends object = Params>(action: string, params?: P & Jsonable<P>, options?: CallOptions): Promise<ApiResponse>;
  /** The correction applied to the local clock when signing (learned or configured). */
  readonly clockOffsetMs: number;
  getTokenByWeiXin(params: WeiXinLoginParams, options?: CallOptions): Promise<TokenGrant>;
  getToken(
    params: ({ Type: 'phone'; Password: string } & PhoneNumber) | { Type: 'email'; Email: string; Password: string },
    options?: CallOptions,
  ): Promise<TokenGrant>;
  sendVerificationCode(params: { Type: VerificationCodeType } & PhoneNumber, options?: CallOptions): Promise<Ack>;
  checkVerificationCode(params: { Type: VerificationCodeType; VerificationCode: string } & PhoneNumber, options?: CallOptions): Promise<Ack>;
  sendEmailVerificationCode(params: { Type: VerificationCodeType; Email: string }, options?: CallOptions): Promise<Ack>;
  checkEmailVerificationCode(params: { Type: VerificationCodeType; Email: string; VerificationCode: string }, options?: CallOptions): Promise<Ack>;
  createCellphoneUser(params: PhoneNumber & { Password: string; VerificationCode: string }, options?: CallOptions): Promise<{ RequestId?: string | null; Data: { UserID: string } }>;
  createEmailUser(params: { Email: string; Password: string; VerificationCode: string }, options?: CallOptions): Promise<{ RequestId?: string | null; Data: { UserID: string } }>;
  resetPasswordByCellphone(params: PhoneNumber & { Password: string; VerificationCode: string }, options?: CallOptions): Promise<Ack>;
  resetPasswordByEmail(params: { Email: string; Password: string; VerificationCode: string }, options?: CallOptions): Promise<Ack>;
}

export declare function createServerClient(options: ServerClientOptions): ServerClient;

/** Where a client keeps its session; each method may return a promise. */
export interface SessionStorage {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<unknown>;
  remove(key: string): void | Promise<unknown>;
}

export interface AccessTokenGrant {
  Token: string;
  /** UNIX seconds; without it the token is used until the server rejects it. */
  ExpireAt?: number;
}

export interface ClientOptions {
  /** Logs the user in (e.g. calls your cloud function that signs AppGetTokenByWeiXin). */
  getAccessToken: () => Promise<AccessTokenGrant> | AccessTokenGrant;
  endpoint?: Endpoint;
  transport?: Transport;
  /** Default: wx storage in mini-programs, localStorage in browsers, memory in Node. */
  storage?: SessionStorage;
  storageKey?: string;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  /** Refresh this long before ExpireAt; default 300000 (5 minutes). */
  refreshMarginMs?: number;
  /** Per attempt, for any transport (a Timeout error, retryable); default 10000; 0 or Infinity: none. */
  timeoutMs?: number;
  /** Retries of retryable failures (`false`: none). */
  retry?: RetryOptions | false;
  onStorageError?: (error: unknown) => void;
  /** The push channel; default `wss://iot.cloud.tencent.com/ws/explorer`, or ws(s)://host/ws/explorer of a custom endpoint. */
  pushUrl?: string;
  /** How to open the socket; default: WebSocket (browsers, Node ≥ 22, or the `ws` package), wx.connectSocket (mini-programs). */
  socket?: SocketOpener;
  push?: PushOptions;
  /** Push failures nobody awaits (a listener that threw, an error reply). */
  onPushError?: (error: IotExplorerError) => void;
  /** Browsers and mini-programs: how long a call waits for `init()` to be called (then `NotInitialized`); default 10000. */
  initTimeoutMs?: number;
}

export interface PushOptions {
  /** Default 50000 (the official SDK's interval). */
  heartbeatMs?: number;
  /** A reply, or a socket opening, that takes longer marks the link dead; default 20000. */
  replyTimeoutMs?: number;
  /** Reconnect after this, doubling per failure; default 2000. */
  reconnectMinMs?: number;
  /** Default 60000. */
  reconnectMaxMs?: number;
}

export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  close(): void;
}

/** Opens a socket to `url` and reports what happens to it through `on`. */
export type SocketOpener = (url: string, on: SocketHandlers) => { send(text: string): void; close(): void };

interface PushEventBase {
  /** "ProductId/DeviceName" */
  deviceId: string;
  /** The server's time of the change (ISO 8601), when given. */
  time: string | null;
}

/** A live change of a device, from the push channel. */
export type PushEvent =
  | (PushEventBase & { type: 'PropertyReport'; params: { [property: string]: JsonValue } })
  | (PushEventBase & { type: 'ControlPush'; params: { [property: string]: JsonValue } })
  | (PushEventBase & { type: 'Event'; eventId: string | null; params: { [key: string]: JsonValue } })
  | (PushEventBase & { type: 'StatusChange'; online: boolean })
  | (PushEventBase & { type: 'Bind' })
  | (PushEventBase & { type: 'Unbind' })
  /** A push this SDK does not know, kept as the raw frame text. */
  | { type: 'Unknown'; raw: string };

export interface User {
  UserID: string;
  NickName?: string | null;
  Avatar?: string | null;
  PhoneNumber?: string | null;
  CountryCode?: string | null;
  Email?: string | null;
}

export interface Family {
  FamilyId: string;
  Name: string;
  /** 1 owner, 0 member */
  Role?: number | null;
  CreateTime?: number | null;
  UpdateTime?: number | null;
}

export interface FamilyDevice {
  ProductId: string;
  DeviceName: string;
  /** "ProductId/DeviceName" */
  DeviceId?: string | null;
  AliasName?: string | null;
  UserID?: string | null;
  RoomId?: string | null;
  IconUrl?: string | null;
  CreateTime?: number | null;
  UpdateTime?: number | null;
}

export interface DeviceStatus {
  DeviceId: string;
  ProductId?: string | null;
  DeviceName?: string | null;
  /** 1 online, 0 offline */
  Online: number;
}

export interface DeviceProperty {
  Value: JsonValue;
  /** Milliseconds since the epoch. */
  LastUpdate?: number | null;
}

export interface Page {
  Offset?: number;
  /** At most 50 per the docs. */
  Limit?: number;
}

export interface DeviceRef {
  ProductId: string;
  DeviceName: string;
}

/** For the app side: AccessToken calls with a session kept fresh for you. */
export interface Client {
  call<P extends object = Params>(action: string, params?: P & Jsonable<P>): Promise<ApiResponse>;
  /**
   * Live events of these devices ("ProductId/DeviceName"): waits for login, reconnects and
   * resubscribes after drops. Resolves to the function that unsubscribes once the server
   * confirms (or after the reply timeout, the channel still trying); rejects, subscribing
   * nothing, when the ids are invalid or the server refuses the subscription (each request
   * lists every device, so a refusal rejects every subscribe() then waiting), and with code
   * `LoggedOut` when a logout() came first.
   */
  subscribe(deviceIds: readonly string[], onEvent: (event: PushEvent) => void): Promise<() => void>;
  /** Resolves once the stored session (if any) is restored: true when logged in. */
  ready(): Promise<boolean>;
  login(): Promise<void>;
  /** Ends live subscriptions, calls AppLogoutUser (best effort) and forgets the token. */
  logout(): Promise<void>;
  onLoginStateChange(listener: (loggedIn: boolean) => void): () => void;
  readonly loggedIn: boolean;
  /** UNIX seconds, when known. */
  readonly expireAt: number | null;

  getUser(): Promise<{ RequestId?: string | null; Data: User }>;
  updateUser(params: { NickName?: string; Avatar?: string }): Promise<Ack>;
  getFamilyList(params?: Page): Promise<{ RequestId?: string | null; FamilyList: Family[]; Total: number }>;
  createFamily(params: { Name: string; Address?: string }): Promise<{ RequestId?: string | null; Data: { FamilyId: string } }>;
  getFamilyDeviceList(params: Page & { FamilyId: string; RoomId?: string }): Promise<{ RequestId?: string | null; DeviceList: FamilyDevice[]; Total: number }>;
  getDeviceStatuses(params: { DeviceIds: readonly string[] }): Promise<{ RequestId?: string | null; DeviceStatuses: DeviceStatus[] }>;
  /** `Data` is the API's JSON text; `DataParsed` the same, parsed. */
  getDeviceData(params: DeviceRef): Promise<{ RequestId?: string | null; Data: string; DataParsed: Record<string, DeviceProperty> }>;
  /** `Data` may be an object: it is sent as the JSON text the API requires. */
  controlDevice<D extends object>(params: DeviceRef & { Data: string | (D & Jsonable<D>) }): Promise<{ RequestId?: string | null; Data?: string; DataParsed?: Record<string, JsonValue> }>;
  /** Every family, fetched page by page (`pageSize` default 50). */
  families(options?: { pageSize?: number }): AsyncIterableIterator<Family>;
  /** Every device of a family (or one room), fetched page by page. */
  familyDevices(options: { FamilyId: string; RoomId?: string; pageSize?: number }): AsyncIterableIterator<FamilyDevice>;
}

export declare function createClient(options: ClientOptions): Client;

export interface FetchLike {
  (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: unknown }): Promise<{
    status: number;
    text(): Promise<string>;
  }>;
}

export interface WxRequestOptions {
  url: string;
  method: 'POST';
  header: Record<string, string>;
  data: string;
  dataType: 'text';
  responseType: 'text';
  timeout?: number;
  success(result: { data: unknown; statusCode: number | string }): void;
  fail(error: { errMsg: string; errno?: number }): void;
}

export interface WxLike {
  request(options: WxRequestOptions): unknown;
}

export declare function fetchTransport(options?: { fetch?: FetchLike }): Transport;
/** At most `maxInFlight` (default 10, WeChat's limit) requests at once; the rest wait. */
export declare function wxRequestTransport(options?: { wx?: WxLike; maxInFlight?: number }): Transport;

export declare function webSocketOpener(WebSocketClass: new (url: string) => {
  onopen: unknown;
  onmessage: unknown;
  onclose: unknown;
  onerror: unknown;
  send(text: string): void;
  close(): void;
}): SocketOpener;
/** The SocketTask of wx.connectSocket, as far as the opener uses it. */
export interface WxSocketTask {
  onOpen(callback: () => void): void;
  onMessage(callback: (result: { data: string | ArrayBuffer }) => void): void;
  onClose(callback: () => void): void;
  onError(callback: () => void): void;
  send(options: { data: string }): void;
  close(options: object): void;
}
export declare function wxSocketOpener(wx?: { connectSocket(options: { url: string; fail?: () => void }): WxSocketTask }): SocketOpener;

export declare function memoryStorage(): SessionStorage;
export declare function localStorageStorage(store?: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}): SessionStorage;
export declare function wxStorage(wx?: {
  getStorage(options: object): unknown;
  setStorage(options: object): unknown;
  removeStorage(options: object): unknown;
}): SessionStorage;

export interface WasmResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Browsers: where to load the wasm from (default: next to the module). */
export type WasmSource =
  | string
  | { readonly href: string }
  | ArrayBuffer
  | ArrayBufferView
  | WasmResponseLike
  | PromiseLike<WasmResponseLike>;

/** Mini-programs: the package path of the wasm and whether AppSecret APIs may run in the client. */
export interface MiniProgramInitOptions {
  /**
   * Default `/miniprogram_npm/iot-explorer-app/iot_explorer_app_bg.wasm.br` (base library ≥ 2.14.0);
   * on 2.13.x, copy the package's `dist/iot_explorer_app_bg.wasm` into the project and pass its path.
   */
  wasmPath?: string;
  /** Enables signParams/buildAppApiRequest/createServerClient in a mini-program. Ships your AppSecret to every user. */
  dangerouslyAllowAppSecretInClient?: boolean;
}

/** For leak checks: the wasm linear memory's size in bytes (0 before init). */
export declare function diagnostics(): { wasmMemoryBytes: number };

/** Loads the wasm module (needed in browsers and mini-programs; a no-op in Node). */
export declare function init(source?: WasmSource | MiniProgramInitOptions): Promise<void>;
export default init;
