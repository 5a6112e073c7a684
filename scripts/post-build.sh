#!/usr/bin/env bash
# Trunk's post_build hook. Trunk starts all hooks of a stage at once, so the steps that depend
# on each other run here, in order:
#   1. build-api.sh       the JS API in <dist>/api/
#   1b. build-full.sh     the page's light app in <dist>/app/ (loaded once the first module,
#                         Trunk's own build of crates/live, has made the answer live) and the
#                         full app in <dist>/full/ (loaded on first use by the light app)
#   2. build-backtest.sh  the back-test asset <dist>/backtest.csv
#      build-news.sh      the "In the news" asset <dist>/news.json
#   3. prerender.mjs      the default page in both languages, in index.html (edits it)
#   4. csp.mjs            the Content-Security-Policy in index.html (edits it; hashes the
#                         prerender's inline scripts)
#   5. sw.mjs             the service worker: the list and hash of every file above, so last
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-api.sh
bash scripts/build-full.sh app
bash scripts/build-full.sh
bash scripts/build-backtest.sh
bash scripts/build-news.sh
node scripts/prerender.mjs
node scripts/csp.mjs
node scripts/sw.mjs
