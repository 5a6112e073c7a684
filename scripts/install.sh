#!/usr/bin/env bash
# Installs what building and testing Zettaflop needs, from package registries only
# (rustup's target, crates.io, npm, Debian). Idempotent: each step is skipped when its tool is
# already there at the right version. Prints one line per step.
#
#   scripts/install.sh [dev|test|fuzz]     (default: dev)
#
#   dev   wasm32 target, trunk, wasm-bindgen-cli (= Cargo.lock's wasm-bindgen), npm packages
#   test  the same, plus Debian's chromium and chromium-driver
#   fuzz  the same as dev, plus the nightly toolchain and cargo-fuzz (README, "Fuzzing");
#         never needed by the tests
#
# Exports nothing: the other scripts set PATH themselves.
set -euo pipefail

cd "$(dirname "$0")/.."

mode="${1:-dev}"
case "$mode" in
  dev | test | fuzz) ;;
  *)
    echo "usage: scripts/install.sh [dev|test|fuzz]" >&2
    exit 2
    ;;
esac

TRUNK_VERSION="0.21.14"
# Tools installed by `cargo install` live here; make sure this script sees them.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$CARGO_BIN:"*) ;;
  *) PATH="$CARGO_BIN:$PATH" ;;
esac

step() { printf 'install: %s\n' "$*"; }

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "install: '$1' not found: $2" >&2
    exit 1
  fi
}

need cargo "install Rust with rustup first"
need rustup "install Rust with rustup first"
need npm "install Node.js and npm first (Debian: apt-get install -y nodejs npm)"

# --- Rust target for the page and the browser tests -----------------------------------------
# (Lists captured first: `cmd | grep -q` can fail under pipefail when grep exits early.)
targets="$(rustup target list --installed)"
if grep -qx 'wasm32-unknown-unknown' <<<"$targets"; then
  step "rust target wasm32-unknown-unknown: present"
else
  step "rust target wasm32-unknown-unknown: adding"
  rustup target add wasm32-unknown-unknown
fi

# --- rustfmt and clippy (scripts/test.sh runs both) ---------------------------------------
components="$(rustup component list --installed)"
for component in rustfmt clippy; do
  if grep -q "^$component" <<<"$components"; then
    step "rust component $component: present"
  else
    step "rust component $component: adding"
    rustup component add "$component"
  fi
done

# --- trunk ---------------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null || true)"
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
  step "trunk $TRUNK_VERSION: present"
else
  step "trunk $TRUNK_VERSION: installing (found: ${have_trunk:-none}; takes ~6 min)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli, at exactly Cargo.lock's wasm-bindgen ---------------------------------
wb_version="$(awk '
  /^\[\[package\]\]/ { in_wb = 0 }
  /^name = "wasm-bindgen"$/ { in_wb = 1; next }
  in_wb && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
' Cargo.lock)"
if [ -z "$wb_version" ]; then
  echo "install: no wasm-bindgen package in Cargo.lock" >&2
  exit 1
fi
have_wb="$(wasm-bindgen --version 2>/dev/null || true)"
if [ "$have_wb" = "wasm-bindgen $wb_version" ]; then
  step "wasm-bindgen-cli $wb_version: present"
else
  step "wasm-bindgen-cli $wb_version: installing (found: ${have_wb:-none}; takes ~4 min)"
  # Not --locked: its lock pins a webpki-roots the registry lacks (docs/development.md, pitfall 2).
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# --- npm packages (Playwright, binaryen's wasm-opt) -----------------------------------------
mkdir -p .stamps
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.package-lock.json ] && [ "$(cat .stamps/npm 2>/dev/null || true)" = "$lock_sum" ]; then
  step "npm packages: up to date"
else
  step "npm packages: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_sum" >.stamps/npm
fi

# --- Chromium and ChromeDriver (test mode) --------------------------------------------------
if [ "$mode" = "test" ]; then
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    step "chromium + chromium-driver: present"
  else
    step "chromium + chromium-driver: installing with apt"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
fi

# --- nightly and cargo-fuzz (fuzz mode only) -------------------------------------------------
if [ "$mode" = "fuzz" ]; then
  toolchains="$(rustup toolchain list)"
  if grep -q '^nightly' <<<"$toolchains"; then
    step "rust nightly: present"
  else
    step "rust nightly: installing"
    rustup toolchain install nightly --profile minimal
  fi
  if cargo +nightly fuzz --version >/dev/null 2>&1; then
    step "cargo-fuzz: present ($(cargo +nightly fuzz --version))"
  else
    step "cargo-fuzz: installing (takes ~2 min)"
    cargo +nightly install cargo-fuzz
  fi
fi
