#!/usr/bin/env bash
# Packs pkg/ with npm (as `npm publish` would) and installs the tarball into tests/package/ (or
# the folder given, e.g. bench/), so the package tests and benchmarks `require`/`import` it by
# name.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-tests/package}
mkdir -p target/package
rm -f target/package/iot-explorer-app-*.tgz
(cd pkg && npm pack --silent --pack-destination ../target/package >/dev/null)
tarball=$PWD/$(ls target/package/iot-explorer-app-*.tgz)
(cd "$dest" && rm -rf node_modules && npm install --no-save --no-audit --no-fund --loglevel=error "$tarball")
echo "install-packed: ${tarball#"$PWD/"} installed into $dest/node_modules"
