#!/usr/bin/env bash
# Fails when the optimised .wasm grows past the committed budget (size-budget.json). Raise the
# budget only deliberately, in its own commit, saying why.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=target/wasm/iot_explorer_app_bg.wasm
raw=$(stat -c %s "$wasm"); gz=$(gzip -9 -c "$wasm" | wc -c)
node -e '
const budget = require("./size-budget.json");
const [raw, gz] = process.argv.slice(1).map(Number);
const over = [];
if (raw > budget.wasmRawBytes) over.push(`raw ${raw} > ${budget.wasmRawBytes}`);
if (gz > budget.wasmGzipBytes) over.push(`gzip ${gz} > ${budget.wasmGzipBytes}`);
if (over.length) { console.error(`size budget exceeded: ${over.join(", ")}`); process.exit(1); }
console.log(`size budget: ${raw}/${budget.wasmRawBytes} raw, ${gz}/${budget.wasmGzipBytes} gzip`);
' "$raw" "$gz"
