// Benchmark of the built page (dist/): a report of numbers, not a test. It never fails on timing;
// it exits non-zero only when it cannot measure (no dist/, no server, no browser).
//
//   node tests/bench.mjs          (scripts/bench.sh builds dist/ first; env DIST, BENCH_PORT)
//   REF_DIST=path REF_NAME=main node tests/bench.mjs
//                                 also measures a reference build (scripts/bench.sh --against REF
//                                 builds it) served in the same run, and prints ratios
//
// 1. Download size: gzip -9 of the html, js, wasm and css files of dist/.
// 2. Navigation → first result painted, → page live, → app mounted: 10 cold loads (a new browser
//    context each) in headless Chromium, served gzipped (tests/serve.mjs GZIP=1, as a host
//    would); an init script's MutationObserver notes when [data-testid=result-duration] first
//    has text (visible), when <html data-live> is set (live: the first module answers typing;
//    builds before it have only data-ready, which then counts) and when <html data-ready> is
//    (app: the Leptos app has mounted), each plus one requestAnimationFrame, as
//    performance.now() (ms since navigation); and the bytes received (encodedBodySize, document
//    included) until live. With a reference build, its loads alternate with this build's (ABBA
//    order), so both see the same machine; the ratios of the medians are printed.
// 3. Input → updated result: 50 edits of #in-count, each timed inside the page from dispatching
//    the `input` event to the result's text changing plus one requestAnimationFrame.
import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.DIST ? resolve(process.env.DIST) : join(REPO, 'dist');
const PORT = Number.parseInt(process.env.BENCH_PORT ?? '4174', 10);
const URL_ROOT = `http://127.0.0.1:${PORT}/`;
const REF_DIST = process.env.REF_DIST ? resolve(process.env.REF_DIST) : null;
const REF_NAME = process.env.REF_NAME ?? 'reference';
const REF_PORT = PORT + 1;
const REF_URL = `http://127.0.0.1:${REF_PORT}/`;
const LOADS = 10;
const EDITS = 50;
const KB = 1024;

const fmtKB = (bytes) => (bytes / KB).toFixed(1).padStart(8);
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

