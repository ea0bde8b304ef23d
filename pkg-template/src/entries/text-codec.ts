// Injected by the mini-program build in place of the TextEncoder/TextDecoder globals the
// wasm-bindgen glue uses: the runtime's own when it has them, else the small UTF-8 codec below.
// No global is set. (npm polyfills were tried: the one that accepts the glue's options needs
// Node's Buffer, which mini-programs lack.)

import { writeUtf8 } from '../utf8.js';

/** The members of TextEncoder the code uses (`encodeInto` where the runtime's has it). */
interface EncoderLike {
  encode(text?: string): Uint8Array;
  encodeInto?(text: string, into: Uint8Array): { read: number; written: number };
}

/** The members of TextDecoder the code uses (it passes a label and options; the stand-in reads neither). */
interface DecoderLike {
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

type EncoderClass = new () => EncoderLike;
type DecoderClass = new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => DecoderLike;

const g: { TextEncoder?: EncoderClass; TextDecoder?: DecoderClass } = typeof globalThis === 'object' ? globalThis : {};

/** UTF-8 encoder; unpaired surrogates become U+FFFD, as in TextEncoder. */
export class Utf8Encoder {
  encode(text = ''): Uint8Array {
    const s = String(text);
    const out = new Uint8Array(s.length * 3);
    return out.subarray(0, writeUtf8(s, out, 0));
  }
}

/** UTF-8 decoder (the WHATWG algorithm); invalid sequences become U+FFFD, as without `fatal`. */
export class Utf8Decoder {
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    const b =
      input === undefined
        ? new Uint8Array(0)
        : ArrayBuffer.isView(input)
          ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
          : new Uint8Array(input);
    const units: number[] = [];
    let out = '';
    const emit = (c: number) => {
      if (c >= 0x10000) units.push(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 1023));
      else units.push(c);
      if (units.length >= 8192) out += String.fromCharCode.apply(null, units.splice(0));
    };
    let needed = 0;
    let seen = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    for (let i = 0; i < b.length; i++) {
      const x = b[i];
      if (needed === 0) {
        if (x <= 0x7f) emit(x);
        else if (x >= 0xc2 && x <= 0xdf) [needed, cp] = [1, x & 31];
        else if (x >= 0xe0 && x <= 0xef) {
          if (x === 0xe0) lower = 0xa0;
          if (x === 0xed) upper = 0x9f;
          [needed, cp] = [2, x & 15];
        } else if (x >= 0xf0 && x <= 0xf4) {
          if (x === 0xf0) lower = 0x90;
          if (x === 0xf4) upper = 0x8f;
          [needed, cp] = [3, x & 7];
        } else emit(0xfffd);
        continue;
      }
      if (x < lower || x > upper) {
        [needed, seen, cp, lower, upper] = [0, 0, 0, 0x80, 0xbf];
        emit(0xfffd);
        i--; // the byte starts the next sequence
        continue;
      }
      [lower, upper] = [0x80, 0xbf];
      cp = (cp << 6) | (x & 63);
      if (++seen === needed) {
        emit(cp);
        [needed, seen, cp] = [0, 0, 0];
      }
    }
    if (needed !== 0) emit(0xfffd);
    return out + String.fromCharCode.apply(null, units);
  }
}

const TextEncoderImpl: EncoderClass = typeof g.TextEncoder === 'function' ? g.TextEncoder : Utf8Encoder;
const TextDecoderImpl: DecoderClass = typeof g.TextDecoder === 'function' ? g.TextDecoder : Utf8Decoder;

export { TextDecoderImpl as TextDecoder, TextEncoderImpl as TextEncoder };
