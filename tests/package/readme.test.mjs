// Runs the README's code examples (the blocks after `<!-- example: NAME -->`) unchanged against
// the emulator, importing the package by name.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createServerClient } from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = Object.fromEntries(
  [...readme.matchAll(/<!-- example: ([\w-]+) -->\n```js\n([\s\S]*?)```/g)].map(([, name, code]) => [name, code]),
);

let emulator;
let backend;
test.before(async () => {
  emulator = await startEmulator();
  const signer = createServerClient({ appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, endpoint: emulator.endpoint });
  backend = createServer(async (req, res) => {
    const { Token, ExpireAt } = await signer.getTokenByWeiXin({ WxOpenID: 'o-readme-web', NickName: 'Web', Avatar: 'https://a/b.png' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Token, ExpireAt }));
  });
  await new Promise((r) => backend.listen(0, '127.0.0.1', r));
});
test.after(async () => {
  backend.closeAllConnections();
  backend.close();
  await emulator.close();
});

/**
 * Runs `code` as a file next to this test (so `iot-explorer-app` resolves by name), with the
 * environment `make emulator` tells users to export, and `wx-server-sdk` as its stand-in.
 */
async function run(name, code, ext, env = {}) {
  const file = `${here}.readme-${name}.${ext}`;
  writeFileSync(file, code);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', `${here}readme-preload.mjs`, file], {
      cwd: here,
      timeout: 20000,
      env: {
        ...process.env,
        IOT_EXPLORER_ENDPOINT: emulator.endpoint,
        IOT_EXPLORER_APP_KEY: DEMO_APP_KEY,
        IOT_EXPLORER_APP_SECRET: DEMO_APP_SECRET,
        BACKEND_URL: `http://127.0.0.1:${backend.address().port}`,
        NODE_PATH: `${here}stand-ins`,
        ...env,
      },
    });
    return stdout;
  } finally {
    rmSync(file, { force: true });
  }
}

test('the README has the examples this test runs', () => {
  // The mini-program ones run in the sandbox: tests/miniprogram/readme-example.test.mjs, provisioning-recipes.test.mjs.
  assert.deepEqual(Object.keys(examples).sort(), [
    'add-device', 'app-client', 'ble-combo-miniprogram', 'cloud-function', 'family-life', 'miniprogram', 'push', 'sans-io', 'smart-home', 'softap-miniprogram',
  ]);
});

test('cloud function example logs a WeChat user in, with the OpenID WeChat vouches for', async () => {
  // What a cloud function gets: the caller's data plus userInfo in `event`, the runtime's facts in
  // `context` (no OpenID), and the caller's identity in the environment (wx-server-sdk reads it).
  const event = { userInfo: { appId: 'wx-readme', openId: 'o-readme-cf' } }; // no nickName given
  const context = { request_id: 'req-1', function_name: 'login', function_version: '$LATEST', namespace: 'env-1', memory_limit_in_mb: 256, time_limit_in_ms: 3000 };
  const driver = `\nexports.main(${JSON.stringify(event)}, ${JSON.stringify(context)}).then((r) => console.log(JSON.stringify(r)));\n`;
  const env = { WX_OPENID: 'o-readme-cf', WX_APPID: 'wx-readme', TCB_ENV: 'env-1', TCB_SOURCE: 'wx_client' };
  const out = JSON.parse(await run('cloud-function', examples['cloud-function'] + driver, 'cjs', env));
  assert.match(out.Token, /^[0-9a-f]{48}$/);
  assert.ok(out.ExpireAt > Date.now() / 1000);
  const user = [...emulator.world.users.values()].find((u) => u.WxOpenID === 'o-readme-cf');
  assert.equal(user.NickName, '微信用户', 'a user who gave no name');
});

