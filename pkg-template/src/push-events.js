// `DeviceChange` pushes → typed events. The payload is base64 JSON, NUL-padded at the end as
// the official mini-program SDK expects (app-api.md §2, WebSocket). Anything unexpected is an
// `Unknown` event holding the frame, with the device only when the frame names a valid one.
import { isDeviceId } from './methods.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOr = (v) => (typeof v === 'string' ? v : null);

/** Standard Base64 (padding optional) → UTF-8 (lossy) without trailing NULs → JSON; undefined when any step fails. */
export function decodePayload(text) {
  if (typeof text !== 'string') return undefined;
  const bytes = [];
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
const objectOrEmpty = (v) => (v === undefined || v === null ? {} : isObject(v) ? v : undefined);

/** `{method:"report", params}` or the older `{type:"update", state:{reported}}`. */
const reported = (p) => (p.params !== undefined ? p.params : isObject(p.state) ? p.state.reported : undefined);
/** `{method:"control", params}` or the older `{type:"delta", payload:{state}}`. */
const control = (p) => (p.params !== undefined ? p.params : isObject(p.payload) ? p.payload.state : undefined);

/** The event of a `DeviceChange` push's `params`; `raw`: the frame's text. */
export function deviceChange(params, raw) {
  const deviceId = isObject(params) && isDeviceId(params.DeviceId) ? params.DeviceId : null;
  const unknown = { type: 'Unknown', deviceId, raw };
  const kind = deviceId && textOr(params.Type);
  const sub = deviceId && textOr(params.SubType);
  if (!kind || sub === null) return unknown;
  const time = textOr(params.Time);
  const payload = decodePayload(params.Payload);
  const p = isObject(payload) ? payload : null;
  const event = (type, fields) => ({ type, deviceId, ...fields, time });
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
      return event('SubDeviceChange', { action: sub.toLowerCase(), subDevices: payload });
    case 'Action Push': {
      const actionParams = p && objectOrEmpty(p.params);
      if (!actionParams) return unknown;
      return event('ActionPush', { actionId: textOr(p.actionId), clientToken: textOr(p.clientToken), params: actionParams });
    }
    case 'Action Report': {
      const response = p && objectOrEmpty(p.response);
      if (!response || (p.code !== undefined && typeof p.code !== 'number')) return unknown;
      const code = p.code === undefined ? null : p.code;
      return event('ActionReport', { clientToken: textOr(p.clientToken), code, status: textOr(p.status), response });
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
      return event('Event', { eventId: textOr(p.eventId), params: values });
    }
    default:
      return unknown;
  }
}
