// A recognisable AppSecret and AccessToken go through every public function, the clients and the
// demo backend; neither may appear in an error, a console line, a serialised object or a log.
// (The secret only feeds the signature; the token only travels in tokenapi bodies.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import * as sdk from 'iot-explorer-app';
import { startEmulator } from '../../emulator/server.mjs';

const SECRET = 'SECRET-7f3a9c-DO-NOT-LEAK';
const APP_KEY = 'SecretTestAppKey';

test('the AppSecret and the AccessToken stay out of every output', async (t) => {
  const emulator = await startEmulator({ apps: { [APP_KEY]: SECRET } });
  const outputs = [];
  const tokenBodies = [];
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'];
  const originals = Object.fromEntries(consoleMethods.map((m) => [m, console[m]]));
  for (const m of consoleMethods) console[m] = (...args) => outputs.push(`console.${m}: ${args.map((a) => inspect(a)).join(' ')}`);
  t.after(async () => {
    Object.assign(console, originals);
    await emulator.close();
  });
  const keep = (label, value) => outputs.push(`${label}: ${typeof value === 'string' ? value : inspect(value, { depth: 6 })}`, `${label} json: ${JSON.stringify(value)}`);
  const expectError = async (label, run) => {
    try {
      await run();
      assert.fail(`${label} should fail`);
    } catch (e) {
      assert.ok(e instanceof sdk.IotExplorerError, `${label}: ${e}`);
      keep(label, e);
      outputs.push(`${label} stack: ${e.stack}`, `${label} string: ${String(e)}`);
    }
  };

  // Low-level functions.
  const signed = sdk.signParams({ Action: 'AppGetTokenByWeiXin', WxOpenID: 'o' }, SECRET);
  keep('signParams', signed);
  keep('buildAppApiRequest', sdk.buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, appKey: APP_KEY, appSecret: SECRET }));
  await expectError('signParams strict', () => sdk.signParams({ Bad: null }, SECRET));
  await expectError('signParams option', () => sdk.signParams({}, SECRET, { values: 'loose' }));
  await expectError('buildAppApiRequest nonce', () => sdk.buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: {}, appKey: APP_KEY, appSecret: SECRET, nonce: -1 }));

  // The server client: success, API errors, transport errors.
  const recorded = (inner) => async (req) => {
    if (req.url.endsWith('/tokenapi')) tokenBodies.push(req.body);
    else outputs.push(`appapi body: ${req.body}`);
    return inner(req);
  };
  const server = sdk.createServerClient({ appKey: APP_KEY, appSecret: SECRET, endpoint: emulator.endpoint, transport: recorded(sdk.fetchTransport()) });
  keep('server client', server);
  const grant = await server.getTokenByWeiXin({ WxOpenID: 'o-secret', NickName: 'n', Avatar: 'a' });
  keep('grant without token', { ...grant, Token: undefined });
  await expectError('server api error', () => server.getTokenByWeiXin({ WxOpenID: 'o', NickName: 'x'.repeat(40), Avatar: 'a' }));
  await expectError('server input error', () => server.getTokenByWeiXin({ WxOpenID: '', NickName: 'n', Avatar: 'a' }));
  const wrongKey = sdk.createServerClient({ appKey: 'Nope', appSecret: SECRET, endpoint: emulator.endpoint, retry: false });
  await expectError('unknown AppKey', () => wrongKey.getTokenByWeiXin({ WxOpenID: 'o', NickName: 'n', Avatar: 'a' }));
  const down = sdk.createServerClient({ appKey: APP_KEY, appSecret: SECRET, endpoint: 'http://127.0.0.1:1/api', retry: false });
  await expectError('transport error', () => down.getTokenByWeiXin({ WxOpenID: 'o', NickName: 'n', Avatar: 'a' }));

  // The app client with the token: success and errors.
  const client = sdk.createClient({ getAccessToken: async () => grant, endpoint: emulator.endpoint, transport: recorded(sdk.fetchTransport()) });
  keep('user', await client.getUser());
  keep('client', client);
  await expectError('client api error', () => client.getFamilyDeviceList({ FamilyId: 'nope' }));
  await expectError('client input error', () => client.getDeviceStatuses({ DeviceIds: [''] }));
  await client.logout();

  // The demo backend, configured like production through the environment.
  Object.assign(process.env, { IOT_EXPLORER_ENDPOINT: emulator.endpoint, IOT_EXPLORER_APP_KEY: APP_KEY, IOT_EXPLORER_APP_SECRET: SECRET });
  const { startDemo } = await import('../../www-demo/server.mjs');
  const demo = await startDemo({ port: 0, log: (line) => outputs.push(`demo log: ${line}`) });
  try {
    for (const NickName of ['n', 'x'.repeat(40)]) {
      const res = await fetch(`${demo.url}api/login`, { method: 'POST', body: JSON.stringify({ WxOpenID: 'o-demo-secret', NickName, Avatar: 'a' }) });
      outputs.push(`demo response: ${await res.text()}`);
    }
    outputs.push(`demo page: ${await (await fetch(demo.url)).text()}`, `demo config: ${await (await fetch(`${demo.url}api/config`)).text()}`);
  } finally {
    await demo.close();
    for (const k of ['IOT_EXPLORER_ENDPOINT', 'IOT_EXPLORER_APP_KEY', 'IOT_EXPLORER_APP_SECRET']) delete process.env[k];
  }

  assert.ok(outputs.length > 40, `${outputs.length} outputs checked`);
  for (const out of outputs) {
    assert.ok(!out.includes(SECRET), `AppSecret leaked: ${out.slice(0, 300)}`);
  }
  const tokens = new Set([grant.Token]);
  for (const out of outputs) {
    // The demo's own login responses carry the token it just obtained for the page, by design.
    if (out.startsWith('demo response:')) continue;
    for (const tok of tokens) assert.ok(!out.includes(tok), `AccessToken leaked: ${out.slice(0, 300)}`);
  }
  assert.ok(tokenBodies.length >= 3 && tokenBodies.every((b) => JSON.parse(b).AccessToken === grant.Token));
});
