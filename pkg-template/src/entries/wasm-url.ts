// dist/browser.js's wasm: the file next to it. Bundlers that understand
// `new URL(…, import.meta.url)` (webpack 5, Vite, Parcel) copy the file and rewrite the URL.
export const defaultWasm = (): URL => new URL('./iot_explorer_app_bg.wasm', import.meta.url);
