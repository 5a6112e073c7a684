// End-to-end tests of the built page (dist/ from `trunk build --release`), served by tests/serve.mjs.
// The selectors are the page's contract: inputs `#in-<name>` with a `<label for>`, errors
// `#in-<name>-error`, results `[data-testid=result-<key>]` whose `data-value` is the raw SI number
// of the estimator's report, and the JS API `window.zettaflop.estimate(scenario)`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO, expect, open, test } from './fixtures.mjs';

/** The seed case: GPT-4 (2.1e25 FLOP) on 64,000 GB200 superchips (128,000 GPUs) at 40 %. */
const SEED_DURATION_S = 164062.5;

// `test` (tests/fixtures.mjs) fails on any request leaving the page's origin, any uncaught page
// error and any Content-Security-Policy violation.

/** The `data-value` of `[data-testid=<id>]` as a number. */
async function value(page, testId) {
  const raw = await page.getByTestId(testId).getAttribute('data-value');
  return Number.parseFloat(raw ?? 'NaN');
}

function relErr(actual, expected) {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected));
}

/** Waits until `data-value` of `testId` is `expected` within relative `tol`. */
async function expectValue(page, testId, expected, tol, message) {
  await expect
    .poll(async () => relErr(await value(page, testId), expected), {
      message: `${message ?? testId}: data-value should be ≈ ${expected} (relative error shown)`,
    })
    .toBeLessThanOrEqual(tol);
}

test('first open shows the seed case and the original run', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('result-gpus')).toHaveAttribute('data-value', '128000');
  await expectValue(page, 'result-duration', SEED_DURATION_S, 1e-9);
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');

  await expect(page.getByTestId('original')).toBeVisible();
  await expect(page.getByTestId('original-duration')).toHaveAttribute('data-value', /\d/);
  const implied = page.getByTestId('original-implied-utilization');
  await expect(implied).toHaveAttribute('data-value', /\d/);
  const u = Number.parseFloat(await implied.getAttribute('data-value'));
  expect(Math.abs(u - 0.3279), `implied utilization ${u} ≈ 0.3279`).toBeLessThanOrEqual(0.001);
});

