// `wx`, the API object of WeChat mini-programs: a global there (not always a property of
// globalThis), absent elsewhere. Declared in this module only, structurally (the members the
// SDK calls), so that the package's types declare no global of their own.
import type { WxSocketTask } from './push.js';
import type { WxRequestOptions } from './transports/wx-request.js';

export interface WxGlobal {
  /** transports/wx-request.ts */
  request(options: WxRequestOptions): unknown;
  /** push.ts (wxSocketOpener) */
  connectSocket(options: { url: string; fail?: () => void }): WxSocketTask;
  /** storage.ts (wxStorage) */
  getStorage(options: object): unknown;
  setStorage(options: object): unknown;
  removeStorage(options: object): unknown;
  /** entries/miniprogram.ts: nonces (asynchronous only in WeChat) */
  getRandomValues?(options: { length: number; success(result: { randomValues: ArrayBuffer }): void; fail(): void }): void;
  /** entries/miniprogram.ts: the push channel follows the app to the background and back */
  onAppHide?(listener: () => void): void;
  onAppShow?(listener: () => void): void;
}

declare const wx: WxGlobal | undefined;

/** `wx` where the runtime has it, else undefined. */
export const wxGlobal = (): WxGlobal | undefined => (typeof wx === 'object' ? wx : (globalThis as { wx?: WxGlobal }).wx);
