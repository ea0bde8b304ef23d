// Injected by the mini-program build in place of the TextEncoder/TextDecoder globals the
// wasm-bindgen glue uses: the runtime's own when it has them, else a polyfill. No global is set.
import * as polyfill from 'fastestsmallesttextencoderdecoder';

const g = typeof globalThis === 'object' ? globalThis : {};
const TextEncoderImpl = typeof g.TextEncoder === 'function' ? g.TextEncoder : polyfill.TextEncoder;
const TextDecoderImpl = typeof g.TextDecoder === 'function' ? g.TextDecoder : polyfill.TextDecoder;
export { TextEncoderImpl as TextEncoder, TextDecoderImpl as TextDecoder };
