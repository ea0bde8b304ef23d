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

test('the README mini-program example logs in through the cloud function and greets the user', { timeout: 20000 }, async (t) => {
  const { emulator, root } = await emulatorAndProject(t);
  const sb = createSandbox({ root, domains: [emulator.url] });
  const request = sb.wx.request;
  sb.wx.request = (options) => request({ ...options, url: options.url.replace(OFFICIAL, emulator.endpoint) });
  const login = cloudFunction(emulator.endpoint, 'o-readme-mp', '小程序用户');
  sb.wx.cloud = { callFunction: ({ name }) => (name === 'login' ? login.getAccessToken().then((result) => ({ result })) : Promise.reject(new Error(name))) };
  let app;
  const logs = [];
  sb.evaluate('globalThis').App = (config) => (app = config);
  sb.evaluate('globalThis').console = { log: (...a) => logs.push(a.join(' ')), error: console.error, warn: console.warn };

  writeFileSync(join(root, 'app.js'), example);
  sb.require('/app.js');
  await app.onLaunch();
  assert.deepEqual(logs, ['hello 小程序用户']);
  assert.equal(login.grants.length, 1);
  assert.ok(sb.requests.length >= 1);
  assert.ok(sb.requests.every((r) => r.url.startsWith(emulator.endpoint) && r.dataType === 'text'));
});
