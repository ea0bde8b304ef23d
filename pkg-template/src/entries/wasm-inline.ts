// dist/browser-inline.js's wasm: its bytes, carried in the code as Base64 (esbuild's base64
// loader). No second request and nothing for a bundler to copy; about 11 KB more over gzip.

import WASM_BASE64 from 'iot-explorer-app-wasm-base64';
import { base64Bytes } from '../base64.js';

export const defaultWasm = (): Uint8Array => base64Bytes(WASM_BASE64);
