// `make emulator`: the emulator on its own, printing what a user needs to point code at it; the
// export lines it prints are then enough for the package to log in against it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient, createServerClient } from 'iot-explorer-app';

const repo = fileURLToPath(new URL('../../', import.meta.url));

test('make emulator prints the endpoint, AppKey, AppSecret and export lines that work', { timeout: 60000 }, async (t) => {
  const child = spawn('make', ['-s', 'emulator'], { cwd: repo, env: { ...process.env, EMULATOR_PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => {
    try {
      process.kill(-child.pid, 'SIGTERM'); // make and the emulator it started, by their group id
    } catch {
      // already gone
    }
  });
  let out = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (/export IOT_EXPLORER_APP_SECRET=.*\n/.test(out)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`make emulator exited (${code}):\n${out}`)));
  });
  const exported = Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map(([, k, v]) => [k, v]));
  assert.deepEqual(Object.keys(exported), ['IOT_EXPLORER_ENDPOINT', 'IOT_EXPLORER_APP_KEY', 'IOT_EXPLORER_APP_SECRET']);
  assert.match(exported.IOT_EXPLORER_ENDPOINT, /^http:\/\/127\.0\.0\.1:\d+\/api\/exploreropen$/);
  assert.match(out, new RegExp(`endpoint +${exported.IOT_EXPLORER_ENDPOINT}`));
  assert.match(out, new RegExp(`AppKey +${exported.IOT_EXPLORER_APP_KEY}\\n`));
  assert.match(out, new RegExp(`AppSecret +${exported.IOT_EXPLORER_APP_SECRET}\\n`));

  const server = createServerClient({ appKey: exported.IOT_EXPLORER_APP_KEY, appSecret: exported.IOT_EXPLORER_APP_SECRET, endpoint: exported.IOT_EXPLORER_ENDPOINT });
  const grant = await server.getTokenByWeiXin({ WxOpenID: 'o-make-emulator', NickName: 'Make' });
  const client = createClient({ getAccessToken: () => grant, endpoint: exported.IOT_EXPLORER_ENDPOINT });
  assert.equal((await client.getUser()).Data.NickName, 'Make');
});

test('the README says how to start the emulator and what to set', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync(new URL('README.md', `file://${repo}`), 'utf8');
  const section = readme.slice(readme.indexOf('## Use the emulator'), readme.indexOf('\n## ', readme.indexOf('## Use the emulator') + 3));
  assert.match(section, /make emulator/);
  for (const name of ['IOT_EXPLORER_ENDPOINT', 'IOT_EXPLORER_APP_KEY', 'IOT_EXPLORER_APP_SECRET', 'BACKEND_URL', 'wasmPath', '不校验合法域名']) {
    assert.ok(section.includes(name), `the section names ${name}`);
  }
});
