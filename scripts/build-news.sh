#!/usr/bin/env bash
# Trunk post_build hook step (run by scripts/post-build.sh): writes <dist>/news.json, the
# "In the news" asset the fact-check fetches when the reader first opens it (so the library of
# published claims costs the first load nothing). It is `zettaflop claims --library --asset`:
# every claim of crates/estimator/data/claims-library.csv with its source, quote, kind, the
# claim in the JSON contract, and the checker's verdict with its reason in English and French.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${TRUNK_STAGING_DIR:-dist}/news.json"
cargo build --release -p zettaflop-cli --offline
"${CARGO_TARGET_DIR:-target}/release/zettaflop" claims --library --asset >"$out.tmp"
n=$(grep -o '"id":"C[0-9]*"' "$out.tmp" | wc -l)
if [ "$n" -lt 1 ]; then
  echo "build-news: no claims in $out" >&2
  exit 1
fi
mv "$out.tmp" "$out"
echo "build-news: $n claims, $(wc -c <"$out") bytes in $out"
