#!/usr/bin/env bash
# `make bench`: signing and parsing throughput, cold start, size and memory of the npm package
# next to crypto-js, jsSHA, node:crypto and the official mini-program SDK, in one run
# (bench/run.mjs); prints tables and writes target/bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# Build only what is missing: a stale build is benchmarked as it is (with a note), since a Rust
# rebuild is slow; run scripts/build-all.sh first to measure the current sources.
if [ ! -e target/wasm/iot_explorer_app_bg.wasm ] || [ ! -e pkg/dist/node.cjs ]; then
  scripts/build-all.sh
elif [ -n "$(find src Cargo.toml Cargo.lock pkg-template -newer pkg/dist/node.cjs -type f 2>/dev/null | head -n 1)" ]; then
  echo "bench: note: sources changed since pkg/ was built; measuring the existing build (scripts/build-all.sh rebuilds)"
fi
# The benchmarks require the package by name, from the packed tarball as users install it.
stamp=bench/node_modules/.installed-from-pkg
if [ ! -e "$stamp" ] || [ -n "$(find pkg -newer "$stamp" -type f | head -n 1)" ]; then
  scripts/install-packed.sh bench
  touch "$stamp"
fi
exec node --expose-gc bench/run.mjs "$@"
