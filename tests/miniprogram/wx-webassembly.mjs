// A fake WXWebAssembly (reference/miniprogram.md §1): instantiate(path, imports) takes only a
// '/'-path to a .wasm or .wasm.br inside the code package, refuses bytes and URLs the way WeChat
// does, and refuses modules that need more than MVP + mutable-globals or that export a global
// (what iOS WeChat runs: it exports functions, memories and tables only).
// The host's WebAssembly compiles; the sandbox cannot see it.
import binaryen from 'binaryen';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

const MVP_FEATURES = binaryen.Features.MVP | binaryen.Features.MutableGlobals;

/** Throws a CompileError when the module uses a post-MVP feature (sign-ext, multivalue, …). */
function checkMvp(bytes) {
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(MVP_FEATURES);
    if (!module.validate()) throw new WebAssembly.CompileError('invalid wasm file (needs features beyond MVP)');
  } finally {
    module.dispose();
  }
}

/** `resolveTo`: 'result' → { instance, module } (most devices), 'instance' → the bare Instance. */
export function createWXWebAssembly({ root, resolveTo = 'result' }) {
  const instantiated = [];
  async function instantiate(path, imports) {
    if (typeof path !== 'string' || /^(https?|wxfile):/i.test(path)) {
      throw new Error('WXWebAssembly.instantiate: not support wxfile: or http: path');
    }
    if (!path.startsWith('/') || !/\.wasm(\.br)?$/.test(path)) {
      throw new Error(`WXWebAssembly.instantiate: ${path} is not a /-path to a .wasm or .wasm.br file`);
    }
    let bytes = await readFile(join(root, posix.normalize(path)));
    if (path.endsWith('.br')) bytes = brotliDecompressSync(bytes);
    checkMvp(bytes);
    const globals = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).filter((e) => e.kind === 'global');
    if (globals.length) throw new WebAssembly.LinkError(`exported Global is not supported: ${globals.map((e) => e.name).join(', ')}`);
    const result = await WebAssembly.instantiate(bytes, imports);
    instantiated.push(path);
    return resolveTo === 'instance' ? result.instance : result;
  }
  const { Memory, Table, CompileError, LinkError, RuntimeError } = WebAssembly;
  return { WXWebAssembly: { instantiate, Memory, Table, CompileError, LinkError, RuntimeError }, instantiated };
}
