#!/usr/bin/env bash
# Lighthouse report of the built page: serves dist/ (tests/serve.mjs, gzip on as on a real
# host) and runs npm's lighthouse (pinned in package.json) with Debian's Chromium, desktop and
# mobile presets, and prints the four scores (performance, accessibility, best practices, SEO)
# with the audits below 90 that weigh on them. A benchmark, not a gate: scripts/test.sh does not
# run it. The JSON reports are kept in target/lighthouse/.
#
#   scripts/lighthouse.sh            builds nothing: run `trunk build --release` first
#   PORT=4180 scripts/lighthouse.sh  another port for the static server
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-4180}"
out="target/lighthouse"
chrome="$(command -v chromium || true)"
if [ -z "$chrome" ]; then
  echo "lighthouse: chromium not found (scripts/install.sh test installs it)" >&2
  exit 1
fi
if [ ! -f dist/index.html ]; then
  echo "lighthouse: dist/index.html not found; run trunk build --release first" >&2
  exit 1
fi
mkdir -p "$out"

GZIP=1 PORT="$port" node tests/serve.mjs >"$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then break; fi
  sleep 0.1
done

export CHROME_PATH="$chrome"
for preset in desktop mobile; do
  args=(--quiet --output=json --output-path="$out/$preset.json"
    --chrome-flags="--headless=new --no-sandbox --disable-gpu"
    --only-categories=performance,accessibility,best-practices,seo)
  # Lighthouse's default is the mobile preset (emulated phone, throttled 4G and CPU).
  [ "$preset" = "desktop" ] && args+=(--preset=desktop)
  node_modules/.bin/lighthouse "http://127.0.0.1:$port/" "${args[@]}"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = (id) => Math.round(r.categories[id].score * 100);
    console.log(`${process.argv[2].padEnd(8)} performance ${s("performance")}  accessibility ${s("accessibility")}  best-practices ${s("best-practices")}  seo ${s("seo")}`);
    for (const id of ["performance", "accessibility", "best-practices", "seo"]) {
      const failed = r.categories[id].auditRefs
        .filter((a) => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 0.9)
        .map((a) => `${a.id} (${Math.round(r.audits[a.id].score * 100)})`);
      if (failed.length) console.log(`         ${id}: ${failed.join(", ")}`);
    }
  ' "$out/$preset.json" "$preset"
done
