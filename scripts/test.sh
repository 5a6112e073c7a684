#!/usr/bin/env bash
# Every check of the project, in order, failing fast. Works on a fresh clone (installs what is
# missing through scripts/install.sh test) and on a warm one.
set -euo pipefail

cd "$(dirname "$0")/.."

./scripts/install.sh test

# binaryen's wasm-opt (node_modules/.bin) must come before any other wasm-opt (docs/development.md,
# pitfall 1); trunk, wasm-bindgen and wasm-bindgen-test-runner live in cargo's bin.
PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PATH

# wasm-bindgen-test-runner (the wasm32 runner set in .cargo/config.toml) drives headless
# Chromium through it.
if ! CHROMEDRIVER="$(command -v chromedriver)"; then
  echo "test: chromedriver not found (scripts/install.sh test installs it)" >&2
  exit 1
fi
export CHROMEDRIVER

total=10
n=0
passed=0
started_all=$SECONDS

stage() {
  n=$((n + 1))
  printf '\n==================== [%d/%d] %s ====================\n' "$n" "$total" "$1"
  shift
  local t0=$SECONDS
  "$@"
  passed=$((passed + 1))
  printf -- '---- [%d/%d] ok (%ds)\n' "$n" "$total" "$((SECONDS - t0))"
}

# Trunk.toml sets offline = true (trunk's cargo build runs --offline): have every crate local.
stage "cargo fetch" \
  cargo fetch
stage "rustfmt" \
  cargo fmt --all -- --check
stage "clippy (estimator, link, cli, prerender; web native)" \
  bash -c 'cargo clippy -p zettaflop-estimator -p zettaflop-link -p zettaflop-live -p zettaflop-cli -p zettaflop-prerender --all-targets -- -D warnings && cargo clippy -p zettaflop-web -- -D warnings'
stage "clippy (web full and lite, first module, JS API; wasm32)" \
  bash -c 'cargo clippy -p zettaflop-web -p zettaflop-js -p zettaflop-live --target wasm32-unknown-unknown --all-targets -- -D warnings && cargo clippy -p zettaflop-web --features lite --target wasm32-unknown-unknown --all-targets -- -D warnings'
stage "cargo test (estimator, link, cli; the page's native unit tests)" \
  bash -c 'cargo test -p zettaflop-estimator -p zettaflop-link -p zettaflop-cli && cargo test -p zettaflop-web --lib'
stage "wasm-bindgen-test in headless Chromium (the JS API)" \
  cargo test --target wasm32-unknown-unknown -p zettaflop-js --test wasm
stage "wasm-bindgen-test in headless Chromium (web)" \
  cargo test --target wasm32-unknown-unknown -p zettaflop-web --test mount
stage "build the CLI (release)" \
  cargo build --release -p zettaflop-cli
# Always rebuild: `trunk serve` leaves a debug build in the same dist/ (docs/development.md, pitfall 5).
stage "trunk build --release" \
  trunk build --release
stage "Playwright end-to-end tests" \
  npx playwright test

printf '\ntest.sh: all %d stages ok in %ds\n' "$passed" "$((SECONDS - started_all))"
