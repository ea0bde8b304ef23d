// Requires the package by name (installed from the packed tarball into bench/node_modules by
// `scripts/install-packed.sh bench`), as a user's server would. The package's Node build
// instantiates its wasm with `new WebAssembly.Instance` while it is required; that constructor
// is wrapped for the duration of the require only, to keep a handle on the instance's
// exports (its linear `memory`) for the memory and call-overhead readings, and for the memory
// bound test (tests/package/memory-bounds.test.mjs, which passes its own `require`). The package
// itself is not changed and has no accessor for it.
import { createRequire } from 'node:module';

const benchRequire = createRequire(import.meta.url);
const loaded = new Map(); // require → { pkg, wasm, path }

/** `require`: whose node_modules to load the package from (default: bench/'s). */
export function loadPackage(require = benchRequire) {
  if (loaded.has(require)) return loaded.get(require);
  const seen = [];
  const Original = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Original, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget === WebAssembly.Instance ? target : newTarget);
      seen.push(instance);
      return instance;
    },
  });
  let pkg;
  try {
    pkg = require('iot-explorer-app');
  } finally {
    WebAssembly.Instance = Original;
  }
  if (seen.length !== 1) throw new Error(`expected the package to create one wasm instance, saw ${seen.length}`);
  const found = { pkg, wasm: seen[0].exports, path: require.resolve('iot-explorer-app') };
  loaded.set(require, found);
  return found;
}
