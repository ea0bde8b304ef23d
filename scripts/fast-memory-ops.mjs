// Replaces the bodies binaryen's --llvm-memory-copy-fill-lowering gives memory.copy and
// memory.fill (a loop over single bytes) with loops over 8-byte words, same semantics (overlap,
// bounds trap). The MVP wasm iOS WeChat needs has no bulk memory, and std's copies (Vec growth,
// extend_from_slice, HMAC block buffers) run through these two functions.
// Usage: node scripts/fast-memory-ops.mjs lowered.wasm (rewritten in place).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin');

const outOfBounds = (a, b) => `
  (if (i32.or
        (i32.gt_u (i32.add (local.get ${a}) (local.get $size)) (i32.shl (memory.size) (i32.const 16)))
        (i32.gt_u (i32.add (local.get ${b}) (local.get $size)) (i32.shl (memory.size) (i32.const 16))))
    (then (unreachable)))`;

// Forward when dst <= src, else from the end: either way a word is loaded before any byte it
// covers is overwritten.
export const memoryCopy = (name) => ` (func ${name} (param $dst i32) (param $src i32) (param $size i32)
  (local $i i32)${outOfBounds('$dst', '$src')}
  (if (i32.le_u (local.get $dst) (local.get $src))
    (then
      (block $words_done (loop $words
        (br_if $words_done (i32.lt_u (i32.sub (local.get $size) (local.get $i)) (i32.const 8)))
        (i64.store (i32.add (local.get $dst) (local.get $i)) (i64.load (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $words)))
      (block $bytes_done (loop $bytes
        (br_if $bytes_done (i32.ge_u (local.get $i) (local.get $size)))
        (i32.store8 (i32.add (local.get $dst) (local.get $i)) (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes))))
    (else
      (block $words_done (loop $words
        (br_if $words_done (i32.lt_u (local.get $size) (i32.const 8)))
        (local.set $size (i32.sub (local.get $size) (i32.const 8)))
        (i64.store (i32.add (local.get $dst) (local.get $size)) (i64.load (i32.add (local.get $src) (local.get $size))))
        (br $words)))
      (block $bytes_done (loop $bytes
        (br_if $bytes_done (i32.eqz (local.get $size)))
        (local.set $size (i32.sub (local.get $size) (i32.const 1)))
        (i32.store8 (i32.add (local.get $dst) (local.get $size)) (i32.load8_u (i32.add (local.get $src) (local.get $size))))
        (br $bytes)))))
 )
`;

export const memoryFill = (name) => ` (func ${name} (param $dst i32) (param $val i32) (param $size i32)
  (local $i i32)
  (local $word i64)${outOfBounds('$dst', '$dst')}
  (local.set $word (i64.mul (i64.extend_i32_u (i32.and (local.get $val) (i32.const 255))) (i64.const 0x0101010101010101)))
  (block $words_done (loop $words
    (br_if $words_done (i32.lt_u (i32.sub (local.get $size) (local.get $i)) (i32.const 8)))
    (i64.store (i32.add (local.get $dst) (local.get $i)) (local.get $word))
    (local.set $i (i32.add (local.get $i) (i32.const 8)))
    (br $words)))
  (block $bytes_done (loop $bytes
    (br_if $bytes_done (i32.ge_u (local.get $i) (local.get $size)))
    (i32.store8 (i32.add (local.get $dst) (local.get $i)) (local.get $val))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $bytes)))
 )
`;

/** Rewrites the lowered module `wasm` in place. */
function rewrite(wasm) {
  const wat = `${wasm}.wat`;
  execFileSync(join(bin, 'wasm-dis'), [wasm, '-o', wat]);
  let text = readFileSync(wat, 'utf8');
  for (const [params, make] of [
    ['(param $dst i32) (param $src i32) (param $size i32)', memoryCopy],
    ['(param $dst i32) (param $val i32) (param $size i32)', memoryFill],
  ]) {
    const found = [...text.matchAll(/^ \(func (\S+) (.*)$/gm)].filter((m) => m[2] === params);
    if (found.length !== 1) throw new Error(`fast-memory-ops: expected one lowered function with ${params}, found ${found.length}`);
    const start = found[0].index;
    const next = /\n( \(| ;;|\))/g; // the next module field, comment or the module's end
    next.lastIndex = start + 1;
    const end = next.exec(text).index + 1;
    text = text.slice(0, start) + make(found[0][1]) + text.slice(end);
  }
  writeFileSync(wat, text);
  execFileSync(join(bin, 'wasm-as'), ['--enable-bulk-memory', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals', '-g', wat, '-o', wasm]);
  rmSync(wat);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) rewrite(process.argv[2]);