test('the Content-Security-Policy holds through a full session', async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  for (const tab of ['factcheck', 'expert', 'backtest', 'sources', 'calculator']) {
    await page.locator(`#tab-${tab}`).click();
    await page.waitForTimeout(300);
  }
  await page.getByTestId('lang-fr').click();
  await page.evaluate(async () => {
    const api = await import('./api/zettaflop.js');
    await api.default();
    api.estimate({ workload: 'gpt-4', hardware: 'gb200', count: 1 });
  });
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

test('the catalog search fills the form from a model, a chip or a cluster', async ({ page }) => {
  await open(page);
  const options = await page.locator('#catalog-list option').count();
  expect(options).toBeGreaterThanOrEqual(50);
  await page.locator('#in-search').fill('Meta 24k-H100 cluster (InfiniBand) — cluster');
  await expect(page.locator('#in-hardware')).toHaveValue('h100');
  await expect(page.locator('#in-count')).toHaveValue('24576');
  await page.locator('#in-search').fill('Llama 3.1 405B — model');
  await expect(page.locator('#in-model')).toHaveValue('llama-3.1-405b');
  await page.locator('#in-search').fill('NVIDIA B200 (HGX 1000 W) — chip');
  await expect(page.locator('#in-hardware')).toHaveValue('b200');
  // Half a name picks nothing and breaks nothing.
  await page.locator('#in-search').fill('Llama');
  await expect(page.locator('#in-model')).toHaveValue('llama-3.1-405b');
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
});

test('a known cluster fills the chip and the count', async ({ page }) => {
  await open(page);
  await page.locator('#in-cluster').selectOption('meta-24k-ib');
  await expect(page.locator('#in-hardware')).toHaveValue('h100');
  await expect(page.locator('#in-count-unit')).toHaveValue('chip');
  await expect(page.locator('#in-count')).toHaveValue('24576');
  await expect(page.getByTestId('result-gpus')).toHaveAttribute('data-value', '24576');
});

test('halving the count, then the utilization, doubles the duration each time', async ({ page }) => {
  await open(page);
  const duration = page.getByTestId('result-duration');
  await expectValue(page, 'result-duration', SEED_DURATION_S, 1e-9);
  const text0 = await duration.innerText();

  await page.locator('#in-count').fill('32k');
  await expectValue(page, 'result-duration', 2 * SEED_DURATION_S, 1e-9, 'after count 32k');
  await expect(duration).not.toHaveText(text0);
  const text1 = await duration.innerText();

  await page.locator('#in-utilization').fill('20%');
  await expectValue(page, 'result-duration', 4 * SEED_DURATION_S, 1e-9, 'after utilization 20%');
  await expect(duration).not.toHaveText(text1);
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
});

test('garbage in a field shows its error, keeps everything else and the last result', async ({ page }) => {
  await open(page);
  const count = page.locator('#in-count');
  const error = page.locator('#in-count-error');
  const results = page.getByTestId('results');
  const duration = page.getByTestId('result-duration');

  await expect(error).toHaveCount(0);
  await expect(results).toHaveAttribute('data-stale', 'false');
  const lastValue = await duration.getAttribute('data-value');
  const utilization = await page.locator('#in-utilization').inputValue();
  const others = () =>
    page.$$eval('input[id^="in-"], select[id^="in-"]', (els) =>
      Object.fromEntries(
        els
          .filter((e) => e.id !== 'in-count')
          .map((e) => [e.id, e.type === 'checkbox' ? e.checked : e.value]),
      ),
    );
  const before = await others();

  await count.fill('lots of chips');
  await expect(error).toBeVisible();
  await expect(error).toHaveText(/\S/);
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(results).toHaveAttribute('data-stale', 'true');
  await expect(duration).toHaveAttribute('data-value', lastValue);
  await expect(count).toHaveValue('lots of chips');
  await expect(page.locator('#in-utilization')).toHaveValue(utilization);
  expect(utilization).toBe('40%');
  expect(await others(), 'the other inputs keep their values').toEqual(before);

  await count.fill('64k');
  await expect(error).toHaveCount(0);
  await expect(count).not.toHaveAttribute('aria-invalid', 'true');
  await expect(results).toHaveAttribute('data-stale', 'false');
  await expectValue(page, 'result-duration', SEED_DURATION_S, 1e-9, 'after count 64k');
});

test('the page, the JS API and the CLI give the same numbers', async ({ page }) => {
  const scenario = { workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package' };
  expect(existsSync(CLI), `${CLI} (cargo build --release -p zettaflop-cli)`).toBe(true);
  const cli = JSON.parse(
    execFileSync(CLI, ['estimate', '-'], { input: JSON.stringify(scenario), encoding: 'utf8' }),
  );

  await open(page);
  // The JS API is its own ES module in dist/api/ (the page's wasm does not carry it).
  await page.evaluate(async () => {
    const api = await import('./api/zettaflop.js');
    await api.default();
    window.zettaflopApi = api;
  });
  const api = await page.evaluate((s) => window.zettaflopApi.estimate(s), scenario);

  // Put the scenario in the form (it is also the seed case).
  await page.locator('#in-model').selectOption('gpt-4');
  await page.locator('#in-hardware').selectOption('gb200');
  await page.locator('#in-count-unit').selectOption('package');
  await page.locator('#in-count').fill('64000');
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
  await expectValue(page, 'result-duration', cli.duration_s, 1e-12, 'page vs CLI');

  const pick = {
    'result-duration': (r) => r.duration_s,
    'result-energy': (r) => r.energy_j,
    'result-cost': (r) => r.cost_usd.total,
    'result-peak': (r) => r.peak_flop_per_s,
    'result-facility-power': (r) => r.facility_power_w,
    'result-co2': (r) => r.co2_kg,
  };
  for (const [testId, get] of Object.entries(pick)) {
    const fromPage = await value(page, testId);
    const fromCli = get(cli);
    const fromApi = get(api);
    expect(Number.isFinite(fromCli), `${testId}: CLI value ${fromCli}`).toBe(true);
    expect(relErr(fromApi, fromCli), `${testId}: JS API ${fromApi} vs CLI ${fromCli}`).toBeLessThanOrEqual(1e-12);
    expect(relErr(fromPage, fromCli), `${testId}: page ${fromPage} vs CLI ${fromCli}`).toBeLessThanOrEqual(1e-12);
  }

  const thrown = await page.evaluate((s) => {
    try {
      return { threw: false, result: window.zettaflopApi.estimate(s) };
    } catch (e) {
      return { threw: true, field: e?.field, message: e?.message };
    }
  }, { ...scenario, utilization: 2 });
  expect(thrown.threw, 'estimate({utilization: 2}) throws').toBe(true);
  expect(thrown.field).toBe('utilization');
  expect(typeof thrown.message === 'string' && thrown.message.length > 0, `message: ${thrown.message}`).toBe(true);
});

test('keyboard reaches the count and every field has a label', async ({ page }) => {
  await open(page);
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'in-count');
  }
  expect(reached, 'Tab from the top reaches #in-count').toBe(true);

  const ids = [
    'in-model', 'in-hardware', 'in-count', 'in-count-unit', 'in-precision', 'in-sparse',
    'in-utilization', 'in-pue', 'in-usd-per-chip-hour', 'in-usd-per-kwh', 'in-kg-co2-per-kwh',
    'in-claimed-duration', 'in-target-duration',
  ];
  for (const id of ids) await expect(page.locator(`#${id}`), `#${id}`).toHaveCount(1);

  const unlabelled = await page.$$eval('input, select', (els) =>
    els
      .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length > 0))
      .map((e) => e.id || e.outerHTML.slice(0, 120)),
  );
  expect(unlabelled, 'inputs and selects without a <label>').toEqual([]);
});

