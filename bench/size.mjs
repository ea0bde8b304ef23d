// 4. Size: what this package ships (the wasm raw / gzip -9 / brotli 11, each entry's JS minified
// by esbuild then compressed, the mini-program's index.js as shipped, the mini-program total)
// next to the official mini-program SDK bundled with all its dependencies, and next to crypto-js
// (whole, and the two modules the official JS signs with), all minified by the same esbuild.
// The mini-program's index.js ships minified by terser after esbuild, so the official bundle is
// also measured minified that way.
import { build, transform } from 'esbuild';
import { minify } from 'terser';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from 'node:zlib';
import { loadPackage } from './load-package.mjs';
import { kb, ratio, table } from './format.mjs';
import { TERSER_OPTIONS } from '../scripts/terser-options.mjs';

const require = createRequire(import.meta.url);
const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (bytes, extra = {}) => ({ raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes), ...extra });

async function bundle(options) {
  const r = await build({ bundle: true, minify: true, write: false, logLevel: 'silent', legalComments: 'none', metafile: true, platform: 'browser', format: 'esm', ...options });
  const external = [...new Set(Object.values(r.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))];
  // A package's "browser" field can map a Node built-in to nothing: esbuild names it "(disabled):…".
  const disabled = Object.keys(r.metafile.inputs).filter((k) => k.startsWith('(disabled):')).map((k) => k.slice(11));
  return { bytes: Buffer.from(r.outputFiles[0].contents), inputs: Object.keys(r.metafile.inputs).length, external, disabled, warnings: r.warnings.map((w) => w.text) };
}

