#!/usr/bin/env bash
# `make bench`: signing and parsing throughput, cold start, size, memory and browser start-up of the npm package
# next to crypto-js, jsSHA, node:crypto and the official mini-program SDK, in one run
# (bench/run.mjs); prints tables and writes target/bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# Measure the current sources: rebuild the wasm and the package when they are stale.
scripts/build-all.sh
# The benchmarks require the package by name, from the packed tarball as users install it.
stamp=bench/node_modules/.installed-from-pkg
if [ ! -e "$stamp" ] || [ -n "$(find pkg -newer "$stamp" -type f | head -n 1)" ]; then
  scripts/install-packed.sh bench
  touch "$stamp"
fi
exec node --expose-gc bench/run.mjs "$@"