test.describe('on a 360×740 phone screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('there is no horizontal scroll', async ({ page }) => {
    await open(page);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width(), 'scrollWidth').toBeLessThanOrEqual(360);

    // Also with "show the math" open.
    const math = page.getByTestId('math');
    if ((await math.count()) > 0) {
      await math.evaluate((d) => {
        d.open = true;
      });
      expect(await width(), 'scrollWidth with the math shown').toBeLessThanOrEqual(360);
    }

    // And on the back-test (charts scroll inside their own box; data table open) and sources.
    await page.locator('#tab-backtest').click();
    await expect(page.getByTestId('backtest')).toHaveAttribute('data-state', 'ready');
    await page.getByTestId('bt-table').evaluate((d) => {
      d.open = true;
    });
    expect(await width(), 'scrollWidth on the back-test').toBeLessThanOrEqual(360);
    await page.locator('#tab-sources').click();
    expect(await width(), 'scrollWidth on the sources').toBeLessThanOrEqual(360);
  });
});

test('switching to French translates the page and formats numbers the French way', async ({ page }) => {
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('result-gpus')).toHaveText('128,000');
  await page.getByTestId('lang-fr').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  // fr: narrow no-break space between thousands, comma as decimal mark.
  await expect(page.getByTestId('result-gpus')).toHaveText('128\u202f000');
  await expect(page.getByTestId('result-duration')).toHaveText('1 j 21,6 h');
  await expect(page.locator('label[for="in-count"]')).toHaveText('Combien');
  await expect(page.locator('#results-title')).toHaveText('Résultat');
  // The estimator's own sentences follow: a field error in French, in the field's unit.
  await page.locator('#in-utilization').fill('150%');
  await expect(page.locator('#in-utilization-error')).toHaveText('150%\u202f: au plus 100\u00a0%');
  await page.locator('#in-utilization').fill('40%');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('result-gpus')).toHaveText('128,000');
});

