#!/usr/bin/env bash
# Builds the release wasm and its wasm-bindgen glue (bundler target) into target/wasm/, then
# lowers the post-MVP operations std still uses and shrinks it with wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/wasm
rm -rf "$out"
PATH="$PWD/scripts/shim:$PATH" wasm-pack --quiet build --mode no-install --release --target bundler \
  --no-pack --out-dir "$out" --out-name iot_explorer_app . >/dev/null
node_modules/.bin/wasm-opt "$out/iot_explorer_app_bg.wasm" \
  --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals \
  --llvm-memory-copy-fill-lowering --signext-lowering --llvm-nontrapping-fptoint-lowering \
  -Oz --converge --strip-producers -o "$out/iot_explorer_app_bg.wasm"
rm -f "$out/.gitignore"
scripts/check-wasm.sh "$out"
