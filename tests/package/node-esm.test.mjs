// The package as an ESM user gets it: import … from 'iot-explorer-app' (the same instance as require).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import init, { createServerClient, createClient, signParams, IotExplorerError } from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const require = createRequire(import.meta.url);

test('ESM and CommonJS share one module instance and one error class', async () => {
  await init();
  const cjs = require('iot-explorer-app');
  assert.equal(IotExplorerError, cjs.IotExplorerError);
  assert.equal(signParams, cjs.signParams);
});

test('signParams reproduces the official worked example', () => {
  const out = signParams(
    { Action: 'ServiceDescribeDeviceData', ProductId: 'ProductA', DeviceName: 'Device001',
      RequestId: '476c990a-f5b7-1575-987c-4ef70e474932', Timestamp: 1546315200, Nonce: 71087795, AppKey: 'ServiceAppKey' },
    'ServiceAppSecret',
  );
  assert.equal(out.signature, 'P206d+JzP37FLKBDkD689wqnl4k=');
});

test('login and token calls against the emulator, documented envelope', async (t) => {
  const emulator = await startEmulator({ envelope: 'documented' });
  t.after(() => emulator.close());
  const server = createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  const grant = await server.getTokenByWeiXin({ WxOpenID: 'o-esm', NickName: 'Esm', Avatar: 'https://a/b.png' });
  const client = createClient({ getAccessToken: async () => grant, endpoint: emulator.endpoint });
  const families = await client.call('AppGetFamilyList', { Offset: 0, Limit: 10 });
  assert.equal(families.Total, 1);
  assert.equal(families.FamilyList[0].Role, 1);
});
