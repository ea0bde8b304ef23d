// The wasm module of a runtime that loads it asynchronously (browsers, mini-programs): the
// synchronous API throws a typed NotInitialized error until init() has handed the instance over;
// the clients' calls wait for it instead (whenLoaded).
import type * as Glue from 'iot-explorer-app-glue';
import { IotExplorerError } from './errors.js';
import { timerDelay } from './timeouts.js';

export type GlueModule = typeof Glue;

const notInitialized = (message: string) => new IotExplorerError(message, { kind: 'InvalidInput', code: 'NotInitialized' });

export interface LoadedModule {
  set(instanceExports: WebAssembly.Exports): void;
  loading(promise: Promise<unknown> | null): void;
  raw(): GlueModule;
  whenLoaded(waitMs: number): Promise<void> | null;
  memory(): WebAssembly.Memory | null;
}

export function loadedModule(glue: GlueModule): LoadedModule {
  let exports: WebAssembly.Exports | null = null;
  let loading: Promise<unknown> | null = null; // the promise of the init() in progress, if any
  const waiting = new Set<(loading: Promise<unknown>) => void>(); // calls waiting for init() to be called
  return {
    set(instanceExports) {
      glue.__wbg_set_wasm(instanceExports);
      exports = instanceExports;
    },
    /** init() has begun loading (`promise` settles with it; null: it failed, init() may run again). */
    loading(promise) {
      loading = promise;
      if (!promise) return;
      for (const follow of waiting) follow(promise);
      waiting.clear();
    },
    raw() {
      if (!exports) throw notInitialized('call `await init()` before using iot-explorer-app');
      return glue;
    },
    /**
     * null when the module is loaded; else a promise that settles when the init() in progress
     * does (rejecting as it does), or, when init() is not called within `waitMs` (none for 0 or
     * Infinity), rejects with NotInitialized.
     */
    whenLoaded(waitMs) {
      if (exports) return null;
      if (loading) return loading.then(() => undefined);
      return new Promise((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const follow = (promise: Promise<unknown>) => {
          clearTimeout(timer);
          promise.then(() => resolve(), reject);
        };
        waiting.add(follow);
        if (timerDelay(waitMs) > 0) {
          timer = setTimeout(() => {
            waiting.delete(follow);
            reject(
              notInitialized(
                `init() was not called within ${waitMs} ms: call init() (no need to await it) when your app starts; calls made before it finishes wait for it`,
              ),
            );
          }, waitMs);
        }
      });
    },
    memory: () => (exports ? (exports.memory as WebAssembly.Memory) : null),
  };
}
