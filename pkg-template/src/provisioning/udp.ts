// UDP for SoftAP provisioning: a socket opener over wx.createUDPSocket (mini-programs) or
// node:dgram (given by the Node entry), and the exchange: send, send again on a schedule, read
// each answer, until the device says who it is, says it failed, or stays silent.
import { fromUtf8 } from './bytes.js';
import { type AbortSignalLikeOrNone, aborted, IotExplorerError, provisioningError } from './errors.js';
import { readSoftApReply, type SoftApReply } from './softap.js';

export interface UdpEndpoint {
  address: string;
  port: number;
}

export interface UdpHandlers {
  message(text: string, from: UdpEndpoint): void;
  error(error: unknown): void;
}

export interface UdpSocketLike {
  send(to: UdpEndpoint, text: string): void;
  close(): void;
}

/** Opens a UDP socket (on any local port) whose datagrams and errors go to `handlers`. */
export type UdpOpener = (handlers: UdpHandlers) => UdpSocketLike | Promise<UdpSocketLike>;

/** The UDPSocket of wx.createUDPSocket, as far as the opener uses it. */
export interface WxUdpSocket {
  bind(port?: number): number;
  send(options: { address: string; port: number; message: string }): void;
  onMessage(callback: (result: { message: ArrayBuffer; remoteInfo: { address: string; port: number } }) => void): void;
  onError(callback: (result: { errMsg: string }) => void): void;
  close(): void;
}

/** A UDP opener over wx.createUDPSocket (base library ≥ 2.7.0; not in 真机调试: use 预览). */
export function wxUdp(wxApi?: { createUDPSocket(): WxUdpSocket }): UdpOpener {
  return (handlers) => {
    const api = wxApi || (globalThis as { wx?: { createUDPSocket(): WxUdpSocket } }).wx;
    if (!api || typeof api.createUDPSocket !== 'function') throw udpError('wx.createUDPSocket is not available (base library ≥ 2.7.0)');
    const socket = api.createUDPSocket();
    // Handlers first, then bind (the order WeChat's samples keep).
    socket.onMessage(({ message, remoteInfo }) => handlers.message(fromUtf8(message), { address: remoteInfo.address, port: remoteInfo.port }));
    socket.onError(({ errMsg }) => handlers.error(errMsg));
    socket.bind();
    return { send: (to, text) => socket.send({ address: to.address, port: to.port, message: text }), close: () => socket.close() };
  };
}

export const udpError = (detail: unknown, cause?: unknown): ReturnType<typeof provisioningError> =>
  provisioningError('Transport', 'UdpError', `UDP failed: ${detail instanceof Error ? detail.message : String(detail)}`, {
    hint: 'UDP does not work in 真机调试 (remote debugging): use 预览 (preview) on the phone; and base library ≥ 2.7.0 is needed',
    cause,
  });

/** When to send again, how many times, what to call the device in errors. */
export interface ExchangeOptions {
  resendMs: number;
  sends: number;
  signal?: AbortSignalLikeOrNone;
  /** Said when nothing answers: where the phone must be. */
  silentHint: string;
}

/**
 * Sends `text` to `to` (again every `resendMs`, `sends` times in all), and resolves to the first
 * answer naming the device; a Current_Error rejects at once, Previous_Error logs (an earlier
 * attempt's) are kept for the error of a silent device.
 */
export async function exchange(open: UdpOpener, to: UdpEndpoint, text: string, options: ExchangeOptions): Promise<Extract<SoftApReply, { type: 'device' }>> {
  const { signal } = options;
  if (signal && signal.aborted) throw aborted('provisioning');
  const earlier: string[] = [];
  let finish!: { resolve: (reply: Extract<SoftApReply, { type: 'device' }>) => void; reject: (error: unknown) => void };
  const result = new Promise<Extract<SoftApReply, { type: 'device' }>>((resolve, reject) => (finish = { resolve, reject }));
  const socket = await Promise.resolve()
    .then(() =>
      open({
        message(datagram) {
          const reply = readSoftApReply(datagram);
          if (reply.type === 'device') finish.resolve(reply);
          else if (reply.type === 'currentError') {
            const why = `the device failed: ${reply.log || 'no log'}`;
            finish.reject(
              provisioningError('Transport', 'DeviceError', why, { hint: 'check the Wi-Fi name and password (a 2.4 GHz network), then start again' }),
            );
          } else if (reply.type === 'previousError') earlier.push(reply.log);
        },
        error: (e) => finish.reject(udpError(e, e)),
      }),
    )
    .catch((e: unknown) => {
      throw e instanceof IotExplorerError ? e : udpError(e, e);
    });
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = () => {
    if (sent === options.sends) {
      const logs = earlier.length ? ` (its earlier attempts' logs: ${earlier.join('; ')})` : '';
      finish.reject(
        provisioningError('Timeout', 'DeviceNoReply', `no answer from ${to.address}:${to.port} after ${sent} sends${logs}`, { hint: options.silentHint }),
      );
      return;
    }
    try {
      socket.send(to, text);
    } catch (e) {
      finish.reject(udpError(e, e));
      return;
    }
    sent++;
    timer = setTimeout(tick, options.resendMs);
  };
  const onAbort = () => finish.reject(aborted('provisioning'));
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  tick();
  try {
    return await result;
  } finally {
    if (timer) clearTimeout(timer);
    if (signal) signal.removeEventListener('abort', onAbort);
    try {
      socket.close();
    } catch {
      // closed already
    }
  }
}
