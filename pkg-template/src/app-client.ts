// The app-side client: AccessToken calls with a session kept fresh, the typed methods, the
// iterators, live events, and the flows built on them (adding a device, upgrading firmware).
import { type AddDeviceOptions, type AddedDevice, addDeviceWithToken } from './add-device.js';
import { DEFAULT_INIT_TIMEOUT_MS, timeoutOf } from './client-options.js';
import type { Core } from './core.js';
import { defaultFamily } from './default-family.js';
import type { IotExplorerError } from './errors.js';
import { type UpgradeFirmwareOptions, upgradeFirmware } from './firmware.js';
import {
  type AppGetFamilyDeviceListResult,
  type AppGetFamilyListResult,
  type AppGetFamilyMemberListResult,
  type AppGetRoomListResult,
  type AppListUserShareDevicesResult,
  CLIENT_ACTIONS,
  type TypedClientMethods,
} from './generated/actions.js';
import { type DataHistoryOptions, dataHistory, type EventHistoryOptions, eventHistory } from './history.js';
import { type PageRequest, pages } from './iterators.js';
import { type Accepted, acceptInvitation, type Message, type MessageListOptions, messages } from './message-center.js';
import { type Platform, whenLoaded } from './platform.js';
import type { PushOptions, PushState, SocketOpener } from './push.js';
import type { PushEvent } from './push-events.js';
import { resyncDevices } from './resync.js';
import { type RetryOptions, retryPolicy } from './retry.js';
import { type AccessTokenGrant, Session } from './session.js';
import { type FamilyListOptions, type Scene, type SceneLogEntry, sceneLog, scenes } from './smart.js';
import type { SessionStorage } from './storage.js';
import { subscriptions } from './subscriptions.js';
import { tokenCalls } from './token-calls.js';
import type { Transport } from './transport.js';
import { typedMethods } from './typed-methods.js';
import type { ApiResponse, DeviceSelector, Endpoint, Jsonable, Params } from './types.js';

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

type ItemOf<T> = T extends readonly (infer Item)[] ? Item : never;

/** For the app side: AccessToken calls with a session kept fresh for you. */
export interface Client extends TypedClientMethods {
  /** Any AccessToken action; the token is added for you. Sent as given, unchecked unless typed. */
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
  /**
   * The push channel's link as it changes: `connected`, `disconnected` (a drop, or the
   * mini-program hidden), `reconnected`. After each reconnect the subscribed devices' current
   * state arrives as `Resync` events, so nothing reported while it was down is missed. Returns
   * the function that stops listening.
   */
  onPushState(listener: (state: PushState) => void): () => void;
  /** Resolves once the stored session (if any) is restored: true when logged in. */
  ready(): Promise<boolean>;
  /** Logs in now (normally done on the first call); after a logout(), the way to log in again. */
  login(): Promise<void>;
  /**
   * Ends live subscriptions, tells the server (`AppLogoutUser`, best effort: a token the
   * server already refuses, or no network, does not fail the logout) and forgets the token.
   * Calls from then on fail with `InvalidInput` code `NotLoggedIn` until `login()`.
   */
  logout(): Promise<void>;
  onLoginStateChange(listener: (loggedIn: boolean) => void): () => void;
  readonly loggedIn: boolean;
  /** UNIX seconds, when known. */
  readonly expireAt: number | null;
  /** Every family, fetched page by page (`pageSize` default 50). */
  families(options?: { pageSize?: number }): AsyncGenerator<ItemOf<AppGetFamilyListResult['FamilyList']>, void, undefined>;
  /** Every device of a family (or one room), fetched page by page. */
  familyDevices(options: {
    FamilyId: string;
    RoomId?: string;
    pageSize?: number;
  }): AsyncGenerator<ItemOf<AppGetFamilyDeviceListResult['DeviceList']>, void, undefined>;
  /** Every room of a family, fetched page by page (`AppGetRoomList`). */
  rooms(options?: { FamilyId?: string; pageSize?: number }): AsyncGenerator<ItemOf<AppGetRoomListResult['RoomList']>, void, undefined>;
  /** Every member of a family, fetched page by page (`AppGetFamilyMemberList`). */
  familyMembers(options: { FamilyId: string; pageSize?: number }): AsyncGenerator<ItemOf<AppGetFamilyMemberListResult['MemberList']>, void, undefined>;
  /** Every device shared with the user, fetched page by page (`AppListUserShareDevices`). */
  sharedDevices(options?: { pageSize?: number }): AsyncGenerator<ItemOf<AppListUserShareDevicesResult['ShareDevices']>, void, undefined>;
  /**
   * Every reported value of one property between `MinTime` and `MaxTime` (ms or Date), oldest
   * first, fetched page by page (`AppGetDeviceDataHistory`, `pageSize` → `Limit`, default 100).
   */
  deviceDataHistory(options: DataHistoryOptions): ReturnType<typeof dataHistory>;
  /**
   * Every event between `StartTime` and `EndTime` (UNIX seconds; 0 or left out: the last 24 h /
   * now), fetched page by page (`AppListEventHistory`, `pageSize` → `Size`, default 50).
   */
  eventHistory(options: EventHistoryOptions): ReturnType<typeof eventHistory>;
  /** Every scene of a family, fetched page by page (`AppGetSceneList`, `pageSize` default 50). */
  scenes(options: FamilyListOptions): AsyncGenerator<Scene, void, undefined>;
  /** What a family's scenes and automations ran, newest first (`AppGetSceneAndAutomationLogs`, by `MsgId`; `pageSize` default 20). */
  sceneLog(options: FamilyListOptions): AsyncGenerator<SceneLogEntry, void, undefined>;
  /** The messages of a category (1 device, 2 family, 3 notify), newest first (`AppGetMessages`, by `MsgID`; `pageSize` default 20, at most 100). */
  messages(options: MessageListOptions): AsyncGenerator<Message, void, undefined>;
  /**
   * Accepts an invitation from the message center: a family invitation (204) joins the family
   * (`AppJoinFamily`), a device-share invitation (301) binds the device (`AppBindUserShareDevice`),
   * each with the message's `Attachments.ShareToken`. Another message is an `InvalidInput` error.
   */
  acceptInvitation(message: Message): Promise<Accepted>;
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
  upgradeFirmware(device: DeviceSelector, options?: UpgradeFirmwareOptions): ReturnType<typeof upgradeFirmware>;
}

