#!/usr/bin/env bash
# Benchmark of the built page (sizes, answer visible, page live, input latency). Prints numbers;
# never fails on timing.
#
#   scripts/bench.sh                 this tree's release build
#   scripts/bench.sh --against REF   the same, beside a release build of the git ref REF (a
#                                    commit, branch or tag) built from a temporary worktree and
#                                    served in the same run: the cold loads alternate between the
#                                    two builds and the ratios are printed (docs/benchmark.md)
set -euo pipefail

cd "$(dirname "$0")/.."

ref=""
case "${1:-}" in
  "") ;;
  --against)
    ref="${2:?usage: scripts/bench.sh [--against REF]}"
    ;;
  *)
    echo "usage: scripts/bench.sh [--against REF]" >&2
    exit 2
    ;;
esac

./scripts/install.sh test

PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PATH

echo "bench: cargo fetch"
cargo fetch
echo "bench: trunk build --release"
trunk build --release

if [ -n "$ref" ]; then
  sha="$(git rev-parse --verify "$ref^{commit}")"
  tree="${TMPDIR:-/tmp}/zettaflop-bench-$sha"
  git worktree prune
  if [ ! -d "$tree" ]; then
    echo "bench: worktree of $ref ($sha) in $tree"
    git worktree add --detach "$tree" "$sha" >/dev/null
  fi
  # The reference shares this tree's npm packages, and keeps its own cargo build directory
  # (target/bench-ref, reused by later runs) so that its binaries never replace this tree's;
  # both through links its scripts see as their own node_modules/ and target/.
  mkdir -p target/bench-ref
  ln -sfn "$PWD/node_modules" "$tree/node_modules"
  [ -e "$tree/target" ] || ln -s "$PWD/target/bench-ref" "$tree/target"
  echo "bench: trunk build --release of $ref"
  (cd "$tree" && cargo fetch && trunk build --release)
  export REF_DIST="$tree/dist" REF_NAME="$ref"
fi

echo "bench: node tests/bench.mjs"
exec node tests/bench.mjs
