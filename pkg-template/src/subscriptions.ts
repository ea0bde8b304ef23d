// Live device events: one push channel per client, opened on the first subscribe.
import type { Core } from './core.js';
import { IotExplorerError, invalidInput } from './errors.js';
import type { Platform } from './platform.js';
import { createPushHub, type PushOptions, type PushState, type SocketOpener } from './push.js';
import { isDeviceId, type PushEvent } from './push-events.js';
import { createPushChannel } from './push-session.js';
import type { Session } from './session.js';

export interface SubscriptionOptions {
  endpoint?: string;
  /** The push channel; default: the endpoint's (the core's `endpointUrls`). */
  pushUrl?: string;
  socket?: SocketOpener;
  push?: PushOptions;
  onPushError?: (error: IotExplorerError) => void;
  /** The devices' current state as events, after the channel came back (resync.ts). */
  resync?: (deviceIds: string[]) => Promise<PushEvent[]>;
}

const invalidIds = (message: string) => invalidInput('deviceIds', message);

/** `loaded()`: null once the wasm is loaded, else a promise that settles when it is. */
export function subscriptions(core: Core, platform: Platform, session: Session, options: SubscriptionOptions, loaded: () => Promise<void> | null) {
  let hub: ReturnType<typeof createPushHub> | null = null;
  const stateListeners = new Set<(state: PushState) => void>();
  const onError = options.onPushError || (() => {});
  const tellState = (state: PushState) => {
    for (const listener of [...stateListeners]) {
      try {
        listener(state);
      } catch (e) {
        onError(e instanceof IotExplorerError ? e : new IotExplorerError(String(e), { kind: 'Transport' }));
      }
    }
  };
  const pushHub = () => {
    if (!hub) {
      const openSocket = options.socket || platform.defaultSocket();
      if (!openSocket) {
        throw new IotExplorerError('no WebSocket in this runtime: install the `ws` package or pass `socket`', { kind: 'Transport' });
      }
      hub = createPushHub({
        channel: createPushChannel(options.push, (text: string) => core.parseResponse(200, text)),
        openSocket,
        url: options.pushUrl || core.endpointUrls(options.endpoint)[2],
        session,
        onError,
        onState: tellState,
        resync: options.resync,
      });
      if (platform.onLifecycle) platform.onLifecycle(hub);
    }
    return hub;
  };

  return {
    /** Checks the ids, then subscribes through the channel (opened on first use). */
    async subscribe(deviceIds: readonly string[], onEvent: (event: PushEvent) => void): Promise<() => void> {
      if (!Array.isArray(deviceIds) || typeof onEvent !== 'function') throw invalidIds('subscribe(deviceIds: string[], onEvent: function)');
      if (deviceIds.length === 0) throw invalidIds('subscribe needs at least one device id ("ProductId/DeviceName")');
      const bad = deviceIds.findIndex((id) => !isDeviceId(id));
      if (bad >= 0) throw invalidIds(`a device id is "ProductId/DeviceName", not ${JSON.stringify(deviceIds[bad]) ?? String(deviceIds[bad])}`);
      const waiting = loaded();
      if (waiting) await waiting;
      return pushHub().subscribe(deviceIds, onEvent);
    },
    /** Calls `listener` with the push channel's state as it changes; returns the function that stops it. */
    onPushState(listener: (state: PushState) => void): () => void {
      if (typeof listener !== 'function') throw invalidInput('listener', 'onPushState(listener: function)');
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    /** Ends every subscription (a logout). */
    clear(): void {
      if (hub) hub.clear();
    },
  };
}
