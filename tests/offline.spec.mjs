// Offline and install: the service worker (dist/sw.js, written by scripts/sw.mjs) caches the
// whole app, so a page loaded once computes offline, at the root and under a sub-path; a new
// build is offered as "a new version is available — reload" and replaces the old cache; where
// service workers are unavailable the page works as before. Runs on the release build.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(REPO, 'dist');
// Beside the test server's port (E2E_PORT, playwright.config.mjs), so checkouts do not collide.
const BASE_PORT = Number.parseInt(process.env.E2E_PORT ?? '4173', 10);
const SUB_PORT = BASE_PORT + 1;
const NEW_PORT = BASE_PORT + 2;

/** The seed case's duration (GPT-4 on 64,000 GB200 superchips at 40 %) and at half the count. */
const SEED_DURATION_S = 164062.5;
const HALF_COUNT_DURATION_S = 2 * SEED_DURATION_S;

/** Starts tests/serve.mjs on `port` with `env` (DIST, BASE); resolves once it listens. */
function serve(port, env) {
  const child = spawn(process.execPath, [join(REPO, 'tests', 'serve.mjs')], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${err}`)));
  });
}

/** Waits for the first result, then for the service worker to control the page. */
async function loadAndInstall(page, url) {
  await page.goto(url);
  await expect(page.getByTestId('result-duration')).toHaveAttribute('data-value', String(SEED_DURATION_S));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Reloads offline and checks that the page computes: a changed input gives a new result. */
async function computesOffline(page, context) {
  await context.setOffline(true);
  await page.reload();
  const duration = page.getByTestId('result-duration');
  await expect(duration).toHaveAttribute('data-value', String(SEED_DURATION_S));
  await page.locator('#in-count').fill('32,000');
  await expect(duration).toHaveAttribute('data-value', String(HALF_COUNT_DURATION_S));
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
  // The back-test fetches its asset on its first visit: from the cache too.
  await page.locator('#tab-backtest').click();
  await expect(page.locator('#panel-backtest svg').first()).toBeVisible();
  // The back-test tab loaded the full app (dist/full/, issue 12's lazy module): from the cache,
  // with every panel it carries.
  await expect(page.locator('html')).toHaveAttribute('data-full', '');
  for (const [tab, shown] of [
    ['factcheck', '[data-testid="claim-gpt4-12h"]'],
    ['expert', '[data-testid="x-mfu"]'],
    ['sources', '#panel-sources li[id^="src-"]'],
  ]) {
    await page.locator(`#tab-${tab}`).click();
    await expect(page.locator(shown).first()).toBeVisible();
  }
  // And the JS API module, with its own wasm.
  const gpus = await page.evaluate(async () => {
    const api = await import('./api/zettaflop.js');
    await api.default();
    return api.estimate({ workload: 'gpt-4', hardware: 'gb200', count: 2, count_unit: 'package' }).gpus;
  });
  expect(gpus).toBe(4);
}

test('the manifest is linked and names the app, its scope and its icons', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const response = await request.get(href);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({ short_name: 'Zettaflop', start_url: './', scope: './', display: 'standalone' });
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['any', '192x192', '512x512']));
  for (const icon of manifest.icons) {
    const r = await request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()['content-type']).toBe(icon.type);
    if (icon.type === 'image/png') {
      // PNG header, then the IHDR width and height.
      const bytes = await r.body();
      const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
  }
});

test('the worker lists every built file and a version from their content', async ({ request }) => {
  const sw = await (await request.get('sw.js')).text();
  const version = sw.match(/const VERSION = "([0-9a-f]{16})";/)?.[1];
  expect(version, 'a 16-hex-digit version').toBeTruthy();
  const files = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const wasm = html.match(/zettaflop-live-[0-9a-f]+_bg\.wasm/)[0];
  for (const f of ['./', `./${wasm}`, './app.js', './app/zettaflop-web_bg.wasm', './full/zettaflop-web_bg.wasm', './backtest.csv', './news.json', './api/zettaflop.js', './api/zettaflop_bg.wasm', './manifest.webmanifest', './icons/icon-192.png']) {
    expect(files).toContain(f);
  }
  expect(files).not.toContain('./sw.js');
  for (const f of files) expect((await request.get(f)).status(), f).toBe(200);
});

