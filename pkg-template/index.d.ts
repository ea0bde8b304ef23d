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
  /** addDeviceWithToken or upgradeFirmware: the step that failed. */
  step?: 'token' | 'provision' | 'wait' | 'bind' | 'check' | 'publish' | 'progress';
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
  /** The HTTP status (an integer; 0 for no answer). Anything else is a `Transport` error. */
  status: number;
  /** The response body as text; the SDK parses it. */
  body: string;
  /**
   * The response headers (a fetch `Headers` or a plain object, any case). The server client
   * learns its clock's offset from `Date`.
   */
  headers?: { get(name: string): string | null } | Record<string, string | undefined>;
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
export interface ServerClient extends TypedServerMethods {
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
  /** A device action was sent to the device (`Action` × `Push`). */
  | (PushEventBase & { type: 'ActionPush'; actionId: string | null; clientToken: string | null; params: { [key: string]: JsonValue } })
  /**
   * The device answered an action (`Action` × `Report`, method `action_reply`): how
   * `callDeviceActionAsync` ends; `clientToken` is the one the call returned.
   */
  | (PushEventBase & { type: 'ActionReport'; clientToken: string | null; code: number | null; status: string | null; response: { [key: string]: JsonValue } })
  /** Sub-devices bound to or unbound from this gateway (`Gateway` × `bind`/`unbind`), with their list. */
  | (PushEventBase & { type: 'SubDeviceChange'; action: 'bind' | 'unbind'; subDevices: JsonValue[] })
  /**
   * A push this SDK does not know, for a device you subscribed to, kept as the raw frame text.
   * (A frame that names no valid device reaches no callback: `onPushError` gets it.)
   */
  | { type: 'Unknown'; deviceId: string; raw: string };

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
/** A room, as AppGetRoomList lists it (the docs type RoomId as a string; examples show numbers). */
export interface Room {
  RoomId: string | number;
  RoomName: string;
  DeviceNum?: number | null;
  CreateTime?: number | null;
  UpdateTime?: number | null;
}

export interface AddDeviceOptions {
  /** Hands the token to the device; may resolve to the device's { ProductId, DeviceName }. */
  provision(token: string, context: { signal?: AbortSignal }): Promise<{ ProductId?: string; DeviceName?: string } | void>;
  signal?: AbortSignal;
  /** How long to wait for the device to report in (default 120,000). */
  timeoutMs?: number;
  /** The first poll interval (default 1,000), growing 1.5× to `maxPollIntervalMs` (default 5,000). */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
}

/** The added device, as AppGetDeviceInFamily answers it. */
export interface AddedDevice {
  DeviceId: string;
  ProductId: string;
  DeviceName: string;
  AliasName?: string | null;
  FamilyId?: string | null;
  RoomId?: string | number | null;
  [field: string]: JsonValue | undefined;
}

/** A value's type in a data template; `values` for bool/enum/stringenum, `members` for struct. */
export interface TemplateType {
  type: 'bool' | 'int' | 'float' | 'enum' | 'stringenum' | 'string' | 'timestamp' | 'struct' | 'array';
  min?: number | null;
  max?: number | null;
  step?: number | null;
  start?: number | null;
  unit?: string;
  maxLength?: number | null;
  values?: { value: number | string; label: string }[];
  members?: TemplateValue[];
  /** For `array`: the elements' type (`arrayInfo`), when the template gives it. */
  element?: TemplateType | null;
}

export interface TemplateValue extends TemplateType {
  id: string;
  name: string;
  desc: string;
}

/** A product's data template (物模型), as parseDataTemplate reads AppGetProducts' DataTemplate. */
export interface DataTemplate {
  version: string;
  productId: string | null;
  properties: (TemplateValue & { mode: 'rw' | 'r'; required: boolean })[];
  events: { id: string; name: string; desc: string; type: 'info' | 'alert' | 'fault'; params: TemplateValue[] }[];
  actions: { id: string; name: string; desc: string; input: TemplateValue[]; output: TemplateValue[] }[];
}

/** Reads a data template (JSON text or object); a malformed one is a `Parse` error. */
export declare function parseDataTemplate(template: string | object): DataTemplate;
/** Checks control Data against a template; `InvalidInput` whose `param` is the property. */
export declare function checkControlData(template: DataTemplate | string, data: { readonly [property: string]: JsonValue }): void;

export interface Client extends TypedClientMethods {
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
  /** `RoomId`: `""` (sent when left out) every room, `"0"` the default room. */
  getFamilyDeviceList(params: Page & { FamilyId: string; RoomId?: string }): Promise<{ RequestId?: string | null; DeviceList: FamilyDevice[]; Total: number }>;
  getDeviceStatuses(params: { DeviceIds: readonly string[] }): Promise<{ RequestId?: string | null; DeviceStatuses: DeviceStatus[] }>;
  /** `Data` is the API's JSON text; `DataParsed` the same, parsed. */
  getDeviceData(params: DeviceSelector): Promise<{ RequestId?: string | null; Data: string; DataParsed: Record<string, DeviceProperty> }>;
  /** `Data` may be an object: it is sent as the JSON text the API requires. */
  controlDevice<D extends object>(params: DeviceSelector & { Data: string | (D & Jsonable<D>) }, options?: { template?: DataTemplate | string }): Promise<{ RequestId?: string | null; Data?: string; DataParsed?: Record<string, JsonValue> }>;
  /** `InputParams` may be an object (sent as JSON text); `OutputParams` is also given parsed, when it is an object's JSON. */
  callDeviceActionSync<D extends object>(params: DeviceSelector & { ActionId: string; InputParams?: string | (D & Jsonable<D>) }, options?: { template?: DataTemplate | string }): Promise<AppCallDeviceActionSyncResult & { OutputParamsParsed?: { [key: string]: JsonValue } }>;
  /**
   * `InputParams` may be an object. The answer comes as an `ActionReport` push with the returned
   * `ClientToken`. With `{ template }` (both calls), the action and its inputs are checked against
   * the data template first (`InvalidInput` naming `ActionId` or the input).
   */
  callDeviceActionAsync<D extends object>(params: DeviceSelector & { ActionId: string; InputParams?: string | (D & Jsonable<D>) }, options?: { template?: DataTemplate | string }): Promise<AppCallDeviceActionAsyncResult>;
  /** `Data` (the control sent when the timer fires) may be an object: it is sent as JSON text. */
  createTimer<D extends object>(params: DeviceSelector & TimerFields<D>): Promise<AppCreateTimerResult>;
  /** `Data` may be an object: it is sent as JSON text. */
  modifyTimer<D extends object>(params: DeviceSelector & TimerFields<D> & { TimerId: string }): Promise<AppModifyTimerResult>;
  /** Every family, fetched page by page (`pageSize` default 50). */
  families(options?: { pageSize?: number }): AsyncIterableIterator<Family>;
  /** Every device of a family (or one room), fetched page by page. */
  familyDevices(options: { FamilyId: string; RoomId?: string; pageSize?: number }): AsyncIterableIterator<FamilyDevice>;
  /** Every room of a family, fetched page by page (`AppGetRoomList`; `RoomList` or `Roomlist`). */
  rooms(options?: { FamilyId?: string; pageSize?: number }): AsyncIterableIterator<Room>;
  /** Every member of a family, fetched page by page (`AppGetFamilyMemberList`). */
  familyMembers(options: { FamilyId: string; pageSize?: number }): AsyncIterableIterator<AppGetFamilyMemberListResult['MemberList'][number]>;
  /**
   * Every reported value of one property between `MinTime` and `MaxTime` (ms or Date), oldest
   * first, fetched page by page (`AppGetDeviceDataHistory`, `pageSize` → `Limit`, default 100).
   */
  deviceDataHistory(options: DeviceSelector & { FieldName: string; MinTime: number | Date; MaxTime: number | Date; pageSize?: number }): AsyncIterableIterator<AppGetDeviceDataHistoryResult['Results'][number] & { Value?: JsonValue }>;
  /**
   * Every event between `StartTime` and `EndTime` (UNIX seconds; 0 or left out: the last 24 h /
   * now), fetched page by page (`AppListEventHistory`, `pageSize` → `Size`, default 50).
   */
  eventHistory(options: DeviceSelector & { StartTime?: number; EndTime?: number; Type?: string; EventId?: string; pageSize?: number }): AsyncIterableIterator<AppListEventHistoryResult['EventHistory'][number] & { Type?: string; Data?: string }>;
  /** Every device shared with the user, fetched page by page (`AppListUserShareDevices`). */
  sharedDevices(options?: { pageSize?: number }): AsyncIterableIterator<AppListUserShareDevicesResult['ShareDevices'][number]>;
  /**
   * The user's first family, created (`AppCreateFamily`) if there is none. `FamilyId: 'default'`
   * in any call means this family, as in the official mini-program SDK.
   */
  defaultFamilyId(): Promise<string>;
  /**
   * Adds a device by bind token: `AppCreateDeviceBindToken`, then `provision(token)` (yours:
   * hand the token to the device over Wi-Fi/BLE), then `AppGetDeviceBindTokenState` until the
   * device reports in (backoff from `pollIntervalMs` to `maxPollIntervalMs`, for at most
   * `timeoutMs`), then `AppTokenBindDeviceFamily`. Fails with an IotExplorerError whose `step`
   * names the step; `signal` cancels it (code `Aborted`).
   */
  addDeviceWithToken(target: { FamilyId: string; RoomId?: string }, options: AddDeviceOptions): Promise<AddedDevice>;
  /**
   * Upgrades a device's firmware: `AppCheckFirmwareUpdate` (nothing newer: resolves
   * `{ upgraded: false }`), `AppPublishFirmwareUpdateMessage`, then `AppDescribeFirmwareUpdateStatus`
   * every `pollIntervalMs` (default 2,000), each status to `onProgress`, until done (Status 6).
   * Fails with an IotExplorerError whose `step` is 'check', 'publish' or 'progress': code
   * `FirmwareUpdateFailed` (Status 5), `FirmwareUpdateTimeout` (Status 10, or `timeoutMs`,
   * default 600,000) or `Aborted` (`signal`).
   */
  upgradeFirmware(device: DeviceSelector, options?: UpgradeFirmwareOptions): Promise<FirmwareProgress & { upgraded: boolean; CurrentVersion?: string }>;
}

/** One status of a firmware upgrade (AppDescribeFirmwareUpdateStatus). */
export interface FirmwareProgress {
  /** 1 pending, 2 sent, 3 downloading, 4 burning, 5 failed, 6 done, 7 processing, 8 awaiting the user, 10 timed out, 20 downloaded. */
  Status?: number | null;
  Percent?: number | null;
  OriVersion?: string | null;
  DstVersion?: string | null;
  ErrMsg?: string | null;
}

export interface UpgradeFirmwareOptions {
  onProgress?: (progress: FirmwareProgress) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  pollIntervalMs?: number;
}

/** A timer: `Days` seven characters 0/1 from Sunday, `TimePoint` "HH:mm", `Repeat` 0 (once) or 1. */
export interface TimerFields<D extends object = Record<string, JsonValue>> {
  TimerName: string;
  Days: string;
  TimePoint: string;
  Repeat: 0 | 1;
  Data: string | (D & Jsonable<D>);
}

export declare function createClient(options: ClientOptions): Client;

export interface FetchLike {
  (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: unknown }): Promise<{
    status: number;
    text(): Promise<string>;
    headers?: { get(name: string): string | null };
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
  success(result: { data: unknown; statusCode: number | string; header?: Record<string, string> }): void;
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

/**
 * Loads the wasm module (needed in browsers and mini-programs; a no-op in Node). In a browser it
 * is fetched from next to the module by default; `iot-explorer-app/inline` carries it in its code
 * instead (no file to copy, no second request, about 11 KB more over gzip).
 */
export declare function init(source?: WasmSource | MiniProgramInitOptions): Promise<void>;
export default init;
// <generated by tests/action_types.rs from src/actions/spec.rs: do not edit>
/** A device, as the docs name it or as the official demo does (`"ProductId/DeviceName"`). */
export type DeviceSelector = { ProductId: string; DeviceName: string; DeviceId?: undefined } | { DeviceId: string; ProductId?: undefined; DeviceName?: undefined };
/** The parameters of `AppGetTokenByWeiXin`, as the core checks them. */
export interface AppGetTokenByWeiXinParams {
  WxOpenID: string;
  NickName: string;
  Avatar: string;
}
/** What `AppGetTokenByWeiXin` answers (the fields the core checks; others may be there too). */
export interface AppGetTokenByWeiXinResult {
  RequestId?: string | null;
  Data: {
    Token: string;
    ExpireAt: number;
  };
}
/** The parameters of `AppGetToken`, as the core checks them. */
export interface AppGetTokenParams {
  Type: string;
  Password: string;
}
/** What `AppGetToken` answers (the fields the core checks; others may be there too). */
export interface AppGetTokenResult {
  RequestId?: string | null;
  Data: {
    Token: string;
    ExpireAt: number;
  };
}
/** The parameters of `AppSendVerificationCode`, as the core checks them. */
export interface AppSendVerificationCodeParams {
  Type: string;
  CountryCode: string;
  PhoneNumber: string;
}
/** What `AppSendVerificationCode` answers (the fields the core checks; others may be there too). */
export interface AppSendVerificationCodeResult {
  RequestId?: string | null;
}
/** The parameters of `AppCheckVerificationCode`, as the core checks them. */
export interface AppCheckVerificationCodeParams {
  Type: string;
  CountryCode: string;
  PhoneNumber: string;
  VerificationCode: string;
}
/** What `AppCheckVerificationCode` answers (the fields the core checks; others may be there too). */
export interface AppCheckVerificationCodeResult {
  RequestId?: string | null;
}
/** The parameters of `AppSendEmailVerificationCode`, as the core checks them. */
export interface AppSendEmailVerificationCodeParams {
  Type: string;
  Email: string;
}
/** What `AppSendEmailVerificationCode` answers (the fields the core checks; others may be there too). */
export interface AppSendEmailVerificationCodeResult {
  RequestId?: string | null;
}
/** The parameters of `AppCheckEmailVerificationCode`, as the core checks them. */
export interface AppCheckEmailVerificationCodeParams {
  Type: string;
  Email: string;
  VerificationCode: string;
}
/** What `AppCheckEmailVerificationCode` answers (the fields the core checks; others may be there too). */
export interface AppCheckEmailVerificationCodeResult {
  RequestId?: string | null;
}
/** The parameters of `AppCreateCellphoneUser`, as the core checks them. */
export interface AppCreateCellphoneUserParams {
  CountryCode: string;
  PhoneNumber: string;
  Password: string;
  VerificationCode: string;
}
/** What `AppCreateCellphoneUser` answers (the fields the core checks; others may be there too). */
export interface AppCreateCellphoneUserResult {
  RequestId?: string | null;
  Data: {
    UserID: string;
  };
}
/** The parameters of `AppCreateEmailUser`, as the core checks them. */
export interface AppCreateEmailUserParams {
  Email: string;
  Password: string;
  VerificationCode: string;
}
/** What `AppCreateEmailUser` answers (the fields the core checks; others may be there too). */
export interface AppCreateEmailUserResult {
  RequestId?: string | null;
  Data: {
    UserID: string;
  };
}
/** The parameters of `AppResetPasswordByCellphone`, as the core checks them. */
export interface AppResetPasswordByCellphoneParams {
  CountryCode: string;
  PhoneNumber: string;
  Password: string;
  VerificationCode: string;
}
/** What `AppResetPasswordByCellphone` answers (the fields the core checks; others may be there too). */
export interface AppResetPasswordByCellphoneResult {
  RequestId?: string | null;
}
/** The parameters of `AppResetPasswordByEmail`, as the core checks them. */
export interface AppResetPasswordByEmailParams {
  Email: string;
  Password: string;
  VerificationCode: string;
}
/** What `AppResetPasswordByEmail` answers (the fields the core checks; others may be there too). */
export interface AppResetPasswordByEmailResult {
  RequestId?: string | null;
}
/** The parameters of `AppGetUser`, as the core checks them. */
export interface AppGetUserParams {
}
/** What `AppGetUser` answers (the fields the core checks; others may be there too). */
export interface AppGetUserResult {
  RequestId?: string | null;
  Data: {
    UserID: string;
    NickName?: string | null;
    Avatar?: string | null;
    PhoneNumber?: string | null;
    CountryCode?: string | null;
    Email?: string | null;
  };
}
/** The parameters of `AppUpdateUser`, as the core checks them. */
export interface AppUpdateUserParams {
  NickName?: string;
  Avatar?: string;
}
/** What `AppUpdateUser` answers (the fields the core checks; others may be there too). */
export interface AppUpdateUserResult {
  RequestId?: string | null;
}
/** The parameters of `AppLogoutUser`, as the core checks them. */
export interface AppLogoutUserParams {
}
/** What `AppLogoutUser` answers (the fields the core checks; others may be there too). */
export interface AppLogoutUserResult {
  RequestId?: string | null;
}
/** The parameters of `AppGetFamilyList`, as the core checks them. */
export interface AppGetFamilyListParams {
  Offset?: number;
  Limit?: number;
}
/** What `AppGetFamilyList` answers (the fields the core checks; others may be there too). */
export interface AppGetFamilyListResult {
  RequestId?: string | null;
  FamilyList: Array<{
    FamilyId: string;
    Name: string;
    Role?: number | null;
  }>;
  Total: number;
}
/** The parameters of `AppCreateFamily`, as the core checks them. */
export interface AppCreateFamilyParams {
  Name: string;
  Address?: string;
}
/** What `AppCreateFamily` answers (the fields the core checks; others may be there too). */
export interface AppCreateFamilyResult {
  RequestId?: string | null;
  Data: {
    FamilyId: string;
  };
}
/** The parameters of `AppGetFamilyDeviceList`, as the core checks them. */
export interface AppGetFamilyDeviceListParams {
  FamilyId: string;
  RoomId?: string;
  Offset?: number;
  Limit?: number;
}
/** What `AppGetFamilyDeviceList` answers (the fields the core checks; others may be there too). */
export interface AppGetFamilyDeviceListResult {
  RequestId?: string | null;
  DeviceList: Array<{
    ProductId: string;
    DeviceName: string;
  }>;
  Total: number;
}
/** The parameters of `AppGetDeviceStatuses`, as the core checks them. */
export interface AppGetDeviceStatusesParams {
  DeviceIds: readonly string[];
}
/** What `AppGetDeviceStatuses` answers (the fields the core checks; others may be there too). */
export interface AppGetDeviceStatusesResult {
  RequestId?: string | null;
  DeviceStatuses: Array<{
    DeviceId: string;
    Online: number;
  }>;
}
/** The parameters of `AppGetDeviceData`, as the core checks them. */
export type AppGetDeviceDataParams = DeviceSelector & {
};
/** What `AppGetDeviceData` answers (the fields the core checks; others may be there too). */
export interface AppGetDeviceDataResult {
  RequestId?: string | null;
  Data: string;
}
/** The parameters of `AppControlDeviceData`, as the core checks them. */
export type AppControlDeviceDataParams = DeviceSelector & {
  Data: string;
};
/** What `AppControlDeviceData` answers (the fields the core checks; others may be there too). */
export interface AppControlDeviceDataResult {
  RequestId?: string | null;
  Data?: string | null;
}
/** The parameters of `AppCreateRoom`, as the core checks them. */
export interface AppCreateRoomParams {
  FamilyId: string;
  Name: string;
}
/** What `AppCreateRoom` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Data.RoomId` or `RoomId`. */
export interface AppCreateRoomResult {
  RequestId?: string | null;
  Data: {
    RoomId?: string | number | null;
  };
  RoomId?: string | number | null;
}
/** The parameters of `AppModifyRoom`, as the core checks them. */
export interface AppModifyRoomParams {
  FamilyId: string;
  RoomId: string;
  Name?: string;
}
/** What `AppModifyRoom` answers (the fields the core checks; others may be there too). */
export interface AppModifyRoomResult {
  RequestId?: string | null;
}
/** The parameters of `AppDeleteRoom`, as the core checks them. */
export interface AppDeleteRoomParams {
  FamilyId: string;
  RoomId: string;
}
/** What `AppDeleteRoom` answers (the fields the core checks; others may be there too). */
export interface AppDeleteRoomResult {
  RequestId?: string | null;
}
/** The parameters of `AppGetRoomList`, as the core checks them. */
export interface AppGetRoomListParams {
  FamilyId?: string;
  Offset?: number;
  Limit?: number;
}
/** What `AppGetRoomList` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `RoomList` or `Roomlist`; `RoomList[].RoomId` or `Roomlist[].RoomId`; `RoomList[].RoomName` or `Roomlist[].RoomName`; `RoomList[].DeviceNum` or `Roomlist[].DeviceNum`. */
export interface AppGetRoomListResult {
  RequestId?: string | null;
  RoomList?: Array<{
    RoomId?: string | number | null;
    RoomName?: string | null;
    DeviceNum?: number | null;
  }> | null;
  Roomlist?: Array<{
    RoomId?: string | number | null;
    RoomName?: string | null;
    DeviceNum?: number | null;
  }> | null;
  Total: number;
}
/** The parameters of `AppGetDeviceInFamily`, as the core checks them. */
export type AppGetDeviceInFamilyParams = DeviceSelector & {
  FamilyId: string;
};
/** What `AppGetDeviceInFamily` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Data.ProductId` or `ProductId`; `Data.DeviceName` or `DeviceName`; `Data.AliasName` or `AliasName`; `Data.RoomId` or `RoomId`. */
export interface AppGetDeviceInFamilyResult {
  RequestId?: string | null;
  Data: {
    ProductId?: string | null;
    DeviceName?: string | null;
    AliasName?: string | null;
    RoomId?: string | number | null;
  };
  ProductId?: string | null;
  DeviceName?: string | null;
  AliasName?: string | null;
  RoomId?: string | number | null;
}
/** The parameters of `AppUpdateDeviceInFamily`, as the core checks them. */
export type AppUpdateDeviceInFamilyParams = DeviceSelector & {
  AliasName: string;
};
/** What `AppUpdateDeviceInFamily` answers (the fields the core checks; others may be there too). */
export interface AppUpdateDeviceInFamilyResult {
  RequestId?: string | null;
}
/** The parameters of `AppDeleteDeviceInFamily`, as the core checks them. */
export type AppDeleteDeviceInFamilyParams = DeviceSelector & {
  FamilyId: string;
  RoomId?: string;
};
/** What `AppDeleteDeviceInFamily` answers (the fields the core checks; others may be there too). */
export interface AppDeleteDeviceInFamilyResult {
  RequestId?: string | null;
}
/** The parameters of `AppModifyFamilyDeviceRoom`, as the core checks them. */
export type AppModifyFamilyDeviceRoomParams = DeviceSelector & {
  FamilyId: string;
  RoomId: string;
};
/** What `AppModifyFamilyDeviceRoom` answers (the fields the core checks; others may be there too). */
export interface AppModifyFamilyDeviceRoomResult {
  RequestId?: string | null;
}
/** The parameters of `AppSetUserDeviceConfig`, as the core checks them. */
export interface AppSetUserDeviceConfigParams {
  DeviceId: string;
  DeviceKey: string;
  DeviceValue: string;
}
/** What `AppSetUserDeviceConfig` answers (the fields the core checks; others may be there too). */
export interface AppSetUserDeviceConfigResult {
  RequestId?: string | null;
}
/** The parameters of `AppCreateDeviceBindToken`, as the core checks them. */
export interface AppCreateDeviceBindTokenParams {
  TokenLengthType?: string;
}
/** What `AppCreateDeviceBindToken` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Token` or `Data.Token`. */
export interface AppCreateDeviceBindTokenResult {
  RequestId?: string | null;
  Token?: string | null;
  Data: {
    Token?: string | null;
  };
}
/** The parameters of `AppGetDeviceBindTokenState`, as the core checks them. */
export interface AppGetDeviceBindTokenStateParams {
  Token: string;
}
/** What `AppGetDeviceBindTokenState` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `State` or `Data.State`; `ProductId` or `Data.ProductId`; `DeviceName` or `Data.DeviceName`. */
export interface AppGetDeviceBindTokenStateResult {
  RequestId?: string | null;
  State?: number | null;
  Data: {
    State?: number | null;
    ProductId?: string | null;
    DeviceName?: string | null;
  };
  ProductId?: string | null;
  DeviceName?: string | null;
}
/** The parameters of `AppTokenBindDeviceFamily`, as the core checks them. */
export type AppTokenBindDeviceFamilyParams = DeviceSelector & {
  Token: string;
  FamilyId: string;
  RoomId?: string;
};
/** What `AppTokenBindDeviceFamily` answers (the fields the core checks; others may be there too). */
export interface AppTokenBindDeviceFamilyResult {
  RequestId?: string | null;
}
/** The parameters of `AppSigBindDeviceInFamily`, as the core checks them. */
export type AppSigBindDeviceInFamilyParams = DeviceSelector & {
  FamilyId: string;
  RoomId?: string;
  DeviceTimestamp: number;
  ConnId?: string;
  Signature: string;
  BindType?: string;
  SignMethod?: string;
};
/** What `AppSigBindDeviceInFamily` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Data.AppDeviceInfo` or `AppDeviceInfo`. */
export interface AppSigBindDeviceInFamilyResult {
  RequestId?: string | null;
  Data: {
    AppDeviceInfo?: { [key: string]: JsonValue } | null;
  };
  AppDeviceInfo?: { [key: string]: JsonValue } | null;
}
/** The parameters of `AppSecureAddDeviceInFamily`, as the core checks them. */
export interface AppSecureAddDeviceInFamilyParams {
  FamilyId: string;
  RoomId?: string;
  DeviceSignature: string;
}
/** What `AppSecureAddDeviceInFamily` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Data.AppDeviceInfo` or `AppDeviceInfo`. */
export interface AppSecureAddDeviceInFamilyResult {
  RequestId?: string | null;
  Data: {
    AppDeviceInfo?: { [key: string]: JsonValue } | null;
  };
  AppDeviceInfo?: { [key: string]: JsonValue } | null;
}
/** The parameters of `AppGetProducts`, as the core checks them. */
export interface AppGetProductsParams {
  ProductIds: readonly string[];
  DeviceIds?: readonly string[];
}
/** What `AppGetProducts` answers (the fields the core checks; others may be there too). */
export interface AppGetProductsResult {
  RequestId?: string | null;
  Products: Array<{
    ProductId: string;
    Name?: string | null;
    DataTemplate?: string | null;
  }>;
}
/** The parameters of `AppGetProductsConfig`, as the core checks them. */
export interface AppGetProductsConfigParams {
  ProductIds: readonly string[];
}
/** What `AppGetProductsConfig` answers (the fields the core checks; others may be there too). */
export interface AppGetProductsConfigResult {
  RequestId?: string | null;
  Data: Array<{
    ProductId: string;
    Config?: string | null;
  }>;
}
/** The parameters of `AppDescribeFamily`, as the core checks them. */
export interface AppDescribeFamilyParams {
  FamilyId: string;
}
/** What `AppDescribeFamily` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Data.FamilyId` or `FamilyId`; `Data.FamilyName` or `FamilyName`; `Data.Address` or `Address`. */
export interface AppDescribeFamilyResult {
  RequestId?: string | null;
  Data: {
    FamilyId?: string | null;
    FamilyName?: string | null;
    Address?: string | null;
  };
  FamilyId?: string | null;
  FamilyName?: string | null;
  Address?: string | null;
}
/** The parameters of `AppModifyFamily`, as the core checks them. */
export interface AppModifyFamilyParams {
  FamilyId: string;
  Name: string;
  Address?: string;
}
/** What `AppModifyFamily` answers (the fields the core checks; others may be there too). */
export interface AppModifyFamilyResult {
  RequestId?: string | null;
}
/** The parameters of `AppDeleteFamily`, as the core checks them. */
export interface AppDeleteFamilyParams {
  FamilyId: string;
  Name?: string;
}
/** What `AppDeleteFamily` answers (the fields the core checks; others may be there too). */
export interface AppDeleteFamilyResult {
  RequestId?: string | null;
}
/** The parameters of `AppInviteMember`, as the core checks them. */
export interface AppInviteMemberParams {
  FamilyId: string;
}
/** What `AppInviteMember` answers (the fields the core checks; others may be there too). */
export interface AppInviteMemberResult {
  RequestId?: string | null;
  ShareToken: string;
}
/** The parameters of `AppJoinFamily`, as the core checks them. */
export interface AppJoinFamilyParams {
  ShareToken: string;
}
/** What `AppJoinFamily` answers (the fields the core checks; others may be there too). */
export interface AppJoinFamilyResult {
  RequestId?: string | null;
}
/** The parameters of `AppExitFamily`, as the core checks them. */
export interface AppExitFamilyParams {
  FamilyId: string;
}
/** What `AppExitFamily` answers (the fields the core checks; others may be there too). */
export interface AppExitFamilyResult {
  RequestId?: string | null;
}
/** The parameters of `AppDeleteFamilyMember`, as the core checks them. */
export type AppDeleteFamilyMemberParams = ({ MemberId: string; MemberID?: undefined } | { MemberID: string; MemberId?: undefined }) & {
  FamilyId?: string;
};
/** What `AppDeleteFamilyMember` answers (the fields the core checks; others may be there too). */
export interface AppDeleteFamilyMemberResult {
  RequestId?: string | null;
}
/** The parameters of `AppGetFamilyMemberList`, as the core checks them. */
export interface AppGetFamilyMemberListParams {
  FamilyId: string;
  Offset?: number;
  Limit?: number;
}
/** What `AppGetFamilyMemberList` answers (the fields the core checks; others may be there too). */
export interface AppGetFamilyMemberListResult {
  RequestId?: string | null;
  MemberList: Array<{
    UserID: string;
    NickName?: string | null;
    Avatar?: string | null;
    Role?: number | null;
  }>;
  Total: number;
}
/** The parameters of `AppSendShareFamilyInvite`, as the core checks them. */
export interface AppSendShareFamilyInviteParams {
  FamilyId: string;
  ToUserID: string;
}
/** What `AppSendShareFamilyInvite` answers (the fields the core checks; others may be there too). */
export interface AppSendShareFamilyInviteResult {
  RequestId?: string | null;
}
/** The parameters of `AppCreateShareDeviceToken`, as the core checks them. */
export type AppCreateShareDeviceTokenParams = DeviceSelector & {
  FamilyId: string;
  TokenContext?: string;
};
/** What `AppCreateShareDeviceToken` answers (the fields the core checks; others may be there too). */
export interface AppCreateShareDeviceTokenResult {
  RequestId?: string | null;
  ShareDeviceToken: string;
}
/** The parameters of `AppDescribeShareDeviceToken`, as the core checks them. */
export interface AppDescribeShareDeviceTokenParams {
  ShareDeviceToken: string;
}
/** What `AppDescribeShareDeviceToken` answers (the fields the core checks; others may be there too). */
export interface AppDescribeShareDeviceTokenResult {
  RequestId?: string | null;
  ShareDeviceTokenInfo: {
    ProductId: string;
    DeviceName: string;
    FromUserId?: string | number | null;
    UserId?: string | null;
    ExpireTime?: number | null;
  };
}
/** The parameters of `AppBindUserShareDevice`, as the core checks them. */
export type AppBindUserShareDeviceParams = DeviceSelector & {
  ShareDeviceToken: string;
};
/** What `AppBindUserShareDevice` answers (the fields the core checks; others may be there too). */
export interface AppBindUserShareDeviceResult {
  RequestId?: string | null;
  Status?: string | null;
}
/** The parameters of `AppListUserShareDevices`, as the core checks them. */
export interface AppListUserShareDevicesParams {
  Offset?: number;
  Limit?: number;
}
/** What `AppListUserShareDevices` answers (the fields the core checks; others may be there too). */
export interface AppListUserShareDevicesResult {
  RequestId?: string | null;
  ShareDevices: Array<{
    ProductId: string;
    DeviceName: string;
  }>;
  Total: number;
}
/** The parameters of `AppRemoveUserShareDevice`, as the core checks them. */
export type AppRemoveUserShareDeviceParams = DeviceSelector & {
};
/** What `AppRemoveUserShareDevice` answers (the fields the core checks; others may be there too). */
export interface AppRemoveUserShareDeviceResult {
  RequestId?: string | null;
  Status?: string | null;
}
/** The parameters of `AppListShareDeviceUsers`, as the core checks them. */
export type AppListShareDeviceUsersParams = DeviceSelector & {
  Offset?: number;
  Limit?: number;
};
/** What `AppListShareDeviceUsers` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Users[].UserID` or `Users[].UserId`. */
export interface AppListShareDeviceUsersResult {
  RequestId?: string | null;
  Users: Array<{
    UserID?: string | number | null;
    UserId?: string | number | null;
    NickName?: string | null;
    BindTime?: number | null;
  }>;
  Total?: number | null;
}
/** The parameters of `AppRemoveShareDeviceUser`, as the core checks them. */
export type AppRemoveShareDeviceUserParams = ({ RemoveUserId: string; RemoveUserID?: undefined } | { RemoveUserID: string; RemoveUserId?: undefined }) & DeviceSelector & {
};
/** What `AppRemoveShareDeviceUser` answers (the fields the core checks; others may be there too). */
export interface AppRemoveShareDeviceUserResult {
  RequestId?: string | null;
  Status?: string | null;
}
/** The parameters of `AppSendShareDeviceInvite`, as the core checks them. */
export type AppSendShareDeviceInviteParams = DeviceSelector & {
  ToUserID: string;
};
/** What `AppSendShareDeviceInvite` answers (the fields the core checks; others may be there too). */
export interface AppSendShareDeviceInviteResult {
  RequestId?: string | null;
  Status?: string | null;
}
/** The parameters of `AppCreateTimer`, as the core checks them. */
export type AppCreateTimerParams = DeviceSelector & {
  TimerName: string;
  Days: string;
  TimePoint: string;
  Repeat: 0 | 1;
  Data: string;
};
/** What `AppCreateTimer` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `Data.TimerId` or `TimerId`; `Data.TimerName` or `TimerName`. */
export interface AppCreateTimerResult {
  RequestId?: string | null;
  Data: {
    TimerId?: string | null;
    TimerName?: string | null;
  };
  TimerId?: string | null;
  TimerName?: string | null;
}
/** The parameters of `AppModifyTimer`, as the core checks them. */
export type AppModifyTimerParams = DeviceSelector & {
  TimerId: string;
  TimerName: string;
  Days: string;
  TimePoint: string;
  Repeat: 0 | 1;
  Data: string;
};
/** What `AppModifyTimer` answers (the fields the core checks; others may be there too). */
export interface AppModifyTimerResult {
  RequestId?: string | null;
}
/** The parameters of `AppModifyTimerStatus`, as the core checks them. */
export type AppModifyTimerStatusParams = DeviceSelector & {
  TimerId: string;
  Status?: 0 | 1;
};
/** What `AppModifyTimerStatus` answers (the fields the core checks; others may be there too). */
export interface AppModifyTimerStatusResult {
  RequestId?: string | null;
}
/** The parameters of `AppDeleteTimer`, as the core checks them. */
export type AppDeleteTimerParams = DeviceSelector & {
  TimerId: string;
};
/** What `AppDeleteTimer` answers (the fields the core checks; others may be there too). */
export interface AppDeleteTimerResult {
  RequestId?: string | null;
}
/** The parameters of `AppGetTimerList`, as the core checks them. */
export type AppGetTimerListParams = DeviceSelector & {
  Offset?: number;
  Limit?: number;
};
/** What `AppGetTimerList` answers (the fields the core checks; others may be there too). */
export interface AppGetTimerListResult {
  RequestId?: string | null;
  TimerList: Array<{
    TimerId: string;
    TimerName?: string | null;
    Days: string;
    TimePoint: string;
    Repeat?: 0 | 1 | null;
    Data?: string | null;
    Status?: 0 | 1 | null;
  }>;
  Total: number;
}
/** The parameters of `AppGetDeviceDataHistory`, as the core checks them. */
export type AppGetDeviceDataHistoryParams = DeviceSelector & {
  FieldName: string;
  MinTime: number;
  MaxTime: number;
  Limit: number;
  Context?: string;
};
/** What `AppGetDeviceDataHistory` answers (the fields the core checks; others may be there too). */
export interface AppGetDeviceDataHistoryResult {
  RequestId?: string | null;
  Results: Array<{
    Time: string | number;
  }>;
  Context?: string | null;
  FieldName?: string | null;
}
/** The parameters of `AppListEventHistory`, as the core checks them. */
export type AppListEventHistoryParams = DeviceSelector & {
  Type?: string;
  StartTime?: number;
  EndTime?: number;
  Context?: string;
  Size?: number;
  EventId?: string;
};
/** What `AppListEventHistory` answers (the fields the core checks; others may be there too). */
export interface AppListEventHistoryResult {
  RequestId?: string | null;
  EventHistory: Array<{
    TimeStamp?: number | null;
    EventId?: string | null;
  }>;
  Context?: string | null;
  Total?: number | null;
}
/** The parameters of `AppCallDeviceActionSync`, as the core checks them. */
export type AppCallDeviceActionSyncParams = DeviceSelector & {
  ActionId: string;
  InputParams?: string;
};
/** What `AppCallDeviceActionSync` answers (the fields the core checks; others may be there too). Sources disagree on where some fields are, so each shape seen is accepted: `OutputParams` or `OutputParqams`. */
export interface AppCallDeviceActionSyncResult {
  RequestId?: string | null;
  ClientToken?: string | null;
  Status?: string | null;
  OutputParams?: string | null;
  OutputParqams?: string | null;
}
/** The parameters of `AppCallDeviceActionAsync`, as the core checks them. */
export type AppCallDeviceActionAsyncParams = DeviceSelector & {
  ActionId: string;
  InputParams?: string;
};
/** What `AppCallDeviceActionAsync` answers (the fields the core checks; others may be there too). */
export interface AppCallDeviceActionAsyncResult {
  RequestId?: string | null;
  ClientToken: string;
  Status?: string | null;
}
/** The parameters of `AppCheckFirmwareUpdate`, as the core checks them. */
export type AppCheckFirmwareUpdateParams = DeviceSelector & {
};
/** What `AppCheckFirmwareUpdate` answers (the fields the core checks; others may be there too). */
export interface AppCheckFirmwareUpdateResult {
  RequestId?: string | null;
  CurrentVersion: string;
  DstVersion?: string | null;
}
/** The parameters of `AppPublishFirmwareUpdateMessage`, as the core checks them. */
export type AppPublishFirmwareUpdateMessageParams = DeviceSelector & {
};
/** What `AppPublishFirmwareUpdateMessage` answers (the fields the core checks; others may be there too). */
export interface AppPublishFirmwareUpdateMessageResult {
  RequestId?: string | null;
}
/** The parameters of `AppDescribeFirmwareUpdateStatus`, as the core checks them. */
export type AppDescribeFirmwareUpdateStatusParams = DeviceSelector & {
};
/** What `AppDescribeFirmwareUpdateStatus` answers (the fields the core checks; others may be there too). */
export interface AppDescribeFirmwareUpdateStatusResult {
  RequestId?: string | null;
  Status?: number | null;
  Percent?: number | null;
  OriVersion?: string | null;
  DstVersion?: string | null;
  ErrMsg?: string | null;
}
/** The typed methods generated from the action definitions; each sends the action it names. */
export interface TypedClientMethods {
  /** Sends `AppGetUser` (https://cloud.tencent.com/document/product/1081/67448): the logged-in user. */
  getUser(params?: AppGetUserParams): Promise<AppGetUserResult>;
  /** Sends `AppUpdateUser` (https://cloud.tencent.com/document/product/1081/40773): changes the user's nickname or avatar. */
  updateUser(params?: AppUpdateUserParams): Promise<AppUpdateUserResult>;
  /** Sends `AppGetFamilyList` (https://cloud.tencent.com/document/product/1081/40811): one page of the user's families. */
  getFamilyList(params?: AppGetFamilyListParams): Promise<AppGetFamilyListResult>;
  /** Sends `AppCreateFamily` (https://cloud.tencent.com/document/product/1081/40773): creates a family. */
  createFamily(params: AppCreateFamilyParams): Promise<AppCreateFamilyResult>;
  /** Sends `AppGetFamilyDeviceList` (https://cloud.tencent.com/document/product/1081/40803): one page of a family's devices (RoomId "" sent when left out: every room). */
  getFamilyDeviceList(params: AppGetFamilyDeviceListParams): Promise<AppGetFamilyDeviceListResult>;
  /** Sends `AppGetDeviceStatuses` (https://cloud.tencent.com/document/product/1081/40804): online states of devices. */
  getDeviceStatuses(params: AppGetDeviceStatusesParams): Promise<AppGetDeviceStatusesResult>;
  /** Sends `AppGetDeviceData` (https://cloud.tencent.com/document/product/1081/48492): a device's property values. */
  getDeviceData(params: AppGetDeviceDataParams): Promise<AppGetDeviceDataResult>;
  /** Sends `AppControlDeviceData` (https://cloud.tencent.com/document/product/1081/40805): sends property values to a device. */
  controlDevice(params: AppControlDeviceDataParams): Promise<AppControlDeviceDataResult>;
  /** Sends `AppCreateRoom` (https://cloud.tencent.com/document/product/1081/40813): creates a room in a family. */
  createRoom(params: AppCreateRoomParams): Promise<AppCreateRoomResult>;
  /** Sends `AppModifyRoom` (https://cloud.tencent.com/document/product/1081/40814): renames a room. */
  modifyRoom(params: AppModifyRoomParams): Promise<AppModifyRoomResult>;
  /** Sends `AppDeleteRoom` (https://cloud.tencent.com/document/product/1081/40815): deletes a room. */
  deleteRoom(params: AppDeleteRoomParams): Promise<AppDeleteRoomResult>;
  /** Sends `AppGetRoomList` (https://cloud.tencent.com/document/product/1081/40816): one page of a family's rooms. */
  getRoomList(params?: AppGetRoomListParams): Promise<AppGetRoomListResult>;
  /** Sends `AppGetDeviceInFamily` (https://cloud.tencent.com/document/product/1081/40807): one device of a family. */
  getDeviceInFamily(params: AppGetDeviceInFamilyParams): Promise<AppGetDeviceInFamilyResult>;
  /** Sends `AppUpdateDeviceInFamily` (https://cloud.tencent.com/document/product/1081/40806): sets a device's alias. */
  updateDeviceInFamily(params: AppUpdateDeviceInFamilyParams): Promise<AppUpdateDeviceInFamilyResult>;
  /** Sends `AppDeleteDeviceInFamily` (https://cloud.tencent.com/document/product/1081/40802): removes a device from a family. */
  deleteDeviceInFamily(params: AppDeleteDeviceInFamilyParams): Promise<AppDeleteDeviceInFamilyResult>;
  /** Sends `AppModifyFamilyDeviceRoom` (https://cloud.tencent.com/document/product/1081/43201): moves a device to another room. */
  modifyFamilyDeviceRoom(params: AppModifyFamilyDeviceRoomParams): Promise<AppModifyFamilyDeviceRoomResult>;
  /** Sends `AppSetUserDeviceConfig` (https://cloud.tencent.com/document/product/1131/83099): stores a per-user device setting (no doc page; as the official demo sends it). */
  setUserDeviceConfig(params: AppSetUserDeviceConfigParams): Promise<AppSetUserDeviceConfigResult>;
  /** Sends `AppCreateDeviceBindToken` (https://cloud.tencent.com/document/product/1081/44044): a token for provisioning a device. */
  createDeviceBindToken(params?: AppCreateDeviceBindTokenParams): Promise<AppCreateDeviceBindTokenResult>;
  /** Sends `AppGetDeviceBindTokenState` (https://cloud.tencent.com/document/product/1081/44045): whether the device reported the token in (State 2). */
  getDeviceBindTokenState(params: AppGetDeviceBindTokenStateParams): Promise<AppGetDeviceBindTokenStateResult>;
  /** Sends `AppTokenBindDeviceFamily` (https://cloud.tencent.com/document/product/1081/44046): binds the device that reported the token to a family. */
  tokenBindDeviceFamily(params: AppTokenBindDeviceFamilyParams): Promise<AppTokenBindDeviceFamilyResult>;
  /** Sends `AppSigBindDeviceInFamily` (https://cloud.tencent.com/document/product/1081/50205): binds a device by its own signature. */
  sigBindDeviceInFamily(params: AppSigBindDeviceInFamilyParams): Promise<AppSigBindDeviceInFamilyResult>;
  /** Sends `AppSecureAddDeviceInFamily` (https://cloud.tencent.com/document/product/1131/83099): binds a device by the signature of its QR code (no doc page; as the official apps send it). */
  secureAddDeviceInFamily(params: AppSecureAddDeviceInFamilyParams): Promise<AppSecureAddDeviceInFamilyResult>;
  /** Sends `AppGetProducts` (https://cloud.tencent.com/document/product/1081/48764): products with their data templates. */
  getProducts(params: AppGetProductsParams): Promise<AppGetProductsResult>;
  /** Sends `AppGetProductsConfig` (https://cloud.tencent.com/document/product/1131/83099): products' panel configurations (no doc page; as the official apps read it). */
  getProductsConfig(params: AppGetProductsConfigParams): Promise<AppGetProductsConfigResult>;
  /** Sends `AppDescribeFamily` (https://cloud.tencent.com/document/product/1081/40812): a family's name and address. */
  describeFamily(params: AppDescribeFamilyParams): Promise<AppDescribeFamilyResult>;
  /** Sends `AppModifyFamily` (https://cloud.tencent.com/document/product/1081/40810): renames a family or changes its address. */
  modifyFamily(params: AppModifyFamilyParams): Promise<AppModifyFamilyResult>;
  /** Sends `AppDeleteFamily` (https://cloud.tencent.com/document/product/1131/83099): deletes a family (its admin only; no doc page; as the official apps send it). */
  deleteFamily(params: AppDeleteFamilyParams): Promise<AppDeleteFamilyResult>;
  /** Sends `AppInviteMember` (https://cloud.tencent.com/document/product/1081/40817): a ShareToken another user joins the family with. */
  inviteMember(params: AppInviteMemberParams): Promise<AppInviteMemberResult>;
  /** Sends `AppJoinFamily` (https://cloud.tencent.com/document/product/1081/40818): joins a family by the ShareToken its admin made. */
  joinFamily(params: AppJoinFamilyParams): Promise<AppJoinFamilyResult>;
  /** Sends `AppExitFamily` (https://cloud.tencent.com/document/product/1081/40820): leaves a family. */
  exitFamily(params: AppExitFamilyParams): Promise<AppExitFamilyResult>;
  /** Sends `AppDeleteFamilyMember` (https://cloud.tencent.com/document/product/1081/40819): removes a member (the family's admin only; MemberId or MemberID). */
  deleteFamilyMember(params: AppDeleteFamilyMemberParams): Promise<AppDeleteFamilyMemberResult>;
  /** Sends `AppGetFamilyMemberList` (https://cloud.tencent.com/document/product/1081/40821): one page of a family's members. */
  getFamilyMemberList(params: AppGetFamilyMemberListParams): Promise<AppGetFamilyMemberListResult>;
  /** Sends `AppSendShareFamilyInvite` (https://cloud.tencent.com/document/product/1081/43157): invites a user, by UserID, to a family. */
  sendShareFamilyInvite(params: AppSendShareFamilyInviteParams): Promise<AppSendShareFamilyInviteResult>;
  /** Sends `AppCreateShareDeviceToken` (https://cloud.tencent.com/document/product/1081/48183): a ShareDeviceToken another user binds the device with. */
  createShareDeviceToken(params: AppCreateShareDeviceTokenParams): Promise<AppCreateShareDeviceTokenResult>;
  /** Sends `AppDescribeShareDeviceToken` (https://cloud.tencent.com/document/product/1081/48187): what a ShareDeviceToken shares, from whom, and whether it was used. */
  describeShareDeviceToken(params: AppDescribeShareDeviceTokenParams): Promise<AppDescribeShareDeviceTokenResult>;
  /** Sends `AppBindUserShareDevice` (https://cloud.tencent.com/document/product/1081/48188): takes a device shared by its ShareDeviceToken. */
  bindUserShareDevice(params: AppBindUserShareDeviceParams): Promise<AppBindUserShareDeviceResult>;
  /** Sends `AppListUserShareDevices` (https://cloud.tencent.com/document/product/1081/48189): one page of the devices shared with the user. */
  listUserShareDevices(params?: AppListUserShareDevicesParams): Promise<AppListUserShareDevicesResult>;
  /** Sends `AppRemoveUserShareDevice` (https://cloud.tencent.com/document/product/1081/48190): gives back a device shared with the user. */
  removeUserShareDevice(params: AppRemoveUserShareDeviceParams): Promise<AppRemoveUserShareDeviceResult>;
  /** Sends `AppListShareDeviceUsers` (https://cloud.tencent.com/document/product/1081/43200): one page of the users a device is shared with (no retrievable table; as the official apps read it). */
  listShareDeviceUsers(params: AppListShareDeviceUsersParams): Promise<AppListShareDeviceUsersResult>;
  /** Sends `AppRemoveShareDeviceUser` (https://cloud.tencent.com/document/product/1081/48192): stops sharing a device with a user (RemoveUserId or RemoveUserID). */
  removeShareDeviceUser(params: AppRemoveShareDeviceUserParams): Promise<AppRemoveShareDeviceUserResult>;
  /** Sends `AppSendShareDeviceInvite` (https://cloud.tencent.com/document/product/1081/43156): offers a device to a user, by UserID. */
  sendShareDeviceInvite(params: AppSendShareDeviceInviteParams): Promise<AppSendShareDeviceInviteResult>;
  /** Sends `AppCreateTimer` (https://cloud.tencent.com/document/product/1081/40796): schedules a control of a device (Data may be an object: sent as its JSON text). */
  createTimer(params: AppCreateTimerParams): Promise<AppCreateTimerResult>;
  /** Sends `AppModifyTimer` (https://cloud.tencent.com/document/product/1081/40797): changes a timer (Data may be an object: sent as its JSON text). */
  modifyTimer(params: AppModifyTimerParams): Promise<AppModifyTimerResult>;
  /** Sends `AppModifyTimerStatus` (https://cloud.tencent.com/document/product/1081/40799): turns a timer on (1) or off (0). */
  modifyTimerStatus(params: AppModifyTimerStatusParams): Promise<AppModifyTimerStatusResult>;
  /** Sends `AppDeleteTimer` (https://cloud.tencent.com/document/product/1081/40798): deletes a timer. */
  deleteTimer(params: AppDeleteTimerParams): Promise<AppDeleteTimerResult>;
  /** Sends `AppGetTimerList` (https://cloud.tencent.com/document/product/1081/40800): one page of a device's timers. */
  getTimerList(params: AppGetTimerListParams): Promise<AppGetTimerListResult>;
  /** Sends `AppGetDeviceDataHistory` (https://cloud.tencent.com/document/product/1081/43119): one page of a property's reported values between MinTime and MaxTime (ms). */
  getDeviceDataHistory(params: AppGetDeviceDataHistoryParams): Promise<AppGetDeviceDataHistoryResult>;
  /** Sends `AppListEventHistory` (https://cloud.tencent.com/document/product/1081/60783): one page of a device's events between StartTime and EndTime (s). */
  listEventHistory(params: AppListEventHistoryParams): Promise<AppListEventHistoryResult>;
  /** Sends `AppCallDeviceActionSync` (https://cloud.tencent.com/document/product/1081/61347): calls a device action and waits for its output (InputParams may be an object; OutputParams also parsed as OutputParamsParsed). */
  callDeviceActionSync(params: AppCallDeviceActionSyncParams): Promise<AppCallDeviceActionSyncResult>;
  /** Sends `AppCheckFirmwareUpdate` (https://cloud.tencent.com/document/product/876/47129): the device's firmware version and the version it can upgrade to. */
  checkFirmwareUpdate(params: AppCheckFirmwareUpdateParams): Promise<AppCheckFirmwareUpdateResult>;
  /** Sends `AppPublishFirmwareUpdateMessage` (https://cloud.tencent.com/document/product/1081/47131): tells the device to upgrade (the user confirmed). */
  publishFirmwareUpdateMessage(params: AppPublishFirmwareUpdateMessageParams): Promise<AppPublishFirmwareUpdateMessageResult>;
  /** Sends `AppDescribeFirmwareUpdateStatus` (https://cloud.tencent.com/document/product/1081/47128): the upgrade's status and percent. */
  describeFirmwareUpdateStatus(params: AppDescribeFirmwareUpdateStatusParams): Promise<AppDescribeFirmwareUpdateStatusResult>;
  /** Sends `AppCallDeviceActionAsync` (https://cloud.tencent.com/document/product/1081/61348): calls a device action; the output comes as an ActionReport push with the same ClientToken. */
  callDeviceActionAsync(params: AppCallDeviceActionAsyncParams): Promise<AppCallDeviceActionAsyncResult>;
}
/** The typed methods generated from the action definitions; each sends the action it names. */
export interface TypedServerMethods {
  /** Sends `AppSendVerificationCode` (https://cloud.tencent.com/document/product/1081/40785): sends an SMS code for registration or a password reset. */
  sendVerificationCode(params: AppSendVerificationCodeParams, options?: CallOptions): Promise<AppSendVerificationCodeResult>;
  /** Sends `AppCheckVerificationCode` (https://cloud.tencent.com/document/product/1081/40785): checks an SMS code. */
  checkVerificationCode(params: AppCheckVerificationCodeParams, options?: CallOptions): Promise<AppCheckVerificationCodeResult>;
  /** Sends `AppSendEmailVerificationCode` (https://cloud.tencent.com/document/product/1081/40773): sends an e-mail code. */
  sendEmailVerificationCode(params: AppSendEmailVerificationCodeParams, options?: CallOptions): Promise<AppSendEmailVerificationCodeResult>;
  /** Sends `AppCheckEmailVerificationCode` (https://cloud.tencent.com/document/product/1081/40773): checks an e-mail code. */
  checkEmailVerificationCode(params: AppCheckEmailVerificationCodeParams, options?: CallOptions): Promise<AppCheckEmailVerificationCodeResult>;
  /** Sends `AppCreateCellphoneUser` (https://cloud.tencent.com/document/product/1081/40783): registers a phone user. */
  createCellphoneUser(params: AppCreateCellphoneUserParams, options?: CallOptions): Promise<AppCreateCellphoneUserResult>;
  /** Sends `AppCreateEmailUser` (https://cloud.tencent.com/document/product/1081/40773): registers an e-mail user. */
  createEmailUser(params: AppCreateEmailUserParams, options?: CallOptions): Promise<AppCreateEmailUserResult>;
  /** Sends `AppResetPasswordByCellphone` (https://cloud.tencent.com/document/product/1081/40773): resets a phone user's password. */
  resetPasswordByCellphone(params: AppResetPasswordByCellphoneParams, options?: CallOptions): Promise<AppResetPasswordByCellphoneResult>;
  /** Sends `AppResetPasswordByEmail` (https://cloud.tencent.com/document/product/1081/40773): resets an e-mail user's password. */
  resetPasswordByEmail(params: AppResetPasswordByEmailParams, options?: CallOptions): Promise<AppResetPasswordByEmailResult>;
}
// </generated>
