// UTF-8 both ways without TextEncoder/TextDecoder (which mini-programs may lack).
import { Utf8Decoder } from '../entries/text-codec.js';
import { utf8Length, writeUtf8 } from '../utf8.js';

export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(utf8Length(text));
  writeUtf8(text, out, 0);
  return out;
}

export const fromUtf8 = (bytes: ArrayBuffer | Uint8Array): string => new Utf8Decoder().decode(bytes);

export const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
