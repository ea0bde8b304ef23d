// The example mini-program (www-demo/miniprogram/) as a user gets it: its npm built by the real
// 构建 npm (miniprogram-ci) from the packed package, its "login" cloud function run in Node with a
// stand-in wx-server-sdk, and its app and pages run in the mini-program sandbox against the
// emulator: log in, list the devices, switch the light, follow live pushes, log out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ci from 'miniprogram-ci';
import { until } from '../fixtures/until.mjs';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { MINIPROGRAM_FILES, PACKAGE_NAME, REPO, createSandbox } from './sandbox.mjs';
import { createWxSocket } from './wx-socket.mjs';

const EXAMPLE = join(REPO, 'www-demo', 'miniprogram');
let emulator;
let project;
const mp = () => join(project, 'miniprogram');

before(async () => {
  emulator = await startEmulator();
  project = mkdtempSync(join(tmpdir(), 'mp-example-'));
  cpSync(EXAMPLE, project, { recursive: true });
  // The package as npm would install it: the packed tarball instead of the registry's version.
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', join(REPO, 'pkg'), '--json', '--pack-destination', project], { encoding: 'utf8' }));
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  manifest.dependencies[PACKAGE_NAME] = `file:./${filename}`;
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'pipe' });
  const packed = await ci.packNpmManually({ packageJsonPath: join(project, 'package.json'), miniprogramNpmDistDir: mp() });
  assert.deepEqual(packed, { miniProgramPackNum: 1, otherNpmPackNum: 0, warnList: [] });
  // What the user edits to use the emulator: config.js's endpoint (its port is free here).
  const config = readFileSync(join(mp(), 'config.js'), 'utf8');
  assert.match(config, /endpoint: 'http:\/\/127\.0\.0\.1:8787\/api\/exploreropen'/, 'the example points at make emulator by default');
  writeFileSync(join(mp(), 'config.js'), config.replace('http://127.0.0.1:8787/api/exploreropen', emulator.endpoint));
});

