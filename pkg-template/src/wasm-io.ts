// The one way every call crosses into the wasm and back (src/wasm/io.rs): arguments are written
// as UTF-8 straight into the wasm's text area, with each piece's length (and each parameter's
// kind) in its word area; the answer comes back in the text area, the result or,
// for a negative length, the error as JSON.
import { IotExplorerError, invalidInput } from './errors.js';
import type { GlueModule } from './loaded-module.js';
import { utf8Length, writeUtf8 } from './utf8.js';

// Linear memory never shrinks, so one huge argument would keep its room for the life of the
// instance (and past about 2 GiB, abort it). No call needs more: texts the core could accept
// at all are a few MiB, and core.ts hands over at most MAX_TEXT_UNITS units of any body.
const MAX_AREA_BYTES = 64 * 1024 * 1024;

// Texts longer than this are measured before they are written.
const EXACT_LENGTH_UNITS = 16 * 1024;

export interface WasmIo {
  put(pieces: readonly string[]): number;
  putJoined(text: string, lengths: readonly number[]): number;
  read(length: number): string;
  firstWords(count: number): Uint32Array;
  answer(length: number): string;
}

/** raw(): the wasm-bindgen exports; memory(): the instance's WebAssembly.Memory. */
export function createWasmIo(raw: () => GlueModule, memory: () => WebAssembly.Memory | null): WasmIo {
  let decoder: TextDecoder | null = null;
  let encoder: TextEncoder | null = null;
  let bytes = new Uint8Array(0);
  let words = new Uint32Array(0);

  // Growing the memory detaches its buffer, which empties the views made over it: reading
  // the `buffer` getter on every call costs more than checking that.
  const views = () => {
    if (bytes.length === 0) {
      const buffer = (memory() as WebAssembly.Memory).buffer;
      bytes = new Uint8Array(buffer);
      words = new Uint32Array(buffer);
    }
  };

  /**
   * For the parsing calls: writes each of the strings `pieces` as UTF-8 into the wasm's text
   * area (an unpaired surrogate becomes U+FFFD, as TextEncoder does), and its byte length into
   * the word area. Returns the text's byte length.
   */
  function put(pieces: readonly string[]): number {
    let units = 0;
    for (const piece of pieces) units += piece.length;
    let word = wordArea(pieces.length);
    // The area never shrinks: for a long text (a response body) count its bytes rather than
    // reserve 3 a unit, so a 1 MiB body costs 1 MiB of memory for good, not 3.
    const start = textArea(units > EXACT_LENGTH_UNITS ? pieces.reduce((n, piece) => n + utf8Length(piece), 0) : units * 3);
    views();
    let end = start;
    for (const piece of pieces) {
      const next = encode(piece, end);
      words[word++] = next - end;
      end = next;
    }
    return end - start;
  }

  /**
   * For signing and request building: writes `text` (the pieces joined) as UTF-8 into the text area in one go,
   * and `lengths` (each piece's UTF-16 length, and the parameters' kinds) into the word area;
   * the wasm finds the pieces' bytes. Returns the text's byte length.
   */
  function putJoined(text: string, lengths: readonly number[]): number {
    let word = wordArea(lengths.length);
    const start = textArea(text.length * 3);
    views();
    for (let i = 0; i < lengths.length; i++) words[word++] = lengths[i] as number;
    return encode(text, start) - start;
  }

  /** The text area's address, grown to `bytes`; a typed error when the memory cannot hold them. */
  function textArea(bytes: number): number {
    const at = bytes <= MAX_AREA_BYTES ? raw().ioText(bytes) : 0;
    if (at === 0) throw invalidInput('arguments', `the arguments are too large (up to ${bytes} bytes of UTF-8; the limit is ${MAX_AREA_BYTES})`);
    return at;
  }

  /** The word area's index in `words`, grown to `count` words. */
  function wordArea(count: number): number {
    const at = raw().ioWords(count);
    if (at === 0) throw invalidInput('arguments', `${count} argument lengths do not fit in the wasm memory`);
    return at >>> 2;
  }

  /** TextEncoder semantics (U+FFFD for an unpaired surrogate), natively where the runtime can. */
  function encode(text: string, at: number): number {
    encoder = encoder || new TextEncoder();
    if (!encoder.encodeInto) return writeUtf8(text, bytes, at);
    return at + encoder.encodeInto(text, bytes.subarray(at, at + text.length * 3)).written;
  }

  /** The first `length` bytes of the text area, as text. */
  function read(length: number): string {
    // ignoreBOM: a text that starts with U+FEFF (a key can) must come back whole.
    decoder = decoder || new TextDecoder('utf-8', { ignoreBOM: true });
    const at = raw().ioText(0);
    views();
    return decoder.decode(bytes.subarray(at, at + length));
  }

  /** The first `count` words of the word area. */
  function firstWords(count: number): Uint32Array {
    const at = raw().ioWords(count) >>> 2;
    views();
    return words.slice(at, at + count);
  }

  /** A call's answer: its result text, or its error thrown as an IotExplorerError. */
  function answer(length: number): string {
    if (length >= 0) return read(length);
    const fields = JSON.parse(read(-length - 1));
    throw new IotExplorerError(fields.message, fields);
  }

  return { put, putJoined, read, firstWords, answer };
}
