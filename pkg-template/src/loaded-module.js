// The wasm module of a runtime that loads it asynchronously (browsers, mini-programs): the API
// throws a typed NotInitialized error until init() has handed the instance over.
import { IotExplorerError } from './errors.js';

export function loadedModule(glue) {
  let exports = null;
  return {
    set(instanceExports) {
      glue.__wbg_set_wasm(instanceExports);
      exports = instanceExports;
    },
    raw() {
      if (!exports) {
        throw new IotExplorerError('call `await init()` before using iot-explorer-app', {
          kind: 'InvalidInput',
          code: 'NotInitialized',
        });
      }
      return glue;
    },
    memory: () => exports && exports.memory,
  };
}
