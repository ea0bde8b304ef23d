#!/usr/bin/env bash
# Fails when an optimised .wasm grows past the committed budget (size-budget.json): the size
# build (browsers) and the mini-program build (what miniprogram_dist/ ships). Raise a budget only
# deliberately, in its own commit, saying why.
set -euo pipefail
cd "$(dirname "$0")/.."
node -e '
const { readFileSync } = require("node:fs");
const { gzipSync } = require("node:zlib");
const budget = require("./size-budget.json");
const builds = { wasm: "target/wasm", miniprogramWasm: "target/wasm-miniprogram" };
let failed = false;
for (const [name, dir] of Object.entries(builds)) {
  const bytes = readFileSync(`${dir}/iot_explorer_app_bg.wasm`);
  const raw = bytes.length, gz = gzipSync(bytes, { level: 9 }).length;
  const { rawBytes, gzipBytes } = budget[name];
  const over = [];
  if (raw > rawBytes) over.push(`raw ${raw} > ${rawBytes}`);
  if (gz > gzipBytes) over.push(`gzip ${gz} > ${gzipBytes}`);
  if (over.length) { console.error(`size budget of ${dir} exceeded: ${over.join(", ")}`); failed = true; }
  else console.log(`size budget of ${dir}: ${raw}/${rawBytes} raw, ${gz}/${gzipBytes} gzip`);
}
process.exit(failed ? 1 : 0);
'
