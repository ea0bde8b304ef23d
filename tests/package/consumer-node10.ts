// A Taro / uni-app style TypeScript project: `moduleResolution: "node"` (node10), which reads no
// `exports` map. Compiled by types.test.mjs; both entry points must have types.
import { createClient, init, type Client } from 'iot-explorer-app/miniprogram';
import { signParams } from 'iot-explorer-app';

export async function start(): Promise<Client> {
  await init({ wasmPath: '/wasm/iot_explorer_app_bg.wasm.br' });
  void signParams;
  return createClient({ getAccessToken: async () => ({ Token: 't' }) });
}
