#!/usr/bin/env bash
# Trunk post_build hook: writes the back-test asset, <dist>/backtest.csv, the page fetches when
# its "Back-test" tab is first opened (so the long tail of runs costs nothing at first load).
# It is `zettaflop backtest --csv`: every run with compute, hardware, count and time (the core
# runs and Epoch AI's notable models), its implied utilization, reported MFU, verdict and
# reason in English and French. Data: Epoch AI (CC BY 4.0), credited where the page shows it.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${TRUNK_STAGING_DIR:-dist}/backtest.csv"
cargo build --release -p zettaflop-cli --offline
"${CARGO_TARGET_DIR:-target}/release/zettaflop" backtest --csv >"$out.tmp"
rows=$(($(wc -l <"$out.tmp") - 1))
if [ "$rows" -lt 1 ]; then
  echo "build-backtest: no runs in $out" >&2
  exit 1
fi
mv "$out.tmp" "$out"
echo "build-backtest: $rows runs, $(wc -c <"$out") bytes in $out"