// ---------------------------------------------------------------------------------------------
function sizes(dist = DIST, label = 'dist/') {
  const DIST = dist;
  console.log(`\n== 1. size of ${label} (gzip -9; 1 KB = ${KB} B) ==`);
  const kinds = { html: ['.html'], js: ['.js', '.mjs'], wasm: ['.wasm'], css: ['.css'] };
  const kindOf = (f) => Object.keys(kinds).find((k) => kinds[k].includes(extname(f).toLowerCase()));
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue; // e.g. Trunk's .stage/ during a build
      const p = join(dir, e.name);
      // dist/api/ (the JS API module) and other subfolders are not part of the page's load.
      if (e.isDirectory()) continue;
      else if (e.isFile() && kindOf(p)) files.push(p);
    }
  };
  walk(DIST);
  files.sort();
  const totals = Object.fromEntries(Object.keys(kinds).map((k) => [k, { raw: 0, gz: 0, n: 0 }]));
  console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}`);
  for (const f of files) {
    const data = readFileSync(f);
    const gz = gzipSync(data, { level: 9 }).length;
    const t = totals[kindOf(f)];
    t.raw += data.length;
    t.gz += gz;
    t.n += 1;
    console.log(`${relative(DIST, f).padEnd(48)} ${fmtKB(data.length)} ${fmtKB(gz)}`);
  }
  console.log('-'.repeat(66));
  let raw = 0;
  let gz = 0;
  for (const [k, t] of Object.entries(totals)) {
    raw += t.raw;
    gz += t.gz;
    console.log(`${`${k} (${t.n} file${t.n === 1 ? '' : 's'})`.padEnd(48)} ${fmtKB(t.raw)} ${fmtKB(t.gz)}`);
  }
  console.log(`${'total (what the page loads)'.padEnd(48)} ${fmtKB(raw)} ${fmtKB(gz)}`);
  sizes.totals = { raw, gz };
  const api = join(DIST, 'api', 'zettaflop_bg.wasm');
  if (existsSync(api)) {
    const data = readFileSync(api);
    const js = readFileSync(join(DIST, 'api', 'zettaflop.js'));
    const gzApi = gzipSync(data, { level: 9 }).length + gzipSync(js, { level: 9 }).length;
    console.log(`${'api/ (JS API module, loaded only by who imports it)'.padEnd(48)} ${fmtKB(data.length + js.length)} ${fmtKB(gzApi)}`);
  }
  // The full app, loaded on first use of a lazy panel (issue 12): full.js, full/*.js, full/*.wasm.
  const full = join(DIST, 'full');
  if (existsSync(full)) {
    let raw = 0;
    let gz = 0;
    for (const f of readdirSync(full)) {
      const data = readFileSync(join(full, f));
      raw += data.length;
      gz += gzipSync(data, { level: 9 }).length;
    }
    console.log(`${'full/ (the full app, loaded on first use)'.padEnd(48)} ${fmtKB(raw)} ${fmtKB(gz)}`);
  }
}

// ---------------------------------------------------------------------------------------------
async function startServer(dist = DIST, port = PORT) {
  const URL_ROOT = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [join(REPO, 'tests', 'serve.mjs')], {
    env: { ...process.env, PORT: String(port), DIST: dist, GZIP: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = null;
  child.on('exit', (code) => {
    exited = code ?? 1;
  });
  for (let i = 0; i < 100; i++) {
    if (exited !== null) throw new Error(`tests/serve.mjs exited with code ${exited}`);
    try {
      const r = await fetch(URL_ROOT);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`tests/serve.mjs did not answer on ${URL_ROOT}`);
}

function systemChromium() {
  try {
    return execSync('command -v chromium', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new Error('chromium not found on PATH: run `scripts/install.sh test`');
  }
}

// Installed before any page script: notes when the first result has text (visible), when the
// page is live (<html data-live>, set by the first module once typing answers; builds before it
// only have data-ready) and when the app is (<html data-ready>), each plus one frame. A result
// already in the HTML counts from the first check.
function firstResultProbe() {
  const mark = (name) => requestAnimationFrame(() => {
    window[name] = performance.now();
  });
  let visible = false;
  let live = false;
  let app = false;
  const check = () => {
    if (!visible) {
      const el = document.querySelector('[data-testid=result-duration]');
      if (el && el.textContent.trim() !== '') {
        visible = true;
        mark('__benchFirstResult');
      }
    }
    const html = document.documentElement;
    if (!live && (html?.hasAttribute('data-live') || html?.hasAttribute('data-ready'))) {
      live = true;
      mark('__benchLive');
    }
    if (!app && html?.hasAttribute('data-ready')) {
      app = true;
      mark('__benchApp');
    }
    if (visible && live && app) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** One cold load of `url`: { visible, live, app } in ms since navigation, and `bytes`: what
 * came over the network (as served: gzip) until the page was live, document included. */
async function coldLoad(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(firstResultProbe);
    await page.goto(url);
    await page.waitForFunction(
      () => window.__benchFirstResult !== undefined && window.__benchLive !== undefined && window.__benchApp !== undefined,
      null,
      { timeout: 60_000 },
    );
    return await page.evaluate(() => {
      const live = window.__benchLive;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const bytes = entries.filter((e) => e.responseEnd <= live).reduce((n, e) => n + (e.encodedBodySize || 0), 0);
      return { visible: window.__benchFirstResult, live, app: window.__benchApp, bytes };
    });
  } finally {
    await context.close();
  }
}

function summary(label, times) {
  return `${label.padEnd(12)} visible: median ${fmtMs(median(times.map((t) => t.visible)))}` +
    `   live: median ${fmtMs(median(times.map((t) => t.live)))}` +
    `   app: median ${fmtMs(median(times.map((t) => t.app)))}` +
    `   bytes before live: median ${fmtKB(median(times.map((t) => t.bytes))).trim()} KB`;
}

async function firstResult(browser) {
  const against = REF_DIST ? `, alternating with ${REF_NAME}` : '';
  console.log(`\n== 2. navigation → answer visible, page live (${LOADS} cold loads, new context each${against}) ==`);
  const mine = [];
  const ref = [];
  for (let i = 0; i < LOADS; i++) {
    // ABBA: the reference first on odd rounds, so neither build always runs on a warmer machine.
    const order = REF_DIST && i % 2 ? ['ref', 'this'] : ['this', 'ref'];
    for (const which of order) {
      if (which === 'ref' && !REF_DIST) continue;
      const t = await coldLoad(browser, which === 'ref' ? REF_URL : URL_ROOT);
      (which === 'ref' ? ref : mine).push(t);
      const label = which === 'ref' ? REF_NAME : 'this build';
      console.log(`  load ${String(i + 1).padStart(2)} ${label.padEnd(12)} visible ${fmtMs(t.visible)}, live ${fmtMs(t.live)}, app ${fmtMs(t.app)}, ${fmtKB(t.bytes).trim()} KB before live`);
    }
  }
  console.log(`  ${summary('this build', mine)}`);
  if (REF_DIST) {
    console.log(`  ${summary(REF_NAME, ref)}`);
    const ratio = (k) => (median(mine.map((t) => t[k])) / median(ref.map((t) => t[k]))).toFixed(2);
    console.log(`  ratio this/${REF_NAME}: visible ${ratio('visible')}×, live ${ratio('live')}×, app ${ratio('app')}×, bytes before live ${ratio('bytes')}×`);
  }
}

// Runs in the page: sets #in-count, dispatches `input`, resolves with the ms until the result's
// text changed plus one frame (null after 5 s without a change).
function timedEdit(value) {
  const input = document.getElementById('in-count');
  const textOf = () => document.querySelector('[data-testid=result-duration]')?.textContent ?? '';
  const before = textOf();
  return new Promise((resolve) => {
    let t0 = 0;
    const observer = new MutationObserver(() => {
      if (textOf() !== before) {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, 5000);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    input.value = value;
    t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function inputLatency(browser, withCharts = false) {
  const what = withCharts ? ', the charts section open' : '';
  console.log(`\n== 3. input → updated result (${EDITS} edits of #in-count${what}) ==`);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(URL_ROOT);
    // Live: the prerendered answer is there before the wasm, which then takes the page over.
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=result-duration]')?.textContent ?? '').trim() !== '' &&
        document.documentElement.hasAttribute('data-ready'),
      null,
      { timeout: 60_000 },
    );
    if (withCharts) {
      await page.locator('[data-testid=charts] summary').click();
      await page.waitForSelector('[data-testid=chart-time] svg');
    }
    const times = [];
    let missed = 0;
    for (let i = 0; i < EDITS; i++) {
      // Alternate between about 32k and 64k packages so the shown duration surely changes.
      const value = String((i % 2 ? 64000 : 32000) + i);
      const t = await page.evaluate(timedEdit, value);
      if (t === null) missed += 1;
      else times.push(t);
    }
    if (times.length === 0) {
      console.log(`  no edit changed the result's text within 5 s (${missed} tried)`);
      return;
    }
    console.log(
      `  median: ${fmtMs(median(times))}   p95: ${fmtMs(percentile(times, 95))}   ` +
        `(min ${fmtMs(Math.min(...times))}, max ${fmtMs(Math.max(...times))}, n = ${times.length})`,
    );
    if (missed) console.log(`  ${missed} edit(s) did not change the result's text within 5 s`);
  } finally {
    await context.close();
  }
}

