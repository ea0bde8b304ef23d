// What the push channel delivers once it is back: each subscribed device's state as the service
// has it now (AppGetDeviceData; online from AppGetDeviceStatuses), as Resync events, so an app
// that renders from events is never left with what it heard before the socket dropped.
import { type IotExplorerError, toIotExplorerError } from './errors.js';
import type { TypedClientMethods } from './generated/actions.js';
import type { PushEvent } from './push-events.js';

type Methods = Pick<TypedClientMethods, 'getDeviceData' | 'getDeviceStatuses'>;

// One device after another: a reconnect must not become a burst of calls.
export function resyncDevices(methods: Methods, report: (error: IotExplorerError) => void) {
  return async (deviceIds: string[]): Promise<PushEvent[]> => {
    const online = new Map<string, boolean>();
    try {
      const { DeviceStatuses } = await methods.getDeviceStatuses({ DeviceIds: deviceIds });
      for (const s of DeviceStatuses) online.set(s.DeviceId, s.Online === 1);
    } catch (e) {
      report(toIotExplorerError(e));
    }
    const events: PushEvent[] = [];
    for (const deviceId of deviceIds) {
      try {
        const { DataParsed } = await methods.getDeviceData({ DeviceId: deviceId });
        events.push({ type: 'Resync', deviceId, time: null, data: DataParsed, online: online.get(deviceId) ?? null });
      } catch (e) {
        // A device gone since (unbound, unshared): the others are still resynced.
        report(toIotExplorerError(e));
      }
    }
    return events;
  };
}
