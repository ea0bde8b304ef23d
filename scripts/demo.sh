#!/usr/bin/env bash
# `make demo`: builds the wasm and the package when their sources changed, then starts the
# emulator + demo backend, prints one login round trip, and serves until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-all.sh
exec node www-demo/server.mjs
