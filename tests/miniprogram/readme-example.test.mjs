// The README's mini-program example (`<!-- example: miniprogram -->`), run unchanged as app.js in
// the sandbox: App() and wx.cloud.callFunction are provided, and requests to the official host
// are sent to the emulator instead.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudFunction } from './cloud-function.mjs';
import { emulatorAndProject } from './fixture.mjs';
import { createSandbox } from './sandbox.mjs';

const OFFICIAL = 'https://iot.cloud.tencent.com/api/exploreropen';
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const example = /<!-- example: miniprogram -->\n```js\n([\s\S]*?)```/.exec(readme)[1];

test('the README mini-program example: pages use getApp().iot at once; it logs in through the cloud function', { timeout: 20000 }, async (t) => {
  const { emulator, root } = await emulatorAndProject(t);
  const sb = createSandbox({ root, domains: [emulator.url] });
  const request = sb.wx.request;
  sb.wx.request = (options) => request({ ...options, url: options.url.replace(OFFICIAL, emulator.endpoint) });
  const login = cloudFunction(emulator.endpoint, 'o-readme-mp', '小程序用户');
  // wx.cloud as WeChat has it: callFunction fails until wx.cloud.init() has been called.
  let cloudReady = false;
  sb.wx.cloud = {
    init: () => void (cloudReady = true),
    callFunction: ({ name }) => {
      if (!cloudReady) return Promise.reject(new Error('cloud.callFunction:fail please call wx.cloud.init first'));
      return name === 'login' ? login.getAccessToken().then((result) => ({ result })) : Promise.reject(new Error(name));
    },
  };
  let app;
  const logs = [];
  sb.evaluate('globalThis').App = (config) => (app = config);
  sb.evaluate('globalThis').getApp = () => app;
  sb.evaluate('globalThis').console = { log: (...a) => logs.push(a.join(' ')), error: console.error, warn: console.warn };

  writeFileSync(join(root, 'app.js'), example);
  sb.require('/app.js');
  assert.equal(sb.instantiated.length, 0, 'the wasm is still loading'); // WXWebAssembly answers later
  // WeChat runs App's onLaunch, then the first page's onLoad, without waiting for either.
  const launched = app.onLaunch();
  const { iot } = sb.evaluate('getApp()');
  const families = await iot.getFamilyList();
  await launched;
  assert.deepEqual(logs, ['hello 小程序用户']);
  assert.equal(families.FamilyList.length, 1);
  assert.equal(login.grants.length, 1, 'one login shared by the two first calls');
  assert.ok(sb.requests.length >= 2);
  assert.ok(sb.requests.every((r) => r.url.startsWith(emulator.endpoint) && r.dataType === 'text'));
});

test('the README mini-program section covers what a real app needs', () => {
  const start = readme.indexOf('### WeChat mini-program');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 4));
  assert.match(section, /socket 合法域名 \| `wss:\/\/iot\.cloud\.tencent\.com`/, 'push needs the socket domain');
  assert.match(section, /request 合法域名 \| `https:\/\/iot\.cloud\.tencent\.com`/);
  assert.match(example, /wx\.cloud\.init\(\)[\s\S]*this\.iot\.getUser\(\)/, 'wx.cloud.init() before the first call');
  for (const framework of ['Taro', 'uni-app']) {
    assert.match(section, new RegExp(`${framework}:[^\\n]*(\\n  [^\\n]*)*wasmPath`), `where the .wasm.br goes with ${framework}`);
  }
});
