#!/usr/bin/env bash
# Trunk post_build hook step: the page's app (crates/web), built like Trunk builds a page
# (release, wasm-bindgen --target web, wasm-opt -Oz), in two flavours:
#   build-full.sh app   <dist>/app/:  with the `lite` feature, loaded by www/app.js once the
#                       first module (crates/live, Trunk's own build) has made the prerendered
#                       answer live; it holds the calculator
#   build-full.sh       <dist>/full/: everything, loaded by www/full.js when the reader opens a
#                       part the light app leaves out
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-full}"
profile="${TRUNK_PROFILE:-release}"
out="${TRUNK_STAGING_DIR:-dist}/$name"
flags=(--target wasm32-unknown-unknown -p zettaflop-web --bin zettaflop-web --offline)
[ "$profile" = "release" ] && flags+=(--release)
[ "$name" = "app" ] && flags+=(--features lite)

cargo build "${flags[@]}"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name zettaflop-web \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/zettaflop-web.wasm"
if [ "$profile" = "release" ]; then
  wasm-opt -Oz "$out/zettaflop-web_bg.wasm" -o "$out/zettaflop-web_bg.wasm"
fi
echo "build-full: $(du -b "$out/zettaflop-web_bg.wasm" | cut -f1) bytes of wasm in $out"
