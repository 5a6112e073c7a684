#!/usr/bin/env bash
# Trunk post_build hook step: the full app (crates/web without the `lite` feature) in
# <dist>/full/, loaded on first use by the page's light first module (www/full.js). Built like
# Trunk builds the page: release, wasm-bindgen --target web, wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${TRUNK_PROFILE:-release}"
out="${TRUNK_STAGING_DIR:-dist}/full"
flags=(--target wasm32-unknown-unknown -p zettaflop-web --bin zettaflop-web --offline)
[ "$profile" = "release" ] && flags+=(--release)

cargo build "${flags[@]}"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name zettaflop-web \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/zettaflop-web.wasm"
if [ "$profile" = "release" ]; then
  wasm-opt -Oz "$out/zettaflop-web_bg.wasm" -o "$out/zettaflop-web_bg.wasm"
fi
echo "build-full: $(du -b "$out/zettaflop-web_bg.wasm" | cut -f1) bytes of wasm in $out"