after(async () => {
  await emulator?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The cloud function with its dependencies: the packed package, and the wx-server-sdk stand-in. */
function loginCloudFunction() {
  const dir = join(project, 'cloudfunctions', 'login');
  cpSync(join(project, 'node_modules', PACKAGE_NAME), join(dir, 'node_modules', PACKAGE_NAME), { recursive: true, dereference: true });
  cpSync(join(REPO, 'tests', 'package', 'stand-ins', 'wx-server-sdk'), join(dir, 'node_modules', 'wx-server-sdk'), { recursive: true });
  Object.assign(process.env, { IOT_EXPLORER_APP_KEY: DEMO_APP_KEY, IOT_EXPLORER_APP_SECRET: DEMO_APP_SECRET, IOT_EXPLORER_ENDPOINT: emulator.endpoint });
  return createRequire(join(dir, 'index.js'))('./index.js');
}

test('the example mini-program: login through the cloud function, devices with switches, live push, logout', { timeout: 60000 }, async () => {
  assert.deepEqual(readdirSync(join(mp(), 'miniprogram_npm', PACKAGE_NAME)).sort(), MINIPROGRAM_FILES);
  const cloudLogin = loginCloudFunction();
  const sb = createSandbox({ root: mp(), domains: [emulator.url] });
  const socket = createWxSocket();
  Object.assign(sb.wx, socket.api);
  const calls = [];
  let cloudReady = false;
  sb.wx.cloud = {
    init: () => void (cloudReady = true),
    callFunction: ({ name, data }) => {
      calls.push(JSON.parse(JSON.stringify({ name, data }))); // a host copy of the sandbox's object
      if (!cloudReady) return Promise.reject(new Error('cloud.callFunction:fail please call wx.cloud.init first'));
      // The runtime puts the caller's identity in the function's environment for each call.
      process.env.WX_OPENID = 'o-example-mp';
      return cloudLogin.main({ ...data, userInfo: { appId: 'wx-example', openId: 'o-example-mp' } }, { function_name: name }).then((result) => ({ result }));
    },
  };
  const redirects = [];
  sb.wx.redirectTo = ({ url }) => redirects.push(url);
  sb.wx.stopPullDownRefresh = () => {};
  // The app going to the background and back (the client listens once its push channel opens).
  const lifecycle = { hide: [], show: [] };
  sb.wx.onAppHide = (callback) => lifecycle.hide.push(callback);
  sb.wx.onAppShow = (callback) => lifecycle.show.push(callback);

  // The framework: App() and Page() register, getApp() answers, setData merges into data.
  let app = null;
  const pages = new Map();
  let loadingPage = null;
  const global = sb.evaluate('globalThis');
  global.App = (config) => (app = config);
  global.getApp = () => app;
  global.Page = (config) => pages.set(loadingPage, config);
  const openPage = (path) => {
    loadingPage = path;
    sb.require(`/${path}.js`);
    const config = pages.get(path);
    const page = { ...config, data: JSON.parse(JSON.stringify(config.data)), setData(patch) { Object.assign(this.data, patch); } };
    for (const [, handler] of readFileSync(join(mp(), `${path}.wxml`), 'utf8').matchAll(/bind\w+="(\w+)"/g)) {
      assert.equal(typeof page[handler], 'function', `${path}.wxml binds ${handler}`);
    }
    return page;
  };

  sb.require('/app.js');
  app.onLaunch();
  const login = openPage('pages/login/login');
  await login.onLoad();
  assert.deepEqual(redirects, [], 'nobody logged in yet');
  login.onNickName({ detail: { value: '示例用户' } });
  await login.login();
  assert.equal(login.data.error, '');
  assert.deepEqual(redirects, ['/pages/devices/devices']);
  assert.deepEqual(calls, [{ name: 'login', data: { nickName: '示例用户' } }]);

  const devices = openPage('pages/devices/devices');
  await devices.onLoad();
  assert.equal(devices.data.error, '');
  assert.equal(devices.data.user, '示例用户');
  assert.equal(devices.data.live, true);
  const byName = Object.fromEntries(devices.data.devices.map((d) => [d.name, d]));
  assert.equal(JSON.stringify(Object.keys(byName).sort()), JSON.stringify(['Bedroom sensor', 'Kitchen plug', '客厅灯']));
  assert.deepEqual([byName['Bedroom sensor'].online, byName['Bedroom sensor'].hasSwitch], [false, false], 'an offline sensor, no switch');
  const light = byName['客厅灯'];
  assert.deepEqual([light.online, light.hasSwitch, light.on], [true, true, false]);
  assert.equal(byName['Kitchen plug'].on, true);

  // The switch: a control, whose echo and report come back over the push channel.
  await devices.toggle({ currentTarget: { dataset: { id: light.id } }, detail: { value: true } });
  await until(() => devices.data.devices.find((d) => d.id === light.id).on === true, 'the light to show on');
  // A change made elsewhere (the device reports), and the device going offline.
  emulator.push.report(light.id, { power_switch: 0 });
  await until(() => devices.data.devices.find((d) => d.id === light.id).on === false, 'the report to switch it off');
  emulator.push.setOnline(light.id, false);
  await until(() => devices.data.devices.find((d) => d.id === light.id).online === false, 'the light to go offline');
  assert.equal(calls.length, 1, 'one login for everything');

  // Hidden, the push socket closes; the light reports meanwhile; shown again, the page catches up.
  lifecycle.hide.forEach((callback) => callback());
  await until(() => emulator.push.openSockets() === 0, 'the socket to close while hidden');
  emulator.push.report(light.id, { power_switch: 1 });
  lifecycle.show.forEach((callback) => callback());
  await until(() => devices.data.devices.find((d) => d.id === light.id).on === true, 'the report made while hidden');

  await devices.logout();
  assert.deepEqual(redirects, ['/pages/devices/devices', '/pages/login/login']);
  await until(() => emulator.push.openSockets() === 0, 'the push socket to close');
  const again = openPage('pages/login/login');
  await again.onLoad();
  assert.equal(redirects.length, 2, 'logged out: the login page stays');
  assert.ok(existsSync(join(mp(), 'app.json')));
});

test('the example installs from a checkout as it is (its dependency is ../../pkg, which make package assembles)', { timeout: 60000 }, () => {
  const manifest = JSON.parse(readFileSync(join(EXAMPLE, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies[PACKAGE_NAME], 'file:../../pkg');
  const out = execFileSync('npm', ['install', '--dry-run', '--offline', '--no-audit', '--no-fund'], { cwd: EXAMPLE, encoding: 'utf8' });
  assert.match(out, /add iot-explorer-app/);
});
