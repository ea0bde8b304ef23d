// Text frames of the push channel: `{action, reqId, params}` out; replies `{reqId, error,
// error_message, data}` and pushes `{push:true, action:"DeviceChange", params}` in.
import { IotExplorerError } from './errors.js';
import { deviceChange, isObject } from './push-events.js';

// Frames, like response bodies, are read up to 1 MiB (README, Reliability); a longer one is
// kept whole as an Unknown event, unparsed.
const MAX_FRAME_UNITS = 1 << 20;
const textOf = (v) => (typeof v === 'string' ? v : '');

/** `ActivePush`: receive pushes for these devices (the whole list each time). */
export const subscribeFrame = (reqId, devices, token) =>
  JSON.stringify({ action: 'ActivePush', reqId, params: { DeviceIds: devices, AccessToken: token } });

/** `YunApi` → `AppDeviceTraceHeartBeat`: keeps the subscription alive. */
export const heartbeatFrame = (reqId, devices, token) =>
  JSON.stringify({
    action: 'YunApi',
    reqId,
    params: { Action: 'AppDeviceTraceHeartBeat', ActionParams: { RequestId: reqId, AccessToken: token, DeviceIds: devices } },
  });

/**
 * `{ reply: { reqId, error } }` (error: null or an IotExplorerError) or `{ event }`;
 * never throws. `checkResponse(Response)` throws the API error of an App API response (the
 * core's parseResponse), which YunApi replies carry in `data`.
 */
export function parseFrame(text, checkResponse) {
  let frame;
  try {
    frame = text.length > MAX_FRAME_UNITS ? null : JSON.parse(text);
  } catch {
    frame = null;
  }
  const unknown = { event: { type: 'Unknown', deviceId: null, raw: text } };
  if (!isObject(frame)) return unknown;
  if (frame.push === true) {
    return frame.action === 'DeviceChange' && frame.params !== undefined ? { event: deviceChange(frame.params, text) } : unknown;
  }
  const reqId = typeof frame.reqId === 'number' ? String(frame.reqId) : frame.reqId;
  if (typeof reqId !== 'string') return unknown;
  return { reply: { reqId, error: replyError(frame, checkResponse) } };
}

function replyError(frame, checkResponse) {
  const { data } = frame;
  if (isObject(data) && isObject(data.Response)) {
    try {
      checkResponse(JSON.stringify({ Response: data.Response }));
      return null;
    } catch (e) {
      return e;
    }
  }
  const emptyData = data === undefined || data === null || (isObject(data) && Object.keys(data).length === 0);
  const code = textOf(frame.error);
  const message = textOf(frame.error_message);
  if (!emptyData || (!code && !message)) return null;
  const known = code && code !== '-1' ? code : 'PushError';
  return new IotExplorerError(message || known, { kind: 'Api', code: known });
}
