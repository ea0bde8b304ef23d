#!/usr/bin/env node
// Assembles the npm package in pkg/ from pkg-template/ and the wasm build in target/wasm/
// (scripts/build-wasm.sh), then prints the sizes of what each runtime loads.
import { build, transform } from 'esbuild';
import { minify } from 'terser';
import { TERSER_OPTIONS } from './terser-options.mjs';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const template = join(root, 'pkg-template');
const out = join(root, 'pkg');
const wasmDir = join(root, 'target', 'wasm');
const wasmName = 'iot_explorer_app_bg.wasm';
const NODE_WASM = 'iot_explorer_app_node.wasm';

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'dist'), { recursive: true });
mkdirSync(join(out, 'miniprogram_dist'), { recursive: true });

const common = {
  bundle: true,
  logLevel: 'warning',
  alias: { 'iot-explorer-app-glue': join(wasmDir, 'iot_explorer_app_bg.js') },
  legalComments: 'none',
};
const entry = (name) => join(template, 'src', 'entries', `${name}.ts`);

await build({ ...common, entryPoints: [entry('node')], outfile: join(out, 'dist', 'node.cjs'), format: 'cjs', platform: 'node', target: 'node18', external: ['ws'] });
const browser = { ...common, entryPoints: [entry('browser')], format: 'esm', platform: 'browser', target: 'es2020' };
await build({ ...browser, outfile: join(out, 'dist', 'browser.js'), alias: { ...common.alias, 'iot-explorer-app-default-wasm': entry('wasm-url') } });
await build({
  ...browser,
  outfile: join(out, 'dist', 'browser-inline.js'),
  alias: { ...common.alias, 'iot-explorer-app-default-wasm': entry('wasm-inline'), 'iot-explorer-app-wasm-base64': join(wasmDir, wasmName) },
  loader: { '.wasm': 'base64' },
});
const miniprogram = await build({
  ...common,
  entryPoints: [entry('miniprogram')],
  outfile: join(out, 'miniprogram_dist', 'index.js'),
  write: false,
  format: 'cjs',
  platform: 'neutral',
  mainFields: ['main'],
  // What base library 2.30+ runs on (miniprogram-compat's browserslist: Chrome 86, iOS 13):
  // iOS 13.0's JavaScriptCore has no ?? or ?. (ES2020), which esbuild lowers; object spread,
  // async iteration and the rest of ES2019 (Safari 12) stay as written: lowering them to
  // ES2017 cost 1.9 KB. The glue's TextEncoder/TextDecoder come from text-codec.js.
  target: 'es2019',
  inject: [entry('text-codec')],
  // The code package counts index.js's raw bytes: it ships minified, with its map beside it
  // for stack traces (WeChat uploads no .map file: it is not on the upload whitelist).
  minify: true,
  sourcemap: 'external',
});
const miniprogramIndex = await writeMiniprogramIndex(miniprogram.outputFiles);

// iot-explorer-app/provisioning: its own files, so that an app that never provisions loads none
// of it. It takes IotExplorerError from the main entry (one class for `instanceof`).
const mainEntry = (path) => ({
  name: 'main-entry',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/errors\.js$/ }, (args) => (args.importer.includes(`${join('src', 'provisioning')}`) ? { path, external: true } : undefined));
  },
});
const provisioningEntry = (name) => join(template, 'src', 'entries', `provisioning-${name}.ts`);
await build({ ...common, entryPoints: [provisioningEntry('node')], outfile: join(out, 'dist', 'provisioning.cjs'), format: 'cjs', platform: 'node', target: 'node18', plugins: [mainEntry('./node.cjs')] });
const provisioningMp = await build({
  ...common,
  entryPoints: [provisioningEntry('miniprogram')],
  write: false,
  format: 'cjs',
  platform: 'neutral',
  mainFields: ['main'],
  target: 'es2019',
  minify: true,
  plugins: [mainEntry('./index.js')],
});
const provisioningMpCode = Buffer.from((await minify(provisioningMp.outputFiles[0].text, TERSER_OPTIONS)).code);
writeFileSync(join(out, 'miniprogram_dist', 'provisioning.js'), provisioningMpCode);

// terser after esbuild (scripts/terser-options.mjs), its map chained back to the sources
// through esbuild's. Returns what it wrote to index.js.
async function writeMiniprogramIndex(outputFiles) {
  const text = (suffix) => outputFiles.find((f) => f.path.endsWith(suffix)).text;
  const { code, map } = await minify(text('index.js'), {
    ...TERSER_OPTIONS,
    sourceMap: { content: text('index.js.map'), url: 'index.js.map', includeSources: true },
  });
  writeFileSync(join(out, 'miniprogram_dist', 'index.js'), code);
  writeFileSync(join(out, 'miniprogram_dist', 'index.js.map'), map);
  return Buffer.from(code);
}

