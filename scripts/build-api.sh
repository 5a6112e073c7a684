#!/usr/bin/env bash
# Trunk post_build hook: builds the JS API (crates/js: the estimator alone as an ES module) into
# <dist>/api/.
# The page's own wasm does not carry it, so readers of the page do not pay for it.
#
#   zettaflop.js, zettaflop_bg.wasm   the module (wasm-bindgen --target web)
#   zettaflop.d.ts                    its TypeScript declarations: wasm-bindgen's signatures plus
#                                     the contract's types, generated from the JSON Schema
#                                     (scripts/api-types.mjs)
#   zettaflop.schema.json             the JSON Schema of every document (`zettaflop schema`)
#   schema/<name>.json                one document's schema (scenario, report, claim, …)
#   example.html, example.js          a small page driving estimate and check (www/api/)
#
#   import init, { estimate, check, catalogIds } from './api/zettaflop.js';
#   await init();
#   const report = estimate({ workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package' });
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${TRUNK_PROFILE:-release}"
out="${TRUNK_STAGING_DIR:-dist}/api"
flags=(--target wasm32-unknown-unknown -p zettaflop-js --lib --offline)
[ "$profile" = "release" ] && flags+=(--release)

cargo build "${flags[@]}"
mkdir -p "$out/schema"
wasm-bindgen --target web --out-dir "$out" --out-name zettaflop \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/zettaflop_js.wasm"
if [ "$profile" = "release" ]; then
  wasm-opt -Oz "$out/zettaflop_bg.wasm" -o "$out/zettaflop_bg.wasm"
fi

# The schema comes from the native CLI (feature `schema`: schemars stays out of every wasm).
cargo build --release -p zettaflop-cli --offline
zettaflop="${CARGO_TARGET_DIR:-target}/release/zettaflop"
"$zettaflop" schema >"$out/zettaflop.schema.json"
names="$(node -e 'const b = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(Object.keys(b.roots).join(" "))' "$out/zettaflop.schema.json")"
for name in $names; do
  "$zettaflop" schema "$name" >"$out/schema/$name.json"
done
node scripts/api-types.mjs "$out/zettaflop.schema.json" "$out/zettaflop.d.ts"

cp www/api/example.html www/api/example.js "$out/"
echo "build-api: $(du -b "$out/zettaflop_bg.wasm" | cut -f1) bytes of wasm in $out"
