// The wasm's bytes as Base64 text: what esbuild's base64 loader makes of the .wasm file that
// scripts/build-package.mjs maps this module name to (the inline build's wasm-inline.ts).
declare const text: string;
export default text;
