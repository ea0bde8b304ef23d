// The word-loop memory.copy and memory.fill that scripts/fast-memory-ops.mjs puts into the
// wasm, run on their own against what the instructions do (copyWithin, fill): every overlap,
// offsets that are not word-aligned, and the bounds trap.
import test from 'node:test';
import assert from 'node:assert/strict';
import binaryen from 'binaryen';
import { memoryCopy, memoryFill } from '../../scripts/fast-memory-ops.mjs';

const PAGE = 65536;

function instantiate() {
  const module = binaryen.parseText(`(module
    (memory (export "memory") 1)
    ${memoryCopy('$copy')}
    ${memoryFill('$fill')}
    (export "copy" (func $copy))
    (export "fill" (func $fill)))`);
  assert.ok(module.validate(), 'the functions validate');
  const bytes = module.emitBinary();
  module.dispose();
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
}

function randomBytes(seed, length) {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

test('copy matches copyWithin for every overlap and alignment', () => {
  const { memory, copy } = instantiate();
  const heap = new Uint8Array(memory.buffer);
  const start = randomBytes(7, 512);
  for (let dst = 0; dst < 40; dst++) {
    for (let src = 0; src < 40; src++) {
      for (const size of [0, 1, 7, 8, 9, 15, 16, 17, 33, 100]) {
        heap.set(start);
        const expected = start.slice();
        expected.copyWithin(dst, src, src + size);
        copy(dst, src, size);
        assert.deepEqual(heap.subarray(0, 512), expected, `copy(${dst}, ${src}, ${size})`);
      }
    }
  }
});

test('fill matches Uint8Array.fill, with only the low byte of the value', () => {
  const { memory, fill } = instantiate();
  const heap = new Uint8Array(memory.buffer);
  const start = randomBytes(3, 256);
  for (let dst = 0; dst < 20; dst++) {
    for (const size of [0, 1, 7, 8, 9, 31, 64]) {
      heap.set(start);
      const expected = start.slice();
      expected.fill(0xab, dst, dst + size);
      fill(dst, 0x1ab, size);
      assert.deepEqual(heap.subarray(0, 256), expected, `fill(${dst}, 0x1ab, ${size})`);
    }
  }
});

test('out-of-bounds copies and fills trap before writing', () => {
  const { memory, copy, fill } = instantiate();
  const heap = new Uint8Array(memory.buffer);
  heap.fill(1);
  assert.throws(() => copy(PAGE - 4, 0, 8), WebAssembly.RuntimeError);
  assert.throws(() => copy(0, PAGE - 4, 8), WebAssembly.RuntimeError);
  assert.throws(() => fill(PAGE - 4, 0, 8), WebAssembly.RuntimeError);
  assert.ok(heap.every((b) => b === 1), 'nothing was written');
  copy(PAGE - 8, 0, 8);
  fill(PAGE - 8, 0, 8);
  assert.equal(heap[PAGE - 1], 0);
});