// The layout search in the browser, through the JS API module (dist/api/): a 1T-parameter GPT
// (Megatron's shape) on 4,096 H100, as the native example `bench_search` does.
async function searchInBrowser(browser) {
  console.log('\n== 4. layout search in the browser (JS API, 1T parameters on 4,096 H100) ==');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(URL_ROOT);
    const r = await page.evaluate(async () => {
      const api = await import('./api/zettaflop.js');
      await api.default();
      const job = {
        model: { layers: 128, hidden: 25600, heads: 160, ffn: 102400, seq_len: 2048, vocab: 51200, mlp: 'gelu' },
        hardware: 'h100', gpus: 4096, global_batch: 3072,
      };
      const times = [];
      let evaluated = 0;
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        const res = api.search(job);
        times.push(performance.now() - t0);
        evaluated = res.evaluated;
      }
      times.sort((a, b) => a - b);
      return { median: times[5], min: times[0], max: times[9], evaluated };
    });
    console.log(`  ${r.evaluated} layouts per search; median ${fmtMs(r.median)} (min ${fmtMs(r.min)}, max ${fmtMs(r.max)}) over 10 searches`);
  } finally {
    await context.close();
  }
}

// From a click on a lazy panel's tab (or summary) to its content painted, on a live page loaded
// cold: the full app's download, compile and takeover (issue 12), or the panel's own mount on a
// build without the split. Median of 3 cold loads per panel.
const LAZY = [
  ['fact-check', '#tab-factcheck', '[data-testid="claim-gpt4-12h"]'],
  ['expert', '#tab-expert', '[data-testid="x-mfu"]'],
  ['back-test', '#tab-backtest', '#panel-backtest svg'],
  ['sources', '#tab-sources', '#panel-sources li[id^="src-"]'],
  ['charts', '[data-testid="charts"] summary', '[data-testid="chart-time"] svg'],
];

