// iot-explorer-app/emulator: a local IoT Explorer App API to test apps against (Node only; the
// push channel needs the `ws` package). Its state is in memory, its clock injectable.

/** The emulator's own AppKey and AppSecret (any others: `apps`). */
export declare const DEMO_APP_KEY: string;
export declare const DEMO_APP_SECRET: string;

/** An answer of the service's own (`Error.Code`, `Error.Message`), as handlers throw it. */
export declare class ApiError extends Error {
  constructor(code: string | null, message: string);
  code: string | null;
}

export interface EmulatorOptions {
  /** Default 0: any free port (on 127.0.0.1). */
  port?: number;
  /** AppKey → AppSecret; default { [DEMO_APP_KEY]: DEMO_APP_SECRET }. */
  apps?: { [appKey: string]: string };
  /** How long a token lives; default 7200. */
  tokenTtlSeconds?: number;
  /** `wire` (`{ code, msg, data }`, what every official client reads; the default) or `documented` (`{ Response }`). */
  envelope?: 'wire' | 'documented';
  /** Milliseconds since the epoch; default Date.now. Move it to test expiries, timers, delays. */
  clock?: () => number;
  /** How far a signed call's Timestamp may be from the clock; default 300. */
  timestampWindowSeconds?: number;
  /** Also take the official Node SDK's signatures (empty values signed); default false. */
  lenientSignatures?: boolean;
  /** A line per request. */
  log?: (line: string) => void;
  /** The time zone of timers and automations (minutes east of UTC); default 480 (UTC+8). */
  timerUtcOffsetMinutes?: number;
  /** How often (real ms) timers, automations' timers and scenes' delays are checked; default 250. */
  timerCheckMs?: number;
  /** A firmware upgrade moves one step per this many ms of the clock; default 200. */
  firmwareStepMs?: number;
  /** Bounds no page states, each off unless given. */
  limits?: {
    deviceIdsPerCall?: number;
    nameLength?: number;
    historyPageSize?: number;
    eventPageSize?: number;
    deviceTimestampWindowSeconds?: number;
  };
}

/** A fault the next matching request gets instead of the service's answer. */
export interface Fault {
  type: 'delay' | 'drop' | 'html502' | 'truncate' | 'empty' | 'slowBody' | 'codeWithoutError' | 'errorWithCodeZero' | 'apiError';
  api?: 'appapi' | 'tokenapi';
  action?: string;
  ms?: number;
  code?: string;
  message?: string;
  /** How many requests it applies to; default 1. */
  times?: number;
}

/** A device fresh from the factory (in no family), with its PSK (Base64) for signatures. */
export interface FactoryDevice {
  ProductId: string;
  DeviceName: string;
  psk: string;
}

/** "ProductId/DeviceName" */
export type DeviceId = string;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SoftApDeviceOptions {
  /** Default PLUG00PROD. */
  ProductId?: string;
  DeviceName?: string;
  /** Its hotspot's name, for emulator.wx()'s connectWifi (default `tcloud_${DeviceName}`). */
  ssid?: string;
  /** The only network it can join (any when absent): another ssid or password and it never reports in. */
  homeWifi?: { ssid: string; password: string };
  /** Its product's region (default ap-guangzhou); a token for another region is never reported. */
  region?: string;
  /** silent: never answers; currentError: answers Current_Error; previousError: an earlier attempt's log first. */
  failure?: 'silent' | 'currentError' | 'previousError' | null;
  /** Its three answers this far apart (default 1,000). */
  replyEveryMs?: number;
  /** It reports the token to the cloud this long after taking it (default 300). */
  reportDelayMs?: number;
}

