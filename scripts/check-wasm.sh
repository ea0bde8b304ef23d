#!/usr/bin/env bash
# Fails unless the module in $1 runs on MVP engines (iOS WeChat): MVP + mutable-globals only,
# no imports from `env`, no exported globals, and glue without the externref table. Further
# arguments go to wasm-interface.mjs (--runs-with DIR).
set -euo pipefail
dir=${1:-target/wasm}
cd "$(dirname "$0")/.."
wasm="$dir/iot_explorer_app_bg.wasm"
node_modules/.bin/wasm-opt --mvp-features --enable-mutable-globals "$wasm" -o /dev/null 2>/dev/null \
  || { echo "check-wasm: $wasm uses features beyond MVP + mutable-globals" >&2; exit 1; }
node scripts/wasm-interface.mjs "$wasm" "${@:2}"
if grep -q '__wbindgen_init_externref_table\|__wbindgen_externref' "$dir"/*.js; then
  echo "check-wasm: the glue uses an externref table (reference-types)" >&2; exit 1
fi
raw=$(stat -c %s "$wasm"); gz=$(gzip -9 -c "$wasm" | wc -c)
echo "check-wasm: ok (MVP, no env imports); $raw bytes raw, $gz gzip"