test('app-side example lists the family and switches the light on', async () => {
  const out = await run('app-client', examples['app-client'], 'mjs');
  assert.match(out, /^switched on 客厅灯$/m);
  assert.doesNotMatch(out, /Kitchen plug/, 'the plug was on already');
  const light = [...emulator.world.devices.values()].find((d) => d.ProductId === 'LIGHT0PROD' && d.props.power_switch.Value === 1);
  assert.ok(light, 'the emulator saw the control');
});

test('push example receives the report of the light', async () => {
  const out = await run('push', examples.push, 'mjs');
  assert.match(out, /LIGHT0PROD\/living_room_light_\w+ reported \{"power_switch":1\}/);
});

test('add-device example adds a light with the simulated device, draws its panel, checks a control', async () => {
  const out = await run('add-device', examples['add-device'], 'mjs');
  const id = /^added (LIGHT0PROD\/\S+)$/m.exec(out);
  assert.ok(id, out);
  assert.match(out, /^亮度 \[int\] = 0$/m);
  assert.match(out, /^颜色 \[enum\] = 0$/m);
  assert.match(out, /^InvalidInput brightness: brightness must be at most 100$/m);
  const device = emulator.world.devices.get(id[1]);
  assert.deepEqual([device.props.power_switch.Value, device.props.brightness.Value], [1, 80]);
  assert.equal(emulator.world.families.get(device.FamilyId).Rooms.get(device.RoomId).RoomName, '书房');
});

test('sans-IO example builds, sends and parses a login', async () => {
  const out = await run('sans-io', examples['sans-io'], 'mjs');
  assert.match(out, /^token valid until \d{4}-\d\d-\d\dT/m);
});

test('family-life example: members, sharing, a timer, history, an action and a firmware upgrade between two users', async () => {
  const out = await run('family-life', examples['family-life'], 'mjs');
  assert.match(out, /^member Alice role 1$/m);
  assert.match(out, /^member Bob role 0$/m);
  assert.match(out, /^shared with Bob$/m);
  assert.match(out, /^timers: 07:00 0111110$/m);
  assert.match(out, /^24 temperature readings$/m);
  assert.match(out, /^light_blink answered \{"err_code":0\}$/m);
  assert.match(out, /^firmware 6 100%$/m);
  assert.match(out, /^firmware now 1\.1\.0$/m);
  const alice = [...emulator.world.users.values()].find((u) => u.WxOpenID === 'o-readme-alice');
  const light = [...emulator.world.devices.values()].find((d) => d.UserID === alice.UserID && d.ProductId === 'LIGHT0PROD');
  assert.equal(light.firmwareVersion, '1.1.0');
  assert.equal(emulator.world.shares.get(`${light.ProductId}/${light.DeviceName}`).size, 0, 'the share was removed');
  // Run again (the same users): the firmware is the newest already, and the recipe says so.
  const again = await run('family-life', examples['family-life'], 'mjs');
  assert.match(again, /^firmware already the newest$/m);
  assert.doesNotMatch(again, /undefined/);
});

test('smart-home example: an invitation accepted from the message center, a scene run, an automation fired by the sensor, the log and the notice', async () => {
  let ended = false;
  const running = run('smart-home', examples['smart-home'], 'mjs').finally(() => (ended = true));
  // The sensor reports 28 once the example's automation exists (a real one reports by itself).
  let automation;
  while (!automation && !ended) {
    automation = [...emulator.world.automations.values()].find((a) => a.Name === 'Cool down');
    await new Promise((r) => setTimeout(r, 20));
  }
  if (automation) {
    const { ProductId, DeviceName } = automation.Conditions[0].Property;
    emulator.push.report(`${ProductId}/${DeviceName}`, { temperature: 28 });
  }
  const out = await running;
  assert.match(out, /^Bob joined Alice's family$/m);
  assert.match(out, /^scene Good night: 4 actions$/m);
  assert.match(out, /^the plug switched itself on$/m);
  assert.match(out, /^when temperature gt 26$/m);
  assert.match(out, /^ran Cool down: ok\nran Good night: ok$/m);
  assert.match(out, /^Bob's notice: Good night$/m);
});
