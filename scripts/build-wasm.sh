#!/usr/bin/env bash
# Builds the release wasm and its wasm-bindgen glue (bundler target).
#
# `scripts/build-wasm.sh` (size, into target/wasm/): what browsers and mini-programs download.
# Built at opt-level "z"; the post-MVP operations std still uses are lowered (memory.copy and
# memory.fill into word loops: scripts/fast-memory-ops.mjs), as iOS WeChat needs, and wasm-opt
# -Oz shrinks it. wasm-bindgen's runtime exports two globals the glue never reads; iOS WeChat
# does not support exported globals, so they go.
#
# `scripts/build-wasm.sh miniprogram` (into target/wasm-miniprogram/): the size build without the
# AppSecret calls (feature app-secret off), what miniprogram_dist/ ships: mini-programs sign
# nothing (an app that opts in with dangerouslyAllowAppSecretInClient passes the full build as
# wasmPath). Its exports are the size build's but those three, its imports the same, so it runs
# with the size build's glue, which the mini-program's index.js carries.
#
# `scripts/build-wasm.sh speed` (into target/wasm-node/): what the Node build loads from disk,
# where servers sign and build appapi requests and bytes cost nothing on the wire: the whole
# core at opt-level 3, native bulk memory, wasm-opt -O3 (buildAppApiRequest about 15% faster for
# a 130 KB module). Its own target directory keeps both builds cached. Same source, same glue.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-size}
cargo_features=(--features wasm-panic-handler)
case "$mode" in
  size) out=target/wasm ;;
  miniprogram) out=target/wasm-miniprogram; cargo_features=(--no-default-features "${cargo_features[@]}"); export CARGO_TARGET_DIR=target/miniprogram ;;
  speed) out=target/wasm-node; export CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_TARGET_DIR=target/speed ;;
  *) echo "usage: $0 [size|miniprogram|speed]" >&2; exit 2 ;;
esac
rm -rf "$out"
PATH="$PWD/scripts/shim:$PATH" wasm-pack --quiet build --mode no-install --release --target bundler \
  --no-pack --out-dir "$out" --out-name iot_explorer_app . "${cargo_features[@]}" >/dev/null
features=(--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)
wasm="$out/iot_explorer_app_bg.wasm"
rm -f "$out/.gitignore"
# The glue's declarations, for the type check of pkg-template/ (its tsconfig maps the glue here):
# wasm-bindgen's, and the setter the entries hand the instance to.
{ cat "$out/iot_explorer_app.d.ts"; echo 'export function __wbg_set_wasm(exports: WebAssembly.Exports): void;'; } \
  > "$out/iot_explorer_app_bg.d.ts"
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
if [ "$mode" = miniprogram ]; then
  scripts/check-wasm.sh "$out" --runs-with target/wasm
else
  scripts/check-wasm.sh "$out"
fi
