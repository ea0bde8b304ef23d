#!/usr/bin/env node
// Lists a module's imports and fails if any comes from `env` (an unresolved native symbol), or
// if it exports a global (iOS WeChat supports exporting functions, memories and tables only).
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const mod = new WebAssembly.Module(readFileSync(file));
const imports = WebAssembly.Module.imports(mod);
const fromEnv = imports.filter((i) => i.module === 'env');
if (fromEnv.length) {
  console.error(`wasm-interface: ${file} imports from env: ${fromEnv.map((i) => i.name).join(', ')}`);
  process.exit(1);
}
const globals = WebAssembly.Module.exports(mod).filter((e) => e.kind === 'global');
if (globals.length) {
  console.error(`wasm-interface: ${file} exports globals, which iOS WeChat refuses: ${globals.map((e) => e.name).join(', ')}`);
  process.exit(1);
}
const modules = [...new Set(imports.map((i) => i.module))];
console.log(`wasm-interface: ${imports.length} imports, all from ${modules.join(', ') || 'nothing'}`);

// `--runs-with DIR`: this module is loaded with DIR's glue (the mini-program build with the size
// build's): each of its imports must be one that glue provides, and each of its exports one the
// glue's own module has (the glue wraps them by name).
const withAt = process.argv.indexOf('--runs-with');
if (withAt > 0) {
  const dir = process.argv[withAt + 1];
  const glue = readFileSync(`${dir}/iot_explorer_app_bg.js`, 'utf8');
  const provided = new Set([...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]));
  const missing = imports.filter((i) => !provided.has(i.name)).map((i) => i.name);
  const theirs = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(`${dir}/iot_explorer_app_bg.wasm`))).map((e) => e.name));
  const extra = WebAssembly.Module.exports(mod).map((e) => e.name).filter((name) => !theirs.has(name));
  if (missing.length || extra.length) {
    console.error(`wasm-interface: ${file} does not run with ${dir}'s glue: imports it lacks ${missing.join(', ') || 'none'}; exports it does not know ${extra.join(', ') || 'none'}`);
    process.exit(1);
  }
  console.log(`wasm-interface: runs with ${dir}'s glue`);
}
