// A Taro / uni-app style TypeScript project: `moduleResolution: "node"` (node10), which reads no
// `exports` map. Compiled by types.test.mjs; both entry points must have types.
import { createClient, init, type Client } from 'iot-explorer-app/miniprogram';
import { signParams } from 'iot-explorer-app';
import { init as initInline } from 'iot-explorer-app/inline';

export async function start(): Promise<Client> {
  await init({ wasmPath: '/wasm/iot_explorer_app_bg.wasm.br' });
  void signParams;
  void initInline;
  return createClient({ getAccessToken: async () => ({ Token: 't' }) });
}
