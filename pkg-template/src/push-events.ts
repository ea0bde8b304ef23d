// `DeviceChange` pushes → typed events. The payload is base64 JSON, NUL-padded at the end as
// the official mini-program SDK expects (app-api.md §2, WebSocket). Anything unexpected is an
// `Unknown` event holding the frame, with the device only when the frame names a valid one.
import type { JsonValue } from './types.js';

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
   * The device's state as the service has it now, fetched after the push channel came back (a
   * reconnect, or the mini-program shown again): what it reported while the socket was down is
   * here. `data` is AppGetDeviceData's (each property's `Value` and `LastUpdate`), `online`
   * AppGetDeviceStatuses' (null when that call failed). Render from it as from a report.
   */
  | (PushEventBase & { type: 'Resync'; data: { [property: string]: JsonValue }; online: boolean | null })
  /**
   * A push this SDK does not know, for a device you subscribed to, kept as the raw frame text.
   * (A frame that names no valid device reaches no callback: `onPushError` gets it.)
   */
  | { type: 'Unknown'; deviceId: string; raw: string };

/** An event as a frame gives it: a PushEvent, or an Unknown one that names no valid device (nobody's). */
export type FrameEvent = PushEvent | { type: 'Unknown'; deviceId: null; raw: string };

/** A JSON object, as a push frame or its payload holds one. */
type JsonMap = { [key: string]: JsonValue };
/** The members of each known event but its type, device and time. */
type Fields<T extends PushEvent['type']> = Omit<Extract<PushEvent, { type: T }>, 'type' | 'deviceId' | 'time'>;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const isObject = (v: unknown): v is { [key: string]: unknown } => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOr = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Standard Base64 (padding optional) → UTF-8 (lossy) without trailing NULs → JSON; undefined when any step fails. */
export function decodePayload(text: unknown): JsonValue | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of text.replace(/=+$/, '')) {
    const v = BASE64.indexOf(c);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  while (bytes[bytes.length - 1] === 0) bytes.pop();
  try {
    return JSON.parse(new TextDecoder().decode(new Uint8Array(bytes)));
  } catch {
    return undefined;
  }
}

/** An object, or {} when absent; undefined for anything else. */
const objectOrEmpty = (v: JsonValue | undefined): JsonMap | undefined => (v === undefined || v === null ? {} : isObject(v) ? v : undefined);

/** `{method:"report", params}` or the older `{type:"update", state:{reported}}`. */
const reported = (p: JsonMap) => (p.params !== undefined ? p.params : isObject(p.state) ? p.state.reported : undefined);
/** `{method:"control", params}` or the older `{type:"delta", payload:{state}}`. */
const control = (p: JsonMap) => (p.params !== undefined ? p.params : isObject(p.payload) ? p.payload.state : undefined);

/** The event of a `DeviceChange` push's `params`; `raw`: the frame's text. */
export function deviceChange(params: unknown, raw: string): FrameEvent {
  const deviceId = isObject(params) && isDeviceId(params.DeviceId) ? params.DeviceId : null;
  const unknown = { type: 'Unknown', deviceId, raw } as FrameEvent;
  // A device id is there only in an object (below, `params` is one whenever `deviceId` is).
  const kind = deviceId && textOr((params as JsonMap).Type);
  const sub = deviceId && textOr((params as JsonMap).SubType);
  if (!kind || sub === null) return unknown;
  const time = textOr((params as JsonMap).Time);
  const payload = decodePayload((params as JsonMap).Payload);
  // Each case reads `p` only after finding a value in it, so `p!` there.
  const p = isObject(payload) ? payload : null;
  const event = <T extends PushEvent['type']>(type: T, fields: Fields<T>) => ({ type, deviceId, ...fields, time }) as PushEvent;
  switch (`${kind} ${sub}`) {
    case 'StatusChange Online':
    case 'StatusChange Offline':
      return event('StatusChange', { online: sub === 'Online' });
    case 'StatusChange Bind':
    case 'StatusChange bind':
      return event('Bind', {});
    case 'StatusChange Unbind':
    case 'StatusChange unbind':
      return event('Unbind', {});
    // Lower-case in the official mini-program SDK; the payload is the sub-device list.
    case 'Gateway bind':
    case 'Gateway Bind':
    case 'Gateway unbind':
    case 'Gateway Unbind':
      if (!Array.isArray(payload)) return unknown;
      return event('SubDeviceChange', { action: sub.toLowerCase() as 'bind' | 'unbind', subDevices: payload });
    case 'Action Push': {
      const actionParams = p && objectOrEmpty(p.params);
      if (!actionParams) return unknown;
      return event('ActionPush', { actionId: textOr(p!.actionId), clientToken: textOr(p!.clientToken), params: actionParams });
    }
    case 'Action Report': {
      const response = p && objectOrEmpty(p.response);
      if (!response || (p!.code !== undefined && typeof p!.code !== 'number')) return unknown;
      const code = p!.code === undefined ? null : p!.code;
      return event('ActionReport', { clientToken: textOr(p!.clientToken), code, status: textOr(p!.status), response });
    }
    case 'Property Report':
    case 'Shadow Report':
    case 'Template Report': {
      const values = p && reported(p);
      return isObject(values) ? event('PropertyReport', { params: values }) : unknown;
    }
    case 'Property Push':
    case 'Shadow Push':
    case 'Template Push': {
      const values = p && control(p);
      return isObject(values) ? event('ControlPush', { params: values }) : unknown;
    }
    // `params` is an object, or absent (no parameters); anything else is not a known event.
    case 'Event Report': {
      const values = p && (p.params === undefined ? {} : p.params);
      if (!isObject(values)) return unknown;
      return event('Event', { eventId: textOr(p!.eventId), params: values });
    }
    default:
      return unknown;
  }
}

/** "ProductId/DeviceName": two non-empty parts. */
export const isDeviceId = (id: unknown): id is string => typeof id === 'string' && /^[^/]+\/[^/]+$/.test(id);