test('a French browser opens in French', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByTestId('result-duration')).toHaveText('1 j 21,6 h');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
});

test('fact-check: the article claims and a typed claim match the CLI', async ({ page }) => {
  await open(page);
  await page.locator('#tab-factcheck').click();
  const verdicts = {
    'stargate-peak': 'misleading',
    'gpt4-12h': 'optimistic',
    'gpt4-95d': 'plausible',
    'grok3-12d': 'impossible',
    'grok3-100d': 'plausible',
    'campus-power': 'optimistic',
    'two-million': 'plausible',
    'budget-500g': 'plausible',
  };
  for (const [id, verdict] of Object.entries(verdicts)) {
    await expect(page.getByTestId(`claim-${id}`).locator('[data-verdict]').first()).toHaveAttribute('data-verdict', verdict);
  }
  // The form: GPT-4 in 12 h on 64,000 GB200 superchips, FP16 quoted.
  await page.locator('#in-cl-precision').selectOption('fp16');
  // 152 % at GPT-4's central compute, 59 % at its low end: optimistic (docs/claims.md).
  const result = page.getByTestId('check-result');
  await expect(result).toHaveAttribute('data-verdict', 'optimistic');
  const claim = { workload: 'gpt-4', duration_s: 43200, count: 64000, count_unit: 'package', hardware: 'gb200', precision: 'fp16' };
  const cli = JSON.parse(execFileSync(CLI, ['check', '-'], { input: JSON.stringify(claim), encoding: 'utf8' }));
  expect(cli.verdict).toBe('optimistic');
  await expect(page.getByTestId('check-reason')).toHaveText(cli.reason);
  // Change the duration to 60 days: plausible.
  await page.locator('#in-cl-duration').fill('60 days');
  await expect(result).toHaveAttribute('data-verdict', 'plausible');
  // Garbage: the field says so, nothing else is lost.
  await page.locator('#in-cl-count').fill('many');
  await expect(page.locator('#in-cl-count-error')).toBeVisible();
  await expect(page.locator('#in-cl-duration')).toHaveValue('60 days');
});

test('expert mode: best layout, time breakdown, memory against HBM, and a layout that does not fit', async ({ page }) => {
  await open(page);
  await page.locator('#tab-expert').click();
  const expert = page.getByTestId('expert');
  await expect(expert.getByTestId('x-mfu')).toHaveAttribute('data-value', /\d/);
  const mfu = Number.parseFloat(await expert.getByTestId('x-mfu').getAttribute('data-value'));
  expect(mfu).toBeGreaterThan(0.2);
  expect(mfu).toBeLessThan(0.7);
  await expect(expert.getByTestId('x-memory')).toHaveAttribute('data-fits', 'true');
  await expect(expert.getByTestId('x-layout-used')).toContainText('tp ');
  // Same as the CLI's search for the same job.
  const job = { model: 'llama-3.1-405b', hardware: 'h100', gpus: 16384, global_batch: 2048 };
  const cli = JSON.parse(execFileSync(CLI, ['search', '-'], { input: JSON.stringify(job), encoding: 'utf8' }));
  expect(relErr(mfu, cli.best.mfu)).toBeLessThanOrEqual(1e-12);
  // The prediction's range (the spread of its errors on published runs), the CLI's too.
  const range = expert.getByTestId('x-mfu-range');
  await expect(range).toContainText('published runs');
  const low = Number.parseFloat(await range.getAttribute('data-low'));
  const high = Number.parseFloat(await range.getAttribute('data-high'));
  expect(low).toBeLessThan(mfu);
  expect(high).toBeGreaterThan(mfu);
  expect(relErr(low, cli.best.mfu_low)).toBeLessThanOrEqual(1e-12);
  expect(relErr(high, cli.best.mfu_high)).toBeLessThanOrEqual(1e-12);
  // In French, the layout and the reason the best wins are French too.
  await page.getByTestId('lang-fr').click();
  await expect(expert.getByTestId('x-layout-used')).toContainText('micro-lot');
  await expect(expert.getByTestId('x-why')).toContainText('La suivante');
  // The GPU count is written the French way (a French reader reads "16,384" as 16.4).
  await expect(page.locator('#in-x-gpus')).toHaveValue('16\u202f384');
  await page.getByTestId('lang-en').click();
  await expect(page.locator('#in-x-gpus')).toHaveValue('16,384');
  await expect(expert.getByTestId('x-why')).toContainText('runner-up');
  // My layout: tp 8, pp 16, no recomputation on 16,384 GPUs does not fit in 80 GB.
  await page.locator('#in-x-layout').selectOption('manual');
  await page.locator('#in-x-recompute').selectOption('none');
  await page.locator('#in-x-sp').uncheck();
  await page.locator('#in-x-dopt').uncheck();
  await expect(expert.getByTestId('x-memory')).toHaveAttribute('data-fits', 'false');
  // A tp that breaks a rule: the message sits next to it.
  // tp 16 is wider than the 8-GPU NVLink domain of an H100 board: the message sits next to tp.
  await page.locator('#in-x-tp').fill('16');
  await expect(page.locator('#in-x-tp-error')).toContainText('8');
  // A product that does not divide the GPUs: the message sits next to the layout choice.
  await page.locator('#in-x-tp').fill('3');
  await expect(page.locator('#in-x-layout-error')).toContainText('16384');
});

