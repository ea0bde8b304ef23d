// What each entry point (Node, browser, mini-program) gives the shared API: its wasm memory,
// default transport, storage and socket, and its rules.

import type { createPushHub, SocketOpener } from './push.js';
import type { RequestDefaults } from './requests.js';
import type { SessionStorage } from './storage.js';
import type { Transport } from './transport.js';

export interface Platform {
  memory(): WebAssembly.Memory | null;
  /** Values the runtime must supply itself (mini-programs have no CSPRNG inside the wasm). */
  defaults?: RequestDefaults;
  defaultTransport(): Transport;
  defaultStorage(): SessionStorage;
  /** How to open the push socket, or null where the runtime has none. */
  defaultSocket(): SocketOpener | null;
  /** False where the AppSecret APIs are off (mini-programs, unless init() was told otherwise). */
  appSecretAllowed?(): boolean;
  /** Null when the wasm is loaded; else a promise that settles once init() has loaded it. */
  whenLoaded?(initTimeoutMs: number): Promise<void> | null;
  /** The browser build: createServerClient needs dangerouslyAllowBrowser. */
  browser?: boolean;
  /** Mini-programs: the push channel follows the app's onHide/onShow. */
  onLifecycle?(hub: ReturnType<typeof createPushHub>): void;
}

/** Null once the wasm is loaded (at once where it always is); else a promise that settles when init() has loaded it. */
export const whenLoaded = (platform: Platform, initTimeoutMs: number): Promise<void> | null =>
  (platform.whenLoaded && platform.whenLoaded(initTimeoutMs)) || null;