test('loaded once, the page still computes offline after a reload', async ({ page, context }) => {
  await loadAndInstall(page, './');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('./', page.url()).href);
  await computesOffline(page, context);
});

test('without the worker, the same offline reload fails (the offline check is real)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByTestId('result-duration')).toHaveAttribute('data-value', String(SEED_DURATION_S));
  await context.setOffline(true);
  await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  await context.close();
});

test.describe('under a sub-path', () => {
  let server;
  test.beforeAll(async () => {
    server = await serve(SUB_PORT, { DIST, BASE: '/sub/path/' });
  });
  test.afterAll(() => server?.kill());

  test('the app, its worker and its cache work under /sub/path/', async ({ page, context }) => {
    await loadAndInstall(page, `http://127.0.0.1:${SUB_PORT}/sub/path/`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`http://127.0.0.1:${SUB_PORT}/sub/path/`);
    await computesOffline(page, context);
  });
});

test.describe('a new build', () => {
  let server;
  let dir;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zettaflop-sw-'));
    cpSync(DIST, dir, { recursive: true });
    server = await serve(NEW_PORT, { DIST: dir });
  });
  test.afterAll(() => {
    server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('is offered as a new version, replaces the old cache, and reloads on click', async ({ page }) => {
    await loadAndInstall(page, `http://127.0.0.1:${NEW_PORT}/`);
    const hint = page.getByTestId('update');
    await expect(hint).toBeHidden();
    const oldCaches = await page.evaluate(() => caches.keys());
    expect(oldCaches).toHaveLength(1);

    // A "new build": another page and a worker with another version, as scripts/sw.mjs writes.
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    writeFileSync(join(dir, 'sw.js'), sw.replace(/const VERSION = "[0-9a-f]+";/, 'const VERSION = "0000000000000002";'));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), html.replace('<title>', '<meta name="zettaflop-build" content="2" />\n    <title>'));

    await page.getByTestId('lang-fr').click();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(hint).toBeVisible();
    await expect(hint).toContainText('Une nouvelle version de Zettaflop est disponible.');
    await expect(page.locator('#update-reload')).toHaveText('Recharger');
    const axe = await new AxeBuilder({ page }).include('[data-testid=update]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(axe.passes.length).toBeGreaterThan(0);
    // The new version waits beside the old one; the page is still the old build.
    expect((await page.evaluate(() => caches.keys())).sort()).toEqual([...oldCaches, 'zettaflop-0000000000000002'].sort());
    await expect(page.locator('meta[name=zettaflop-build]')).toHaveCount(0);

    await page.locator('#update-reload').click();
    await expect(page.locator('meta[name=zettaflop-build]')).toHaveCount(1);
    await expect(page.getByTestId('result-duration')).toHaveAttribute('data-value', String(SEED_DURATION_S));
    await expect(hint).toBeHidden();
    expect(await page.evaluate(() => caches.keys())).toEqual(['zettaflop-0000000000000002']);
  });
});

test('where service workers are unavailable, the page works as before', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // As in a sandboxed iframe without its own origin: reading navigator.serviceWorker throws.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', {
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
  });
  await page.goto('./');
  const duration = page.getByTestId('result-duration');
  await expect(duration).toHaveAttribute('data-value', String(SEED_DURATION_S));
  await page.locator('#in-count').fill('32,000');
  await expect(duration).toHaveAttribute('data-value', String(HALF_COUNT_DURATION_S));
  await expect(page.getByTestId('update')).toBeHidden();
  expect(errors).toEqual([]);
});