function clickAndWait({ trigger, shown }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    document.querySelector(trigger).click();
    const check = () => {
      const el = document.querySelector(shown);
      if (el && el.getClientRects().length > 0) requestAnimationFrame(() => resolve(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    check();
  });
}

async function clickToPanel(browser, url, label) {
  const out = [];
  for (const [name, trigger, shown] of LAZY) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, { timeout: 60_000 });
        times.push(await page.evaluate(clickAndWait, { trigger, shown }));
      } finally {
        await context.close();
      }
    }
    out.push(`${name} ${fmtMs(median(times)).trim()}`);
  }
  console.log(`  ${label.padEnd(12)} ${out.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
if (!existsSync(join(DIST, 'index.html'))) {
  console.error('bench: dist/index.html not found; run `trunk build --release` (scripts/bench.sh does)');
  process.exit(1);
}
sizes();
let refServer;
if (REF_DIST) {
  const mine = sizes.totals;
  sizes(REF_DIST, `${REF_NAME} (${REF_DIST})`);
  const ref = sizes.totals;
  console.log(`\nratio this/${REF_NAME}: total gzip ${(mine.gz / ref.gz).toFixed(2)}× (${fmtKB(mine.gz).trim()} KB against ${fmtKB(ref.gz).trim()} KB)`);
  refServer = await startServer(REF_DIST, REF_PORT);
}
const server = await startServer();
let browser;
try {
  browser = await chromium.launch({
    executablePath: systemChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  console.log(`\nChromium ${browser.version()}, page ${URL_ROOT}`);
  await firstResult(browser);
  await inputLatency(browser);
  await inputLatency(browser, true);
  await searchInBrowser(browser);
  console.log('\n== 5. click → lazy panel shown (median of 3 cold loads each) ==');
  await clickToPanel(browser, URL_ROOT, 'this build');
  if (REF_DIST) await clickToPanel(browser, `http://127.0.0.1:${REF_PORT}/`, REF_NAME);
} finally {
  await browser?.close();
  server.kill();
  refServer?.kill();
}
