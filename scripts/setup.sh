#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there at the right
# version: the wasm target, wasm-bindgen-cli (the version in Cargo.lock), wasm-pack, Chromium
# and ChromeDriver (Debian), and the npm dev tools (wasm-opt from binaryen, …).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "setup: $*"; }

rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

cargo_tool() { # name crate version
  local have
  have=$("$1" --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$3" ]; then
    say "installing $2 $3 (found: ${have:-none})"
    cargo install "$2" --version "$3" --locked --quiet || cargo install "$2" --version "$3" --force --quiet
  fi
}
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
cargo_tool wasm-bindgen wasm-bindgen-cli "$bindgen_version"
cargo_tool wasm-pack wasm-pack 0.15.1

# Chromium for the browser tests; CJK and emoji fonts so screenshots show the demo's text.
missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing_debs+=(fonts-noto-cjk)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing_debs+=(fonts-noto-color-emoji)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "installing ${missing_debs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_debs[@]}" >/dev/null
fi

# npm dev tools: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.package-lock.sha
want=$(sha1sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