export interface SoftApDevice {
  readonly address: string;
  readonly port: number;
  readonly ProductId: string;
  readonly DeviceName: string;
  readonly ssid: string;
  /** Every datagram it received, parsed. */
  readonly received: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface BleComboDeviceOptions {
  /** Default LIGHT0PROD. */
  ProductId?: string;
  DeviceName?: string;
  /** AA:BB:CC:DD:EE:FF (random when absent). */
  mac?: string;
  /** The only network it can join (any when absent). */
  homeWifi?: { ssid: string; password: string };
  /** The ATT MTU it asks for (default 23), whether it asks the app to set it, the most it takes (default 247). */
  mtu?: number;
  mustSetMtu?: boolean;
  maxMtu?: number;
  /** silent: never notifies; cloudUnreachable: joins the Wi-Fi, never reaches the cloud; dropsLink: leaves when told to join. */
  failure?: 'silent' | 'cloudUnreachable' | 'dropsLink' | null;
  /** It has joined the Wi-Fi this long after E3, and the cloud took the token this long after E4 (default 100 each). */
  joinDelayMs?: number;
  reportDelayMs?: number;
  rssi?: number;
}

export interface BleComboDevice {
  /** What onBluetoothDeviceFound reports: its MAC as deviceId, LLSync_ name, 0xFFF0, E7 FE 02 MAC ProductId. */
  readonly deviceId: string;
  readonly mac: string;
  readonly ProductId: string;
  readonly DeviceName: string;
  /** Each request it took, reassembled, as hex. */
  readonly received: string[];
  /** Each 09 MTU result the app sent: 0 (set) or 0xFFFF (could not). */
  readonly mtuResults: number[];
}

export interface WxRadioOptions {
  /** Default android (setBLEMTU exists only there). */
  platform?: 'android' | 'ios';
  /** false: Bluetooth is off (openBluetoothAdapter fails 10001). */
  bluetooth?: boolean;
  /** The errCode wx.connectWifi fails with (12002, 12005, 12006, 12007, 12013…). */
  connectWifiError?: number | null;
  /** The realm's ArrayBuffer (a mini-program sandbox's) for what the APIs hand over. */
  ArrayBuffer?: ArrayBufferConstructor;
}

/** WeChat's Bluetooth, UDP and Wi-Fi APIs (success/fail/complete, errCode), with what was called. */
export interface WxRadio {
  [api: string]: unknown;
  /** Each call made: its API name and options. */
  readonly calls: { api: string; options: unknown }[];
  /** The SSID the phone is on (null before any connectWifi). */
  connectedWifi(): string | null;
}

export interface Emulator {
  /** http://127.0.0.1:port */
  readonly url: string;
  /** What the SDK takes as `endpoint`: `${url}/api/exploreropen`. */
  readonly endpoint: string;
  /** The state itself (users, families, devices…), for assertions. Its shape may change. */
  readonly world: unknown;
  addFault(fault: Fault): void;
  clearFaults(): void;
  setEnvelope(mode: 'wire' | 'documented'): void;
  /** The simulated devices. */
  readonly devices: {
    /** The device took the bind token (over Wi-Fi or BLE) and reports in `delayMs` later; resolves to whether the token was known. */
    provision(token: string, options?: { ProductId?: string; DeviceName?: string; delayMs?: number }): Promise<boolean>;
    /** A device of the product in no family (LIGHT0PROD, PLUG00PROD, SENSORPROD, GATEWAYPROD, DOORSNSPROD, CAMERAPROD). */
    make(ProductId: string, DeviceName?: string): FactoryDevice;
    /** The signature its QR code carries (for secureAddDeviceInFamily). */
    qrSignature(ProductId: string, DeviceName?: string): string;
    /** A gateway with `count` sub-devices it has bound (default 2). */
    gateway(DeviceName?: string, count?: number): { gateway: FactoryDevice; subDevices: FactoryDevice[] };
    /** The dynamic signature a sub-device makes for sigGatewayBindDevice. */
    gatewaySignature(fields: { ProductId: string; DeviceName: string; DeviceTimestamp: number; Nonce: string }): string;
    /** A camera with two days of cloud recordings. */
    camera(DeviceName?: string): FactoryDevice;
    /** The device is here now: its location history grows, its fences record what the move crosses. */
    moveTo(id: DeviceId, point: { Longitude: number; Latitude: number }): void;
    /** A Wi-Fi device in SoftAP mode on a UDP port of 127.0.0.1 (closed with the emulator). */
    softAp(options?: SoftApDeviceOptions): Promise<SoftApDevice>;
    /** A BLE combo (LLSync) device in reach of emulator.wx()'s Bluetooth. */
    bleCombo(options?: BleComboDeviceOptions): BleComboDevice;
  };
  /**
   * A fake `wx` radio to merge into a mini-program's wx: Bluetooth in front of devices.bleCombo(),
   * Wi-Fi (joining a devices.softAp() hotspot by its ssid), and UDP where 192.168.4.1:8266 is the
   * SoftAP device whose hotspot the phone is on.
   */
  wx(options?: WxRadioOptions): WxRadio;
  /** The devices as they talk to the cloud, and the push channel. */
  readonly push: {
    readonly stats: { connections: number; subscribes: number; heartbeats: number };
    /** The device reports property values: its state, history, pushes and automations follow. */
    report(id: DeviceId, params: { [property: string]: Json }): void;
    /** The device posts an event (an alert also lands in its family's message center). */
    event(id: DeviceId, eventId: string, params?: { [key: string]: Json }): void;
    setOnline(id: DeviceId, online: boolean): void;
    /** Any text to every subscriber (a malformed frame). */
    raw(text: string): void;
    /** Any DeviceChange push: Bind, Unbind, Action, Gateway… */
    change(id: DeviceId, Type: string, SubType: string, payload: Json): void;
    /** While on, every socket is accepted and dropped at once. */
    dropOnConnect(on: boolean): void;
    refuseNextSubscription(code: string, message: string): void;
    dropAll(): void;
    openSockets(): number;
  };
  readonly firmware: {
    failNext(id: DeviceId, message?: string): void;
    stallNext(id: DeviceId): void;
  };
  /** Fires the device timers due by the clock now; their TimerIds. */
  readonly timers: { run(): string[] };
  /** Fires the automations whose timer is due and moves on scenes' delays; the automations' ids. */
  readonly smart: { run(): string[] };
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 (it stops with `close()`). */
export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>;
