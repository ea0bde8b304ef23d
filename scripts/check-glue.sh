#!/usr/bin/env bash
# The package's glue (pkg-template/src, TypeScript) as clippy and rustfmt check the core: tsc
# under strict (its wasm-bindgen glue's declarations come from scripts/build-wasm.sh), then
# Biome's linter and formatter (biome.json).
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/tsc -p pkg-template
node_modules/.bin/biome ci --error-on-warnings --reporter=summary