test('calculator: utilization "auto" uses the performance model', async ({ page }) => {
  await open(page);
  await page.locator('#in-model').selectOption('llama-3.1-405b');
  await page.locator('#in-hardware').selectOption('h100');
  await page.locator('#in-count-unit').selectOption('chip');
  await page.locator('#in-count').fill('16384');
  await page.locator('#in-utilization').fill('auto');
  await expect(page.getByTestId('predicted-utilization')).toContainText('tp ');
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
  const scenario = { workload: 'llama-3.1-405b', hardware: 'h100', count: 16384, utilization: 'auto' };
  const cli = JSON.parse(execFileSync(CLI, ['estimate', '-'], { input: JSON.stringify(scenario), encoding: 'utf8' }));
  expect(cli.utilization_basis).toBe('predicted');
  await expectValue(page, 'result-duration', cli.duration_s, 1e-12, 'auto: page vs CLI');
});

test('back-test: the runs load on the first visit, plotted twice, flagged above 100 %, tabled', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/backtest.csv')) fetched.push(r.url());
  });
  await open(page);
  expect(fetched, 'the asset is not fetched at first load').toEqual([]);

  await page.locator('#tab-backtest').click();
  const bt = page.getByTestId('backtest');
  await expect(bt).toHaveAttribute('data-state', 'ready');
  expect(fetched.length, 'fetched once, from the page origin').toBe(1);
  // Epoch AI is credited, with its link, where its figures are shown.
  await expect(bt.locator('a[href="https://epoch.ai/data/ai-models"]')).toHaveCount(1);

  const byYear = page.getByTestId('bt-year');
  const bySize = page.getByTestId('bt-size');
  const points = await byYear.locator('path.pt').count();
  expect(points, 'points on the year chart').toBeGreaterThanOrEqual(250);
  await expect(bySize.locator('path.pt')).toHaveCount(points);
  // The same runs as the CLI's back-test, every one with an implied utilization.
  const cli = JSON.parse(execFileSync(CLI, ['backtest', '--json'], { encoding: 'utf8' }));
  expect(points).toBe(cli.filter((r) => r.implied_utilization !== null).length);

  // Each chart: a title, axis labels, a text alternative pointing at the table.
  for (const chart of [byYear, bySize]) {
    await expect(chart.locator('figcaption')).toHaveText(/\S/);
    await expect(chart.locator('svg')).toHaveAttribute('role', 'img');
    await expect(chart.locator('svg desc')).toContainText(String(points));
    await expect(chart.locator('text.axis-label')).toHaveCount(2);
  }
  await expect(byYear.locator('text.axis-label').first()).toHaveText('Publication year');
  await expect(bySize.locator('text.axis-label').first()).toContainText('log scale');
  await expect(byYear.locator('text.axis-label').last()).toContainText('% of dense peak');
  // The reported MFU is a second marker where known.
  const withMfu = cli.filter((r) => r.implied_utilization !== null && r.reported_mfu !== null).length;
  await expect(byYear.locator('path.mfu')).toHaveCount(withMfu);

  // The table has one row per point; runs above 100 % are exactly the impossible ones.
  const rows = page.getByTestId('bt-table').locator('tbody tr');
  await expect(rows).toHaveCount(points);
  const table = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      u: Number.parseFloat(tr.dataset.value),
      verdict: tr.dataset.verdict,
      reason: tr.lastElementChild.textContent,
    })),
  );
  const above = table.filter((r) => r.u > 1);
  expect(above.length, 'runs implying more than 100 %').toBeGreaterThan(10);
  for (const r of table) {
    expect(r.u > 1, JSON.stringify(r)).toBe(r.verdict === 'impossible');
    expect(r.reason.length > 0, JSON.stringify(r)).toBe(r.verdict !== 'plausible');
  }
  await expect(byYear.locator('path.pt[data-verdict="impossible"]')).toHaveCount(above.length);
  // ... and listed as data problems, each with its reason.
  const problems = page.getByTestId('bt-problems').locator('li');
  await expect(problems).toHaveCount(above.length);
  await expect(problems.first()).toContainText('implies');

  // In French: the tab, the sentences and the numbers follow.
  await page.getByTestId('lang-fr').click();
  await expect(page.locator('#tab-backtest')).toHaveText('Rétro-vérification');
  await expect(problems.first()).toContainText('implique');
  await expect(byYear.locator('text.axis-label').first()).toHaveText('Année de publication');
  await expect(rows).toHaveCount(points);
  expect(fetched.length, 'switching language does not fetch again').toBe(1);
});

