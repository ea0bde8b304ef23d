// What every build exports as it is, whatever its defaults (one set of types): a caller's fetch,
// store or WebSocket class works with them in any runtime.
export {
  checkControlData,
  fetchTransport,
  IotExplorerError,
  localStorageStorage,
  memoryStorage,
  parseDataTemplate,
  webSocketOpener,
  wxRequestTransport,
  wxSocketOpener,
  wxStorage,
} from '../api.js';
export type * from '../public-types.js';
