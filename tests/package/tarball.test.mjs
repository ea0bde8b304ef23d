// `npm pack` of pkg/ holds exactly the whitelisted files.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../../pkg/', import.meta.url));

test('the tarball contains exactly the files of the whitelist', () => {
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: pkgDir, encoding: 'utf8' }));
  const files = report.files.map((f) => f.path).sort();
  // The emulator's own folder (iot-explorer-app/emulator), as it is in the repository.
  const emulator = readdirSync(fileURLToPath(new URL('../../emulator/', import.meta.url))).map((f) => `emulator/${f}`);
  assert.ok(emulator.includes('emulator/index.mjs') && emulator.includes('emulator/cli.mjs') && emulator.includes('emulator/index.d.ts'));
  assert.deepEqual(files.filter((f) => !f.startsWith('emulator/')), [
    'LICENSE',
    'README.md',
    'dist/browser-inline.js',
    'dist/browser.js',
    'dist/iot_explorer_app_bg.wasm',
    'dist/iot_explorer_app_node.wasm',
    'dist/node.cjs',
    'dist/node.mjs',
    'dist/provisioning.cjs',
    'dist/provisioning.mjs',
    'index.d.mts',
    'index.d.ts',
    'miniprogram_dist/index.js',
    'miniprogram_dist/index.js.map',
    'miniprogram_dist/iot_explorer_app_bg.wasm.br',
    'miniprogram_dist/provisioning.js',
    'package.json',
    'provisioning.d.ts',
  ]);
  assert.deepEqual(files.filter((f) => f.startsWith('emulator/')), emulator.sort());
});

test('the mini-program build parses as ES2019: iOS 13.0 JavaScriptCore has no ?? or ?.', async () => {
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('acorn');
  for (const file of ['index.js', 'provisioning.js']) {
    const code = readFileSync(new URL(`../../pkg/miniprogram_dist/${file}`, import.meta.url), 'utf8');
    assert.doesNotThrow(() => parse(code, { ecmaVersion: 2019, sourceType: 'script' }), file);
  }
  assert.throws(() => parse('a ?? b', { ecmaVersion: 2019 }), 'the check itself refuses ES2020');
});

test('the mini-program build uses no import.meta, fetch or WebAssembly global', async () => {
  const { readFileSync } = await import('node:fs');
  const code = readFileSync(new URL('../../pkg/miniprogram_dist/index.js', import.meta.url), 'utf8');
  assert.doesNotMatch(code, /import\.meta/);
  assert.doesNotMatch(code, /\bfetch\(/);
  assert.doesNotMatch(code, /(?<!WX)WebAssembly\./);
  assert.match(code, /WXWebAssembly\.instantiate/);
});

test('the mini-program index.js.map leads back to the sources through both minifiers', async () => {
  const { readFileSync } = await import('node:fs');
  const { SourceMap } = await import('node:module');
  const code = readFileSync(new URL('../../pkg/miniprogram_dist/index.js', import.meta.url), 'utf8');
  const map = JSON.parse(readFileSync(new URL('../../pkg/miniprogram_dist/index.js.map', import.meta.url), 'utf8'));
  assert.match(code, /\n\/\/# sourceMappingURL=index\.js\.map\n?$/);
  assert.equal(map.sourcesContent.length, map.sources.length, 'the map carries its sources (the paths do not exist where it is installed)');
  const sourceMap = new SourceMap(map);
  for (const text of ['WXWebAssembly.instantiate', 'wasmPath must be a path inside the code package', 'getRandomValues({']) {
    const at = code.indexOf(text);
    assert.ok(at > 0, `${text} is in index.js`);
    const lines = code.slice(0, at).split('\n');
    const entry = sourceMap.findEntry(lines.length - 1, lines.at(-1).length);
    const source = map.sourcesContent[map.sources.indexOf(entry.originalSource)];
    const line = source.split('\n')[entry.originalLine];
    assert.ok(line.slice(entry.originalColumn).includes(text.replace('({', '')), `${text} maps to ${entry.originalSource}:${entry.originalLine + 1}: ${line}`);
  }
});