test('sources: every source is listed, and "show the math" links to its entry', async ({ page }) => {
  await open(page);
  await page.getByTestId('math').locator('summary').click();
  const link = page.getByTestId('math').locator('tbody a[href^="#src-"]').first();
  const href = await link.getAttribute('href');
  const id = href.slice('#src-'.length);
  await link.click();

  await expect(page.locator('#panel-sources')).toBeVisible();
  const entry = page.locator(`[id="src-${id}"]`);
  await expect(entry).toBeInViewport();
  await expect(entry).toBeFocused();
  expect(new URL(page.url()).hash).toBe(href);
  // The entry has the source's link, date and author, as the CLI shows them.
  const source = JSON.parse(execFileSync(CLI, ['show', id, '--json'], { encoding: 'utf8' }));
  expect(source.kind).toBe('source');
  if (source.item.url) await expect(entry.locator('a')).toHaveAttribute('href', source.item.url);
  await expect(entry).toContainText(source.item.date);
  await expect(entry).toContainText(source.item.by);

  // Every source of the catalog has an entry.
  const csv = readFileSync(join(REPO, 'crates/estimator/data/sources.csv'), 'utf8');
  const ids = csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]);
  await expect(page.locator('.source-list > li')).toHaveCount(ids.length);

  // Back to the calculator and the same link again: the entry is shown again.
  await page.locator('#tab-calculator').click();
  await expect(page.locator('#panel-sources')).toBeHidden();
  await link.click();
  await expect(entry).toBeInViewport();

  // A bookmark of an entry opens the sources view there, on a fresh load as on a hash change.
  const other = ids[ids.length - 1];
  await page.goto(`./#src-${other}`);
  await expect(page.locator(`[id="src-${other}"]`)).toBeInViewport();
  const fresh = await page.context().newPage();
  await fresh.goto(`./#src-${ids[1]}`);
  await expect(fresh.locator('#panel-sources')).toBeVisible();
  await expect(fresh.locator(`[id="src-${ids[1]}"]`)).toBeInViewport();
  await fresh.close();
});
