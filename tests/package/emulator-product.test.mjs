// The emulator as an app developer gets it (issue 29, item 1): a scratch project that has only
// the packed package (with ws and vitest from npm) runs the README's node:test and Vitest examples
// unchanged, and `npx iot-explorer-emulator` prints the lines that point an app at it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const block = (name) => {
  const found = new RegExp(`<!-- scratch: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(found, `the README's ${name} example`);
  return found[1];
};
// The versions the repository's own dev dependencies pin (npm's cache already has them).
const dev = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies;

let project;
test.before(() => {
  project = mkdtempSync(join(tmpdir(), 'emulator-scratch-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-smart-home-app', private: true, type: 'module' }));
  const tarball = join(repo, 'target', 'package', readdirSync(join(repo, 'target', 'package')).find((f) => f.endsWith('.tgz')));
  const install = ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, `ws@${dev.ws}`, `vitest@${dev.vitest}`];
  execFileSync('npm', install, { cwd: project, stdio: 'pipe' });
});
test.after(() => rmSync(project, { recursive: true, force: true }));

test("the README's node:test example passes in a project of its own", { timeout: 60_000 }, () => {
  writeFileSync(join(project, 'light.test.mjs'), block('node-test'));
  // A test run of its own, not a child of this one (node --test tells its children through NODE_TEST_CONTEXT).
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const out = execFileSync(process.execPath, ['--test', '--test-reporter=tap', 'light.test.mjs'], { cwd: project, encoding: 'utf8', env });
  assert.match(out, /# pass 1\n# fail 0/);
});

test("the README's Vitest example passes in a project of its own", { timeout: 120_000 }, () => {
  writeFileSync(join(project, 'light.spec.mjs'), block('vitest'));
  const out = execFileSync(process.execPath, [join('node_modules', 'vitest', 'vitest.mjs'), 'run', 'light.spec.mjs'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
  });
  assert.match(out, /1 passed/);
});

test('npx iot-explorer-emulator prints the endpoint, keys and export lines', { timeout: 30_000 }, async (t) => {
  const child = spawn(join(project, 'node_modules', '.bin', 'iot-explorer-emulator'), ['--port', '0', '--quiet'], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill('SIGTERM'));
  let out = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (/export IOT_EXPLORER_APP_SECRET=.*\n/.test(out)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the command exited (${code}): ${out}`)));
  });
  assert.match(out, /^export IOT_EXPLORER_ENDPOINT=http:\/\/127\.0\.0\.1:\d+\/api\/exploreropen$/m);
  const endpoint = /^export IOT_EXPLORER_ENDPOINT=(.*)$/m.exec(out)[1];
  const answer = await fetch(`${endpoint}/tokenapi`, { method: 'POST', body: '{"Action":"AppGetUser","AccessToken":"x","RequestId":"r"}' });
  assert.match(await answer.text(), /InvalidAccessToken/);
});
