#!/usr/bin/env bash
# Builds the release wasm and its wasm-bindgen glue (bundler target).
#
# `scripts/build-wasm.sh` (size, into target/wasm/): what browsers and mini-programs download.
# Built at opt-level "z"; the post-MVP operations std still uses are lowered (memory.copy and
# memory.fill into word loops: scripts/fast-memory-ops.mjs), as iOS WeChat needs, and wasm-opt
# -Oz shrinks it. wasm-bindgen's runtime exports two globals the glue never reads; iOS WeChat
# does not support exported globals, so they go.
#
# `scripts/build-wasm.sh speed` (into target/wasm-node/): what the Node build loads from disk,
# where servers sign and build appapi requests and bytes cost nothing on the wire: the whole
# core at opt-level 3, native bulk memory, wasm-opt -O3 (buildAppApiRequest about 15% faster for
# a 130 KB module). Its own target directory keeps both builds cached. Same source, same glue.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-size}
case "$mode" in
  size) out=target/wasm ;;
  speed) out=target/wasm-node; export CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_TARGET_DIR=target/speed ;;
  *) echo "usage: $0 [size|speed]" >&2; exit 2 ;;
esac
rm -rf "$out"
PATH="$PWD/scripts/shim:$PATH" wasm-pack --quiet build --mode no-install --release --target bundler \
  --no-pack --out-dir "$out" --out-name iot_explorer_app . --features wasm-panic-handler >/dev/null
features=(--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)
wasm="$out/iot_explorer_app_bg.wasm"
rm -f "$out/.gitignore"
if [ "$mode" = speed ]; then
  node_modules/.bin/wasm-opt "$wasm" "${features[@]}" --remove-exports=__abort_handler,__instance_terminated \
    -O3 --strip-debug --strip-producers -o "$wasm"
  cmp -s "$out/iot_explorer_app_bg.js" target/wasm/iot_explorer_app_bg.js 2>/dev/null \
    || { echo "build-wasm: the speed build's glue differs from target/wasm's (build size first)" >&2; exit 1; }
  node scripts/wasm-interface.mjs "$wasm"
  echo "build-wasm: speed build $(stat -c %s "$wasm") bytes"
  exit 0
fi
node_modules/.bin/wasm-opt "$wasm" "${features[@]}" --llvm-memory-copy-fill-lowering -g -o "$wasm"
node scripts/fast-memory-ops.mjs "$wasm"
node_modules/.bin/wasm-opt "$wasm" "${features[@]}" --signext-lowering --llvm-nontrapping-fptoint-lowering \
  --remove-exports=__abort_handler,__instance_terminated \
  -Oz --converge --strip-debug --strip-producers -o "$wasm"
scripts/check-wasm.sh "$out"
