#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target for FUZZ_SECONDS (default 60) each and fails on any
# crash. cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked --quiet
cd fuzz
mkdir -p target # the logs go here before the first build makes it
for target in $(RUSTC_BOOTSTRAP=1 cargo fuzz list); do
  echo "== fuzz $target for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- -max_total_time="$seconds" 2>&1 | tee "target/$target.log" | grep -E '^Done|crash|panicked|ERROR' || true
  grep -q '^Done' "target/$target.log" || { echo "fuzz: $target did not finish cleanly" >&2; exit 1; }
done
