#!/usr/bin/env bash
# `make load`: the long load and leak run (10,000 logins, 100,000 token calls, concurrency 64).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-all.sh
[ -d tests/package/node_modules/iot-explorer-app ] || scripts/install-packed.sh
exec node --expose-gc tests/load/load.mjs --logins "${LOGINS:-10000}" --calls "${CALLS:-100000}" --concurrency 64
