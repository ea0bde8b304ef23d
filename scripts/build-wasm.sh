#!/usr/bin/env bash
# Builds the release wasm and its wasm-bindgen glue (bundler target) into target/wasm/, then
# lowers the post-MVP operations std still uses (memory.copy and memory.fill into word loops:
# scripts/fast-memory-ops.mjs) and shrinks it with wasm-opt -Oz. wasm-bindgen's runtime exports
# two globals the glue never reads; iOS WeChat does not support exported globals, so they go.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/wasm
rm -rf "$out"
PATH="$PWD/scripts/shim:$PATH" wasm-pack --quiet build --mode no-install --release --target bundler \
  --no-pack --out-dir "$out" --out-name iot_explorer_app . --features wasm-panic-handler >/dev/null
features=(--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)
wasm="$out/iot_explorer_app_bg.wasm"
node_modules/.bin/wasm-opt "$wasm" "${features[@]}" --llvm-memory-copy-fill-lowering -g -o "$wasm"
node scripts/fast-memory-ops.mjs "$wasm"
node_modules/.bin/wasm-opt "$wasm" "${features[@]}" --signext-lowering --llvm-nontrapping-fptoint-lowering \
  --remove-exports=__abort_handler,__instance_terminated \
  -Oz --converge --strip-debug --strip-producers -o "$wasm"
rm -f "$out/.gitignore"
scripts/check-wasm.sh "$out"
