// Text frames of the push channel: `{action, reqId, params}` out; replies `{reqId, error,
// error_message, data}` and pushes `{push:true, action:"DeviceChange", params}` in.
import type { IotExplorerError } from './errors.js';
import { MAX_TEXT_UNITS } from './generated/core.js';
import { deviceChange, type FrameEvent, isObject } from './push-events.js';

const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Throws the API error (an IotExplorerError) of an App API response text: the core's parseResponse. */
export type CheckResponse = (text: string) => unknown;

/** A reply to one of our requests: `error` null, or the IotExplorerError it carries. */
export interface Reply {
  reqId: string;
  error: IotExplorerError | null;
}

/** What a frame is: an event (a push, or an Unknown one for anything unreadable) or a reply. */
export type ParsedFrame = { event: FrameEvent; reply?: undefined } | { reply: Reply; event?: undefined };

/** `ActivePush`: receive pushes for these devices (the whole list each time). */
export const subscribeFrame = (reqId: string, devices: readonly string[], token: string): string =>
  JSON.stringify({ action: 'ActivePush', reqId, params: { DeviceIds: devices, AccessToken: token } });

/** `YunApi` → `AppDeviceTraceHeartBeat`: keeps the subscription alive. */
export const heartbeatFrame = (reqId: string, devices: readonly string[], token: string): string =>
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
export function parseFrame(text: string, checkResponse: CheckResponse): ParsedFrame {
  let frame: unknown;
  // Frames, like response bodies, are read up to 1 MiB (README, Reliability); a longer one is
  // kept whole as an Unknown event, unparsed. The bound is the core's, MAX_TEXT_UNITS: 1 MiB + 1
  // units, so a frame one unit longer than 1 MiB is still parsed.
  try {
    frame = text.length > MAX_TEXT_UNITS ? null : JSON.parse(text);
  } catch {
    frame = null;
  }
  const unknown: ParsedFrame = { event: { type: 'Unknown', deviceId: null, raw: text } };
  if (!isObject(frame)) return unknown;
  if (frame.push === true) {
    return frame.action === 'DeviceChange' && frame.params !== undefined ? { event: deviceChange(frame.params, text) } : unknown;
  }
  const reqId = typeof frame.reqId === 'number' ? String(frame.reqId) : frame.reqId;
  if (typeof reqId !== 'string') return unknown;
  return { reply: { reqId, error: replyError(frame, checkResponse) } };
}

function replyError(frame: { [key: string]: unknown }, checkResponse: CheckResponse): IotExplorerError | null {
  const { data } = frame;
  if (isObject(data) && isObject(data.Response)) return errorOf(() => checkResponse(JSON.stringify({ Response: data.Response })));
  const emptyData = data === undefined || data === null || (isObject(data) && Object.keys(data).length === 0);
  const code = textOf(frame.error);
  const message = textOf(frame.error_message);
  if (!emptyData || (!code && !message)) return null;
  const known = code && code !== '-1' ? code : 'PushError';
  // Read by the core as any API error is (what it means: log in again, retry).
  return errorOf(() => checkResponse(JSON.stringify({ Response: { Error: { Code: known, Message: message || known } } })));
}

/** What `check` throws (checkResponse's IotExplorerError), or null. */
function errorOf(check: () => unknown): IotExplorerError | null {
  try {
    check();
    return null;
  } catch (e) {
    return e as IotExplorerError;
  }
}
