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
