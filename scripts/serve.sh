#!/usr/bin/env bash
# Serves the page with live rebuilds: http://127.0.0.1:8080 (address, port and offline mode are
# set in Trunk.toml). Trunk uses binaryen's wasm-opt from node_modules/.bin.
set -euo pipefail

cd "$(dirname "$0")/.."

./scripts/install.sh dev

PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PATH

echo "serve: cargo fetch"
# Trunk.toml sets offline = true, so Trunk's `cargo build` runs --offline: fetch first.
cargo fetch

echo "serve: trunk serve --release"
exec trunk serve --release