const wasm = readFileSync(join(wasmDir, wasmName));
// The mini-program's wasm is the build without the AppSecret calls (scripts/build-wasm.sh
// miniprogram), run by the same glue.
const miniprogramWasm = readFileSync(join(root, 'target', 'wasm-miniprogram', wasmName));
const brotli = brotliCompressSync(miniprogramWasm); // quality 11, zlib's default
writeFileSync(join(out, 'dist', wasmName), wasm);
// Mini-programs load the brotli file (WXWebAssembly, base library ≥ 2.14.0): every file in
// miniprogram_dist/ counts against the code package limit, so the raw .wasm stays in dist/.
writeFileSync(join(out, 'miniprogram_dist', `${wasmName}.br`), brotli);
// The Node build loads the speed build (scripts/build-wasm.sh speed): same source and glue.
cpSync(join(root, 'target', 'wasm-node', wasmName), join(out, 'dist', NODE_WASM));
// ESM for Node re-exports the CommonJS build: one wasm instance, one IotExplorerError class.
const esmOf = (cjsFile, withDefault) => {
  const names = Object.keys(require(join(out, 'dist', cjsFile))).filter((n) => n !== 'default');
  return `import cjs from './${cjsFile}';\nexport const { ${names.join(', ')} } = cjs;\n${withDefault ? 'export default cjs.init;\n' : ''}`;
};
writeFileSync(join(out, 'dist', 'node.mjs'), esmOf('node.cjs', true));
writeFileSync(join(out, 'dist', 'provisioning.mjs'), esmOf('provisioning.cjs', false));

for (const f of ['package.json', 'LICENSE']) cpSync(join(template, f), join(out, f));
// The emulator, a Node-only entry (iot-explorer-app/emulator) and command (iot-explorer-emulator):
// its own folder, which no browser or mini-program build reaches.
cpSync(join(root, 'emulator'), join(out, 'emulator'), { recursive: true });
// The declarations, emitted from the glue's TypeScript in one compile (every entry exports the
// same API): one file, and the same as an ES module for `import` under moduleResolution
// node16/nodenext; and the provisioning entry's.
const [declarations, provisioningDeclarations] = require('dts-bundle-generator')
  .generateDtsBundle(
    [entry('browser'), provisioningEntry('node')].map((filePath) => ({ filePath, output: { noBanner: true, exportReferencedTypes: false } })),
    { preferredConfigPath: join(template, 'tsconfig.json') },
  )
  .map((text, i) => {
    const title = ['iot-explorer-app (all entry points: Node, browsers, WeChat mini-programs)', 'iot-explorer-app/provisioning (SoftAP and BLE combo; nodeUdp in Node only)'][i];
    return `// Types of ${title}, emitted from\n// its TypeScript sources. API payloads keep the App API's own PascalCase names; options are camelCase.\n${text}`;
  });
writeFileSync(join(out, 'index.d.ts'), declarations);
writeFileSync(join(out, 'index.d.mts'), declarations);
writeFileSync(join(out, 'provisioning.d.ts'), provisioningDeclarations);
cpSync(join(root, 'README.md'), join(out, 'README.md'));

// Sizes: what users download and ship.
const gz = (b) => gzipSync(b, { level: 9 }).length;
const sizeRow = (file, bytes) => [file, bytes.length, gz(bytes), brotliCompressSync(bytes).length];
const rows = [
  sizeRow(wasmName, wasm),
  [`${wasmName} (mini-program)`, miniprogramWasm.length, gz(miniprogramWasm), brotli.length],
];
for (const file of ['dist/node.cjs', 'dist/browser.js', 'dist/browser-inline.js']) {
  const code = readFileSync(join(out, file), 'utf8');
  const min = Buffer.from((await transform(code, { minify: true, format: file.endsWith('.js') ? 'esm' : 'cjs' })).code);
  rows.push(sizeRow(`${file} (min)`, min));
}
const mpJs = sizeRow('miniprogram_dist/index.js (as shipped)', miniprogramIndex); // minified already
rows.push(mpJs);
rows.push(sizeRow('miniprogram_dist/provisioning.js (as shipped)', provisioningMpCode));
const report = {
  files: rows.map(([file, raw, gzip, br]) => ({ file, raw, gzip, brotli: br })),
  miniprogramTotal: { 'wasm.br + index.js(as shipped, gzip)': brotli.length + mpJs[2] },
};
mkdirSync(join(root, 'target', 'package'), { recursive: true });
writeFileSync(join(root, 'target', 'package', 'sizes.json'), JSON.stringify(report, null, 1) + '\n');
console.log('package: pkg/ assembled; sizes in bytes');
console.log(['file'.padEnd(40), 'raw'.padStart(8), 'gzip'.padStart(8), 'brotli'.padStart(8)].join(' '));
for (const [file, raw, gzip, br] of rows) {
  console.log([file.padEnd(40), String(raw).padStart(8), String(gzip).padStart(8), String(br).padStart(8)].join(' '));
}
console.log(`mini-program ships: wasm.br + index.js(as shipped, gzip) = ${report.miniprogramTotal['wasm.br + index.js(as shipped, gzip)']} bytes`);