export async function run() {
  const { path } = loadPackage(); // …/bench/node_modules/iot-explorer-app/dist/node.cjs
  const root = join(dirname(path), '..');
  const wasmBytes = readFileSync(join(root, 'dist', 'iot_explorer_app_bg.wasm'));
  const wasm = sizes(wasmBytes);
  // What a mini-program ships: the build without the AppSecret calls, as brotli.
  const shippedBr = readFileSync(join(root, 'miniprogram_dist', 'iot_explorer_app_bg.wasm.br'));
  const miniprogramWasm = { ...sizes(brotliDecompressSync(shippedBr)), shippedBr: shippedBr.length };
  const js = {};
  // The Node build's wasm (built for speed; never downloaded by a browser or a mini-program).
  const nodeWasm = sizes(readFileSync(join(root, 'dist', 'iot_explorer_app_node.wasm')));
  for (const file of ['dist/node.cjs', 'dist/browser.js', 'dist/browser-inline.js']) {
    const code = readFileSync(join(root, file), 'utf8');
    const format = file.startsWith('dist/browser') ? 'esm' : 'cjs';
    const min = Buffer.from((await transform(code, { minify: true, format, legalComments: 'none' })).code);
    js[file] = { source: Buffer.byteLength(code), ...sizes(min) };
  }
  const shippedIndex = readFileSync(join(root, 'miniprogram_dist', 'index.js'));
  js['miniprogram_dist/index.js'] = { source: shippedIndex.length, ...sizes(shippedIndex) };
  const mpDir = join(root, 'miniprogram_dist');
  const ours = {
    wasm,
    miniprogramWasm,
    nodeWasm,
    js,
    miniProgramShips: miniprogramWasm.shippedBr + js['miniprogram_dist/index.js'].gzip, // wasm.br + index.js (as shipped, gzip)
    // What WeChat uploads of miniprogram_dist/: .js and whitelisted files; no .map.
    miniprogramDistOnDisk: readdirSync(mpDir).filter((f) => !f.endsWith('.map')).reduce((n, f) => n + statSync(join(mpDir, f)).size, 0),
    browserDownload: wasm.gzip + js['dist/browser.js'].gzip, // served with gzip
  };

  const sdkDir = dirname(require.resolve('qcloud-iotexplorer-appdev-sdk/package.json'));
  const sdkPkg = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
  const stdin = (contents) => ({ stdin: { contents, resolveDir: dirname(new URL(import.meta.url).pathname), loader: 'js' } });
  const sdkEsmName = `official SDK ${sdkPkg.version} (module entry, esm)`;
  const builds = {
    [sdkEsmName]: await bundle({ entryPoints: [join(sdkDir, sdkPkg.module)] }),
    [`official SDK ${sdkPkg.version} (main entry, cjs)`]: await bundle({ entryPoints: [join(sdkDir, sdkPkg.main)], format: 'cjs' }),
    'crypto-js (crypto-js/crypto-js.js, whole)': await bundle({ entryPoints: [require.resolve('crypto-js/crypto-js.js')], format: 'cjs' }),
    'crypto-js hmac-sha1 + enc-base64': await bundle(stdin("export { default as HmacSHA1 } from 'crypto-js/hmac-sha1';\nexport { default as Base64 } from 'crypto-js/enc-base64';")),
    'jssha/sha1': await bundle(stdin("export { default } from 'jssha/sha1';")),
  };
  const others = Object.fromEntries(Object.entries(builds).map(([k, b]) => [k, sizes(b.bytes, { modules: b.inputs, external: b.external, disabled: b.disabled, warnings: b.warnings })]));

  const sdkEsm = others[sdkEsmName];
  const sdkEsmTerser = sizes(Buffer.from((await minify(builds[sdkEsmName].bytes.toString(), { ...TERSER_OPTIONS, module: true })).code), { modules: sdkEsm.modules });
  const hmac = others['crypto-js hmac-sha1 + enc-base64'];
  const rows = [
    ['ours iot_explorer_app_bg.wasm (browsers)', '', wasm.raw, wasm.gzip, wasm.brotli],
    ['ours iot_explorer_app_bg.wasm.br (mini-programs: no AppSecret calls)', '', miniprogramWasm.raw, miniprogramWasm.gzip, miniprogramWasm.brotli],
    ['ours iot_explorer_app_node.wasm (Node)', '', nodeWasm.raw, nodeWasm.gzip, nodeWasm.brotli],
    ...Object.entries(js).map(([f, s]) => [`ours ${f} (${f.startsWith('mini') ? 'as shipped: esbuild, then terser' : 'min'})`, '', s.raw, s.gzip, s.brotli]),
    ...Object.entries(others).map(([k, s]) => [`${k} (bundle, min)`, s.modules, s.raw, s.gzip, s.brotli]),
    [`${sdkEsmName} (bundle, min, then terser as ours)`, sdkEsmTerser.modules, sdkEsmTerser.raw, sdkEsmTerser.gzip, sdkEsmTerser.brotli],
  ].map(([name, modules, ...n]) => [name, modules, ...n.map(kb)]);
  const notes = Object.entries(others)
    .filter(([, s]) => s.external.length || s.disabled.length || s.warnings.length)
    .map(([k, s]) => `  ${k}: ${[
      s.external.length ? `left external: ${s.external.join(', ')}` : '',
      s.disabled.length ? `Node built-in mapped to an empty module by the package's "browser" field: ${s.disabled.join(', ')}` : '',
      ...s.warnings,
    ].filter(Boolean).join('; ')}`);
  const text = [
    table(['size (esbuild --minify; gzip -9; brotli 11)', 'modules', 'raw', 'gzip', 'brotli'], rows),
    'bundles: esbuild --bundle --minify --platform=browser, nothing marked external',
    ...notes,
    `mini-program ships wasm.br + index.js (as shipped, gzip) = ${kb(ours.miniProgramShips)}; official SDK bundle (min, gzip) = ${kb(sdkEsm.gzip)}: ours/official = ${ratio(ours.miniProgramShips, sdkEsm.gzip)} (above 1: ours is larger); official SDK bundle minified as ours (esbuild, then terser) = ${kb(sdkEsmTerser.gzip)}: ours/official = ${ratio(ours.miniProgramShips, sdkEsmTerser.gzip)}`,
    `code package (what counts against WeChat's size limit): miniprogram_dist/ as 构建 npm copies it and WeChat uploads it, index.js (minified) + .wasm.br (index.js.map stays local: .map is not on the upload whitelist) = ${kb(ours.miniprogramDistOnDisk)}; official SDK bundle, minified, uncompressed = ${kb(sdkEsm.raw)}: ours/official = ${ratio(ours.miniprogramDistOnDisk, sdkEsm.raw)}`,
    `browser downloads wasm (gzip) + browser.js (min, gzip) = ${kb(ours.browserDownload)}; crypto-js HmacSHA1+Base64 (min, gzip) = ${kb(hmac.gzip)}: ours/crypto-js = ${ratio(ours.browserDownload, hmac.gzip)}; iot-explorer-app/inline: browser-inline.js (min, gzip) = ${kb(js['dist/browser-inline.js'].gzip)}, one request`,
  ].join('\n');
  const ratios = {
    'mini-program total / official SDK (min, gzip)': ours.miniProgramShips / sdkEsm.gzip,
    'mini-program total / official SDK (min as ours: esbuild then terser, gzip)': ours.miniProgramShips / sdkEsmTerser.gzip,
    'mini-program code package / official SDK (min, uncompressed)': ours.miniprogramDistOnDisk / sdkEsm.raw,
    'browser download / crypto-js hmac-sha1+enc-base64 (min, gzip)': ours.browserDownload / hmac.gzip,
  };
  return { json: { ours, others, ratios }, text };
}
