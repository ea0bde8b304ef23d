#!/usr/bin/env bash
# Every test of the repository, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo; echo "== $*"; }

step "generated files";        cargo xtask check
step "format";                 cargo fmt --check
step "clippy (native)";        cargo clippy --all-targets --quiet -- -D warnings && cargo clippy -p xtask --quiet -- -D warnings
step "clippy (wasm32)";        cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
step "native tests";           cargo test --quiet
step "wasm build + MVP check"; scripts/build-wasm.sh
step "glue: tsc --strict, lint, format"; scripts/check-glue.sh
step "wasm build for mini-programs"; scripts/build-wasm.sh miniprogram
step "wasm build for Node";    scripts/build-wasm.sh speed
step "size budget";            scripts/check-size.sh
step "wasm tests in Node";     cargo test --target wasm32-unknown-unknown
step "wasm tests in Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown
step "npm package";            node scripts/build-package.mjs && scripts/install-packed.sh
step "JS tests: emulator, package, browsers, mini-program, official-client interop, demo, short load"
node --test --test-concurrency=2 \
  tests/build/ tests/emulator/ tests/package/ tests/browser/ tests/miniprogram/ tests/interop/ tests/demo/ tests/load/
