// What a Bluetooth device reports through the app (1081/50202-50204), taken as the device's own
// report: its state, history, pushes and automations follow a property report (World.report), an
// event is recorded and pushed (an alert also lands in the message center), a published action
// reply reaches the action's caller as the device's own reply would. A handler gets { body,
// user, world } and returns the response content, or throws an ApiError.
import { deviceKey, deviceOf } from './devices.mjs';
import { invalid, jsonObject, text } from './params.mjs';

/** An integer time (Unix ms), under either of its names; absent is fine (the apps always send one). */
function timeOf(body, names) {
  for (const name of names) {
    if (body[name] === undefined) continue;
    if (!Number.isInteger(body[name])) throw invalid(`${name} 应为整数`);
    return body[name];
  }
  return undefined;
}

/** A payload as the page's example (Base64 of JSON) or the apps (JSON text) send it. */
function payloadOf(text) {
  for (const candidate of [text, Buffer.from(text, 'base64').toString('utf8')]) {
    try {
      const value = JSON.parse(candidate);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // not this encoding
    }
  }
  throw invalid('Payload 不是 JSON');
}

export const asDeviceActions = {
  AppReportDataAsDevice(ctx) {
    const device = deviceOf(ctx);
    const values = jsonObject(ctx.body, 'Data');
    timeOf(ctx.body, ['TimeStamp', 'DataTimeStamp']);
    ctx.world.report(device, values);
    // "" as the page's example has it.
    return { Data: '' };
  },
  AppReportDeviceEvent(ctx) {
    const device = deviceOf(ctx);
    const EventId = text(ctx.body, 'EventId');
    const params = jsonObject(ctx.body, 'Params');
    const method = text(ctx.body, 'Method', { required: false }) ?? 'reported';
    if (method !== 'ReportEventAsDevice' && method !== 'reported') throw invalid('Method 取值为 ReportEventAsDevice 或 reported');
    timeOf(ctx.body, ['EventTimeStamp']);
    ctx.world.event(device, EventId, params);
    return { Data: '' };
  },
  AppPublishMsgAsDevice(ctx) {
    const device = deviceOf(ctx);
    const topic = text(ctx.body, 'Topic');
    const match = /^\$thing\/up\/(property|event|action)\/([^/]+)\/([^/]+)$/.exec(topic);
    if (!match || `${match[2]}/${match[3]}` !== deviceKey(ctx.body)) throw invalid('Topic 非法');
    const message = payloadOf(text(ctx.body, 'Payload'));
    if (match[1] === 'action' && message.method === 'action_reply') {
      ctx.world.onActionReply?.(device, message);
    } else if (match[1] === 'property' && message.method === 'report' && message.params && typeof message.params === 'object') {
      ctx.world.report(device, message.params);
    } else if (match[1] === 'event' && message.method === 'event_post') {
      ctx.world.event(device, String(message.eventId ?? ''), message.params || {});
    }
    return {};
  },
};
