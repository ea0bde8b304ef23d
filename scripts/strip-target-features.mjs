#!/usr/bin/env node
// Removes the `target_features` custom section from a .wasm file in place. rustc's std carries
// +reference-types there even when we build without it, and wasm-bindgen would then emit
// externref glue that iOS WeChat cannot run (see shared/reference/toolchain.md).
import { readFileSync, writeFileSync } from 'node:fs';

function leb128(bytes, at) {
  let value = 0, shift = 0, b;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}

export function stripTargetFeatures(bytes) {
  const kept = [bytes.subarray(0, 8)];
  let at = 8, removed = 0;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    let size;
    [size, at] = leb128(bytes, at);
    const end = at + size;
    if (id === 0) {
      const [nameLength, nameAt] = leb128(bytes, at);
      const name = Buffer.from(bytes.subarray(nameAt, nameAt + nameLength)).toString('utf8');
      if (name === 'target_features') {
        removed++;
        at = end;
        continue;
      }
    }
    kept.push(bytes.subarray(start, end));
    at = end;
  }
  return { bytes: Buffer.concat(kept), removed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const { bytes, removed } = stripTargetFeatures(readFileSync(file));
    if (removed) writeFileSync(file, bytes);
  }
}
