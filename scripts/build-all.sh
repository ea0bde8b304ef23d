#!/usr/bin/env bash
# Builds target/wasm, target/wasm-miniprogram and target/wasm-node (Rust → wasm, for size, for
# mini-programs and for speed) and pkg/ (the npm package) unless they are newer than every
# source they come from.
set -euo pipefail
cd "$(dirname "$0")/.."
newer_than() { # target, sources… → true when target exists and is newer than all sources
  [ -e "$1" ] || return 1
  local t=$1; shift
  [ -z "$(find "$@" -newer "$t" -type f 2>/dev/null | head -n 1)" ]
}
sources=(src crates Cargo.toml Cargo.lock .cargo scripts/build-wasm.sh)
if ! newer_than target/wasm/iot_explorer_app_bg.wasm "${sources[@]}"; then
  echo "build: wasm"
  scripts/build-wasm.sh
fi
if ! newer_than target/wasm-miniprogram/iot_explorer_app_bg.wasm "${sources[@]}" target/wasm; then
  echo "build: wasm for mini-programs"
  scripts/build-wasm.sh miniprogram
fi
if ! newer_than target/wasm-node/iot_explorer_app_bg.wasm "${sources[@]}" target/wasm; then
  echo "build: wasm for Node"
  scripts/build-wasm.sh speed
fi
if ! newer_than pkg/package.json pkg-template emulator target/wasm target/wasm-miniprogram target/wasm-node README.md scripts/build-package.mjs; then
  echo "build: package"
  node scripts/build-package.mjs
fi
