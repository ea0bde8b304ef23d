// Joining a Wi-Fi from a mini-program (wx.startWifi, wx.connectWifi): the device's hotspot
// before SoftAP, the home network after it. WeChat's error codes become typed errors whose hint
// tells the user what to do.
import { type AbortSignalLikeOrNone, abortable, invalidOption, provisioningError } from './errors.js';

type WxWifiCall = (options: { [key: string]: unknown; success?: () => void; fail?: (e: { errMsg?: string; errCode?: number }) => void }) => void;
export interface WxWifiApi {
  startWifi: WxWifiCall;
  connectWifi: WxWifiCall;
}

export interface JoinWifiOptions {
  signal?: AbortSignalLikeOrNone;
  /** WeChat's API (`wx` by default). */
  wx?: WxWifiApi;
}

// wx.connectWifi's errCodes users meet (its doc page), and what to tell them.
const WIFI_HINTS: { [errCode: number]: string } = {
  12002: 'the password is wrong',
  12003: 'joining timed out: move closer to the network and try again',
  12005: 'Wi-Fi is off: ask the user to turn it on (Android)',
  12006: 'location (GPS) is off: Android needs it on to join a Wi-Fi from a mini-program',
  12007: 'the user declined: ask again, and tap 加入 (Join) on iOS or 允许 (Allow) on Android in the system prompt',
  12008: 'no network of that name is in reach',
  12010: 'the system failed (on iOS also a wrong password): check the password and try again',
  12011: 'the mini-program went to the background: keep it in front while joining',
  12013: "the system's saved settings of this network are stale: forget the network in system settings, then try again (Android)",
  12014: 'the password is wrong (iOS)',
};

/**
 * Joins `wifi` (a device's hotspot, or the home network again). Resolves once joined; fails
 * with code WifiError, WeChat's errCode as `errno`, and a hint.
 */
export async function joinWifi(wifi: { ssid: string; password?: string }, options: JoinWifiOptions = {}): Promise<void> {
  if (!wifi || typeof wifi.ssid !== 'string' || !wifi.ssid) throw invalidOption('wifi.ssid', 'wifi.ssid must be the name of the network to join');
  const wx = options.wx || (globalThis as { wx?: WxWifiApi }).wx;
  if (!wx || typeof wx.connectWifi !== 'function') {
    throw provisioningError('Transport', 'WifiError', 'wx.connectWifi is not available: join the network in system settings', {
      hint: 'ask the user to join it in Settings → Wi-Fi, then continue',
    });
  }
  const call = (name: 'startWifi' | 'connectWifi', params: { [key: string]: unknown }) =>
    new Promise<void>((resolve, reject) => wx[name]({ ...params, success: () => resolve(), fail: (e) => reject(wifiError(name, e)) }));
  await abortable(
    call('startWifi', {}).then(() => call('connectWifi', { SSID: wifi.ssid, password: wifi.password || '', forceNewApi: true })),
    options.signal,
    'joining the Wi-Fi',
  );
}

function wifiError(api: string, failure: { errMsg?: string; errCode?: number } | undefined) {
  const errno = failure && typeof failure.errCode === 'number' ? failure.errCode : null;
  const errMsg = (failure && failure.errMsg) || `${api}:fail`;
  return provisioningError('Transport', 'WifiError', `${errMsg}${errno === null ? '' : ` (errCode ${errno})`}`, {
    hint: errno === null ? undefined : WIFI_HINTS[errno],
    errMsg,
    errno,
    cause: failure,
  });
}
