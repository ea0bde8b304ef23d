// The one way every call crosses into the wasm and back (src/wasm/io.rs): arguments are written
// as UTF-8 straight into the wasm's text area, with each piece's byte length (and each
// parameter's kind) in its word area; the answer comes back in the text area, the result or,
// for a negative length, the error as JSON.
import { IotExplorerError } from './errors.js';
import { writeUtf8 } from './utf8.js';

/** raw(): the wasm-bindgen exports; memory(): the instance's WebAssembly.Memory. */
export function createWasmIo(raw, memory) {
  let decoder = null;
  let encoder = null;
  let bytes = new Uint8Array(0);
  let words = new Uint32Array(0);

  let mem = null; // the instance's Memory: one for its life (grow() swaps its buffer)
  const views = () => {
    mem = mem || memory();
    const buffer = mem.buffer;
    if (bytes.buffer !== buffer) {
      bytes = new Uint8Array(buffer);
      words = new Uint32Array(buffer);
    }
  };

  /**
   * Writes the strings `fields` and the `entries` ([key, value text, kind, …]) into the
   * wasm's memory: the UTF-8 text into the text area, each piece's byte length (and each
   * entry's kind) into the word area. Returns the text's byte length; with `strict`, -1 for an
   * unpaired surrogate (else it becomes U+FFFD, as TextEncoder does).
   */
  function put(fields, entries, strict) {
    let units = 0;
    for (const field of fields) units += field.length;
    for (let i = 0; i < entries.length; i += 3) units += entries[i].length + entries[i + 1].length;
    let word = raw().ioWords(fields.length + entries.length) >>> 2;
    const start = raw().ioText(units * 3);
    views();
    let end = start;
    for (const field of fields) {
      const next = strict ? writeUtf8(field, bytes, end, true) : encode(field, end);
      if (next < 0) return -1;
      words[word++] = next - end;
      end = next;
    }
    for (let i = 0; i < entries.length; i += 3) {
      const keyEnd = writeUtf8(entries[i], bytes, end, strict);
      const valueEnd = keyEnd < 0 ? -1 : writeUtf8(entries[i + 1], bytes, keyEnd, strict);
      if (valueEnd < 0) return -1;
      words[word++] = keyEnd - end;
      words[word++] = valueEnd - keyEnd;
      words[word++] = entries[i + 2];
      end = valueEnd;
    }
    return end - start;
  }

  /** TextEncoder semantics (U+FFFD for an unpaired surrogate), natively where the runtime can. */
  function encode(text, at) {
    encoder = encoder || new TextEncoder();
    if (!encoder.encodeInto) return writeUtf8(text, bytes, at, false);
    return at + encoder.encodeInto(text, bytes.subarray(at, at + text.length * 3)).written;
  }

  /** The first `length` bytes of the text area, as text. */
  function read(length) {
    decoder = decoder || new TextDecoder();
    const at = raw().ioText(0);
    views();
    return decoder.decode(bytes.subarray(at, at + length));
  }

  /** Word `index` of the word area. */
  function word(index) {
    const at = raw().ioWords(index + 1) >>> 2;
    views();
    return words[at + index];
  }

  /** A call's answer: its result text, or its error thrown as an IotExplorerError. */
  function answer(length) {
    if (length >= 0) return read(length);
    const fields = JSON.parse(read(-length - 1));
    throw new IotExplorerError(fields.message, fields);
  }

  return { put, read, word, answer };
}
