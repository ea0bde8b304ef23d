// A WeChat mini-program's JS world in a Node vm context (reference/miniprogram.md §2, §6): only
// the ECMAScript builtins plus wx, WXWebAssembly, console and setTimeout/clearTimeout, and code
// loaded as CommonJS by a require shim that resolves like the mini-program runtime, from a
// project root (the miniprogramRoot) that holds miniprogram_npm/.
import vm from 'node:vm';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWx } from './wx.mjs';
import { createWXWebAssembly } from './wx-webassembly.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const PACKAGE_NAME = 'iot-explorer-app';
/** What miniprogram_dist/ holds, so what 构建 npm must copy: the SDK and its separate provisioning entry. */
export const MINIPROGRAM_FILES = ['index.js', 'index.js.map', 'iot_explorer_app_bg.wasm.br', 'provisioning.js'];

/** What 构建 npm makes of pkg/: a project root with miniprogram_npm/iot-explorer-app/ = miniprogram_dist/. */
export function createProject() {
  const dist = join(REPO, 'pkg', 'miniprogram_dist');
  if (!existsSync(join(dist, 'index.js'))) throw new Error('pkg/ is missing: run `node scripts/build-package.mjs`');
  const root = mkdtempSync(join(tmpdir(), 'mp-project-'));
  cpSync(dist, join(root, 'miniprogram_npm', PACKAGE_NAME), { recursive: true });
  return root;
}

/**
 * `root`: the project root; `domains`: origins wx.request may reach; `wasmResolvesTo`: see
 * createWXWebAssembly.
 */
export function createSandbox({ root, domains = [], wasmResolvesTo = 'result' }) {
  // Mini-programs forbid eval and new Function (all but new Function('return this'), which throws here too).
  const context = vm.createContext({}, { name: 'mini-program', codeGeneration: { strings: false } });
  const evaluate = (code) => vm.runInContext(code, context);
  evaluate('delete globalThis.WebAssembly');
  const fake = createWx({ domains, ArrayBuffer: evaluate('ArrayBuffer') });
  const wasm = createWXWebAssembly({ root, resolveTo: wasmResolvesTo });
  Object.assign(context, { wx: fake.wx, WXWebAssembly: wasm.WXWebAssembly, console, setTimeout, clearTimeout });

  const modules = new Map(); // '/'-path → module
  const isFile = (file) => existsSync(join(root, file)) && statSync(join(root, file)).isFile();

  function resolve(fromDir, request) {
    let bases;
    if (request.startsWith('/')) bases = [request];
    else if (request.startsWith('.')) bases = [posix.join(fromDir, request)];
    else {
      // A package name: the nearest miniprogram_npm/ up from the requiring file.
      bases = [];
      for (let dir = fromDir; ; dir = posix.dirname(dir)) {
        bases.push(posix.join(dir, 'miniprogram_npm', request));
        if (dir === '/') break;
      }
    }
    for (const base of bases) {
      for (const file of [base, `${base}.js`, `${base}/index.js`]) if (isFile(file)) return posix.normalize(file);
    }
    throw new Error(`module '${request}' is not defined, require args is '${request}'`);
  }

  function load(file) {
    const code = readFileSync(join(root, file), 'utf8');
    const script = new vm.Script(`(function (require, module, exports) {${code}\n})`, { filename: join(root, file) });
    const module = evaluate('({ exports: {} })');
    modules.set(file, module);
    script.runInContext(context).call(module.exports, requireFrom(posix.dirname(file)), module, module.exports);
    return module;
  }

  const requireFrom = (dir) => (request) => {
    const file = resolve(dir, request);
    return (modules.get(file) || load(file)).exports;
  };

  return { evaluate, require: requireFrom('/'), instantiated: wasm.instantiated, ...fake };
}
