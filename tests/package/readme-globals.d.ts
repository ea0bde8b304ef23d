// What a README snippet takes from its platform, for compiling the snippets with tsc (types.test.mjs):
// wx-server-sdk in a cloud function; App, Page, getApp and wx.cloud in a mini-program, and Tencent's
// SmartConfig plugin, as far as they use them.
declare module 'wx-server-sdk' {
  export const DYNAMIC_CURRENT_ENV: unique symbol;
  export function init(options?: { env?: string | typeof DYNAMIC_CURRENT_ENV }): void;
  /** In a function a mini-program calls, WeChat always fills OPENID and APPID. */
  export function getWXContext(): { OPENID: string; APPID: string; UNIONID?: string; ENV: string; SOURCE: string };
}

declare function App<T extends object>(options: T & ThisType<T>): void;
declare const wx: {
  cloud: {
    init(options?: { env?: string }): void;
    // miniprogram-api-typings types `result` loosely (an object of any members, or a string); a
    // JavaScript mini-program gets no checking here either.
    callFunction(options: { name: string; data?: object }): Promise<{ result: any }>;
  };
};

// A page's setData, and getApp() as the README's app.js makes it (with `iot`, a Client).
declare function Page<T extends object>(options: T & ThisType<T & { setData(data: { [key: string]: unknown }): void }>): void;
declare function getApp(): { iot: import('iot-explorer-app').Client };

// Tencent's SmartConfig plugin, as far as officialPluginHost's usePlugin takes it.
declare module 'qcloud-iotexplorer-appdev-plugin-wificonf-smartconfig' {
  const plugin: { install(host: import('iot-explorer-app/provisioning').OfficialPluginHost, options?: unknown): void };
  export = plugin;
}
