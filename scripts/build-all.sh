#!/usr/bin/env bash
# Builds target/wasm (Rust → wasm) and pkg/ (the npm package) unless they are newer than
# every source they come from.
set -euo pipefail
cd "$(dirname "$0")/.."
newer_than() { # target, sources… → true when target exists and is newer than all sources
  [ -e "$1" ] || return 1
  local t=$1; shift
  [ -z "$(find "$@" -newer "$t" -type f 2>/dev/null | head -n 1)" ]
}
if ! newer_than target/wasm/iot_explorer_app_bg.wasm src Cargo.toml Cargo.lock .cargo; then
  echo "build: wasm"
  scripts/build-wasm.sh
fi
if ! newer_than pkg/package.json pkg-template target/wasm README.md scripts/build-package.mjs; then
  echo "build: package"
  node scripts/build-package.mjs
fi