export function createClient(core: Core, platform: Platform, given: ClientOptions): Client {
  const options = given || ({} as ClientOptions);
  const { endpoint, initTimeoutMs = DEFAULT_INIT_TIMEOUT_MS } = options;
  const session = new Session({ ...options, storage: options.storage || platform.defaultStorage() });
  const loaded = () => whenLoaded(platform, initTimeoutMs);
  const calls = tokenCalls({
    core,
    transport: options.transport || platform.defaultTransport(),
    endpoint,
    timeoutMs: timeoutOf(options),
    policy: retryPolicy(options.retry),
    session,
    loaded,
  });
  const family = defaultFamily(session, calls.call);
  const call = <P extends object = Params>(action: string, params?: P & Jsonable<P>) => family.call(action, params as Params | undefined, false);

  // The generated table's methods, as their generated declarations type them.
  const typed = typedMethods(CLIENT_ACTIONS, (action, params) => family.call(action, params as Params, true)) as unknown as TypedClientMethods;
  const resync = resyncDevices(typed, options.onPushError || (() => {}));
  const live = subscriptions(core, platform, session, { ...options, resync }, loaded);

  return {
    ...typed,
    call,
    subscribe: live.subscribe,
    onPushState: live.onPushState,
    ready: () => session.restored.then(() => session.loggedIn),
    login: () => session.logIn().then(() => undefined),
    async logout() {
      const loggingOut = session.logOut(); // at once: calls, logins and subscribes see it
      live.clear();
      const token = await loggingOut;
      if (token) await calls.callWith('AppLogoutUser', {}, token).catch(() => {});
    },
    onLoginStateChange: (listener: (loggedIn: boolean) => void) => session.onChange(listener),
    get loggedIn() {
      return session.loggedIn;
    },
    get expireAt() {
      return session.expireAt;
    },
    families: (o?: { pageSize?: number }) => pages((page: PageRequest) => typed.getFamilyList(page), 'FamilyList', o && o.pageSize),
    familyDevices: (o: { FamilyId: string; RoomId?: string; pageSize?: number }) => {
      const { FamilyId, RoomId, pageSize } = o || {};
      return pages((page: PageRequest) => typed.getFamilyDeviceList({ FamilyId, RoomId, ...page }), 'DeviceList', pageSize);
    },
    rooms: (o?: { FamilyId?: string; pageSize?: number }) => {
      const { FamilyId, pageSize } = o || {};
      return pages((page: PageRequest) => typed.getRoomList({ FamilyId, ...page }), 'RoomList', pageSize);
    },
    familyMembers: (o: { FamilyId: string; pageSize?: number }) => {
      const { FamilyId, pageSize } = o || {};
      return pages((page: PageRequest) => typed.getFamilyMemberList({ FamilyId, ...page }), 'MemberList', pageSize);
    },
    sharedDevices: (o?: { pageSize?: number }) => pages((page: PageRequest) => typed.listUserShareDevices(page), 'ShareDevices', o && o.pageSize),
    deviceDataHistory: (o: DataHistoryOptions) => dataHistory(typed, o),
    eventHistory: (o: EventHistoryOptions) => eventHistory(typed, o),
    scenes: (o: FamilyListOptions) => scenes(typed, o),
    sceneLog: (o: FamilyListOptions) => sceneLog(typed, o),
    messages: (o: MessageListOptions) => messages(typed, o),
    acceptInvitation: (message: Message) => acceptInvitation(typed, message),
    defaultFamilyId: family.id,
    upgradeFirmware: (device: DeviceSelector, o?: UpgradeFirmwareOptions) => upgradeFirmware(typed, device, o),
    addDeviceWithToken: (target: { FamilyId: string; RoomId?: string }, o: AddDeviceOptions) => addDeviceWithToken(typed, target, o),
  };
}
