#!/usr/bin/env bash
# Benchmark of the built page (sizes, first result, input latency). Prints numbers; never fails
# on timing.
set -euo pipefail

cd "$(dirname "$0")/.."

./scripts/install.sh test

PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PATH

echo "bench: cargo fetch"
cargo fetch
echo "bench: trunk build --release"
trunk build --release
echo "bench: node tests/bench.mjs"
exec node tests/bench.mjs
