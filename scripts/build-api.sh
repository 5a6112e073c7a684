#!/usr/bin/env bash
# Trunk post_build hook: builds the JS API, the estimator alone as an ES module, into
# <dist>/api/ (zettaflop.js, zettaflop_bg.wasm, zettaflop.d.ts). The page's own wasm does not
# carry it, so readers of the page do not pay for it.
#
#   import init, { estimate, check, catalogIds } from './api/zettaflop.js';
#   await init();
#   const report = estimate({ workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package' });
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${TRUNK_PROFILE:-release}"
out="${TRUNK_STAGING_DIR:-dist}/api"
flags=(--target wasm32-unknown-unknown -p zettaflop-estimator --features wasm --lib --offline)
[ "$profile" = "release" ] && flags+=(--release)

cargo build "${flags[@]}"
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" --out-name zettaflop \
  "target/wasm32-unknown-unknown/$profile/zettaflop_estimator.wasm"
if [ "$profile" = "release" ]; then
  wasm-opt -Oz "$out/zettaflop_bg.wasm" -o "$out/zettaflop_bg.wasm"
fi
echo "build-api: $(du -b "$out/zettaflop_bg.wasm" | cut -f1) bytes of wasm in $out"
