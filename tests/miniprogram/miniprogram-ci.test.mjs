// The real 构建 npm (miniprogram-ci packNpmManually) on the packed package, in a minimal
// mini-program project, then the output it writes run in the sandbox against the emulator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ci from 'miniprogram-ci';
import { startEmulator } from '../../emulator/server.mjs';
import { cloudFunction } from './cloud-function.mjs';
import { MINIPROGRAM_FILES, PACKAGE_NAME, REPO, createSandbox } from './sandbox.mjs';

let emulator;
let project;
let packResult;
const miniprogramRoot = () => join(project, 'miniprogram');
const built = () => join(miniprogramRoot(), 'miniprogram_npm', PACKAGE_NAME);

function write(file, content) {
  mkdirSync(dirname(join(project, file)), { recursive: true });
  writeFileSync(join(project, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

before(async () => {
  emulator = await startEmulator();
  project = mkdtempSync(join(tmpdir(), 'mp-ci-'));
  write('project.config.json', {
    appid: 'touristappid',
    projectname: 'iot-explorer-app-ci',
    compileType: 'miniprogram',
    miniprogramRoot: 'miniprogram/',
    setting: {
      packNpmManually: true,
      packNpmRelationList: [{ packageJsonPath: './package.json', miniprogramNpmDistDir: './miniprogram/' }],
    },
  });
  write('miniprogram/app.js', 'App({});\n');
  write('miniprogram/app.json', { pages: ['pages/index/index'] });
  write('miniprogram/pages/index/index.js', 'Page({});\n');
  write('miniprogram/pages/index/index.wxml', '<view>iot-explorer-app</view>\n');

  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', join(REPO, 'pkg'), '--json', '--pack-destination', project], { encoding: 'utf8' }),
  );
  write('package.json', { name: 'mp-ci-project', version: '1.0.0', private: true, dependencies: { [PACKAGE_NAME]: `file:./${filename}` } });
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'pipe' });

  packResult = await ci.packNpmManually({
    packageJsonPath: join(project, 'package.json'),
    miniprogramNpmDistDir: miniprogramRoot(),
  });
});

after(async () => {
  await emulator?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

test('构建 npm copies miniprogram_dist verbatim, .wasm.br included', { timeout: 60000 }, () => {
  assert.deepEqual(packResult, { miniProgramPackNum: 1, otherNpmPackNum: 0, warnList: [] });
  assert.deepEqual(readdirSync(built()).sort(), MINIPROGRAM_FILES);
  for (const file of MINIPROGRAM_FILES) {
    assert.ok(readFileSync(join(built(), file)).equals(readFileSync(join(REPO, 'pkg', 'miniprogram_dist', file))), file);
  }
});

test('what 构建 npm wrote logs in and calls AppGetUser in the sandbox', { timeout: 20000 }, async () => {
  const sb = createSandbox({ root: miniprogramRoot(), domains: [emulator.url] });
  const app = sb.require(PACKAGE_NAME);
  await app.init();
  const login = cloudFunction(emulator.endpoint, 'o-miniprogram-ci', 'built by ci');
  const client = app.createClient({ getAccessToken: login.getAccessToken, endpoint: emulator.endpoint });
  assert.equal((await client.call('AppGetUser')).Data.NickName, 'built by ci');
  assert.equal(sb.requests.length, 1);
});
