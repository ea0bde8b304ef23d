// Tencent's provisioning plugins (qcloud-iotexplorer-appdev-plugin-wificonf-*) on this SDK's
// client, for the encodings this package does not speak (SmartConfig, AirKiss, SimpleConfig).
// A plugin installs itself on a host (the official SDK's instance) and uses three things of it:
// `plugins`, a `reporter` and `requestApi`. The host below gives it those over a client; the
// plugin polls the token and binds the device itself, so its provision tells addDeviceWithToken
// not to bind again.
import type { ApiResponse, JsonValue } from '../types.js';
import { abortable, IotExplorerError, invalidOption } from './errors.js';
import type { Provision } from './softap-provisioner.js';

type Params = { [key: string]: JsonValue | undefined };

export interface OfficialPluginReporter {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** What a plugin's install(sdk) gets as `sdk`. */
export interface OfficialPluginHost {
  plugins: { [name: string]: { start(options: { [key: string]: unknown }): unknown } };
  reporter: OfficialPluginReporter;
  /** The official SDK's requestApi: fields at the top, failures as plain { code, msg, reqId } objects. */
  requestApi(action: string, payload?: Params, options?: { isTokenApi?: boolean }): Promise<{ [key: string]: JsonValue | undefined }>;
  usePlugin(plugin: { install(host: OfficialPluginHost, options?: unknown): void }, options?: unknown): void;
}

/** The client calls the host makes (a Client is one). */
export interface PluginHostClient {
  call(action: string, params?: Params): Promise<ApiResponse>;
  defaultFamilyId(): Promise<string>;
}

const quiet: OfficialPluginReporter = { info() {}, warn() {}, error() {} };

export function officialPluginHost(client: PluginHostClient, options: { reporter?: Partial<OfficialPluginReporter> } = {}): OfficialPluginHost {
  if (!client || typeof client.call !== 'function') throw invalidOption('client', 'officialPluginHost needs a client of this SDK');
  const host: OfficialPluginHost = {
    plugins: {},
    reporter: { ...quiet, ...options.reporter },
    async requestApi(action, payload = {}) {
      const params: Params = { ...payload };
      // The plugins' defaults: the family 'default' (the user's first) and no room as ''.
      if (params.FamilyId === 'default') params.FamilyId = await client.defaultFamilyId().catch(plainError);
      if (params.RoomId === '' || params.RoomId === null) delete params.RoomId;
      for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
      const response = await client.call(action, params).catch(plainError);
      const data = response.Data;
      return data && typeof data === 'object' && !Array.isArray(data) ? { ...data, ...response } : response;
    },
    usePlugin(plugin, pluginOptions) {
      plugin.install(host, pluginOptions);
    },
  };
  return host;
}

/**
 * A provision that runs plugin `name` (e.g. 'wifiConfSmartConfig') with `options` (its own:
 * wifiConfType, targetWifiInfo…) and the token, family and room of addDeviceWithToken.
 */
export function officialPluginProvision(host: OfficialPluginHost, name: string, options: { [key: string]: unknown } = {}): Provision {
  return (token, context = {}) => {
    const plugin = host.plugins[name];
    if (!plugin || typeof plugin.start !== 'function') {
      return Promise.reject(invalidOption('name', `no plugin ${name} is installed on this host (host.usePlugin(Plugin))`));
    }
    const done = new Promise<{ ProductId: string; DeviceName: string; bound: true }>((resolve, reject) => {
      Promise.resolve(
        plugin.start({
          ...options,
          wifiConfToken: token,
          familyId: context.FamilyId || 'default',
          roomId: context.RoomId || '',
          onComplete: ({ productId, deviceName }: { productId: string; deviceName: string }) =>
            resolve({ ProductId: productId, DeviceName: deviceName, bound: true }),
          onError: (failure: unknown) => reject(pluginError(failure)),
        }),
      ).catch((e: unknown) => reject(pluginError(e)));
    });
    // The plugins cannot be stopped: a cancel leaves this promise, the plugin runs on.
    return abortable(done, context.signal, `plugin ${name}`);
  };
}

/** What the official SDK's requestApi rejects with. */
function plainError(e: unknown): never {
  const error = e as IotExplorerError;
  const offline = error.kind === 'Transport' || error.kind === 'Timeout';
  throw {
    code: error.code || error.kind,
    msg: error.message,
    reqId: error.requestId || undefined,
    // The plugins' tryRequest tells a phone with no network by this.
    ...(offline ? { errMsg: error.errMsg || `request:fail ${error.message}` } : {}),
  };
}

/** A plugin's { code: 'WIFI_CONF_FAIL', detail: { error } } as an IotExplorerError of the inner code. */
function pluginError(failure: unknown): IotExplorerError {
  const outer = (failure || {}) as { code?: unknown; detail?: { error?: unknown } };
  const inner = (outer.detail && outer.detail.error) || failure;
  const { code, uiMsg, msg, message } = (inner || {}) as { code?: unknown; uiMsg?: unknown; msg?: unknown; message?: unknown };
  const text = [uiMsg, msg, message].find((t) => typeof t === 'string' && t) as string | undefined;
  const codeText = typeof code === 'string' ? code : typeof outer.code === 'string' ? outer.code : 'PluginError';
  return new IotExplorerError(text ? `${codeText}: ${text}` : codeText, { kind: 'Transport', code: codeText, retryable: true, cause: failure });
}
