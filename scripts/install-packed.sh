#!/usr/bin/env bash
# Packs pkg/ with npm (as `npm publish` would) and installs the tarball into tests/package/, so
# the package tests `require`/`import` it by name.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/package
rm -f target/package/iot-explorer-app-*.tgz
(cd pkg && npm pack --silent --pack-destination ../target/package >/dev/null)
tarball=$(ls target/package/iot-explorer-app-*.tgz)
(cd tests/package && rm -rf node_modules && npm install --no-save --no-audit --no-fund --loglevel=error "../../$tarball")
echo "install-packed: $tarball installed into tests/package/node_modules"
