// The light first module (issue 12): the page's own wasm holds the calculator and what the first
// screen shows; the fact-check, expert, back-test and sources panels and the export, compare,
// charts and returns sections come with the full app (dist/full/), loaded on first use, which
// takes the page over with the same state (crates/web/src/lazy.rs, takeover.rs).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, open, CLI, REPO } from './fixtures.mjs';

const fullRequests = (requests) => requests.filter((u) => /\/full(\/|\.js)/.test(new URL(u).pathname));

/** Opens the page, checks the full app is not loaded, runs `use`, then waits for the full app.
 * The page's own requests only: the service worker precaches every file once the page is idle. */
async function firstUse(page, use) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page);
  await page.waitForTimeout(200);
  expect(fullRequests(requests), 'the full app before its first use').toEqual([]);
  await expect(page.locator('html')).not.toHaveAttribute('data-full', '');
  await use();
  await expect(page.locator('html')).toHaveAttribute('data-full', '');
  expect(fullRequests(requests).length).toBeGreaterThan(0);
}

test('three modules, each smaller than the next: the first without Leptos, the light app, the full app', () => {
  const dist = join(REPO, 'dist');
  const first = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  expect(first).toHaveLength(1);
  const [live, app, full] = [join(dist, first[0]), join(dist, 'app', 'zettaflop-web_bg.wasm'), join(dist, 'full', 'zettaflop-web_bg.wasm')];
  const size = (f) => statSync(f).size;
  expect(size(live)).toBeLessThan(size(app) * 0.6);
  expect(size(app)).toBeLessThan(size(full) * 0.85);
  // What each does not need is not in it: Leptos (its sources' paths) in the first module; the
  // performance model (its layout rejections) and the panels' texts (the expert's "Runners-up")
  // in both light ones; the full app has them all.
  const text = (f) => readFileSync(f).toString('latin1');
  const [liveText, appText, fullText] = [text(live), text(app), text(full)];
  expect(liveText.includes('tachys'), 'Leptos in the first module').toBe(false);
  expect(appText.includes('tachys')).toBe(true);
  for (const only of ['tp_exceeds_scaleup_domain', 'Runners-up']) {
    expect(liveText.includes(only), `${only} in the first module`).toBe(false);
    expect(appText.includes(only), `${only} in the light app`).toBe(false);
    expect(fullText.includes(only), `${only} in the full app`).toBe(true);
  }
  expect(appText.includes('Show the math')).toBe(true);
});

for (const [name, tab, shown] of [
  ['fact-check', 'factcheck', (p) => p.getByTestId('claim-gpt4-12h')],
  ['expert', 'expert', (p) => p.getByTestId('expert').getByTestId('x-mfu')],
  ['back-test', 'backtest', (p) => p.locator('#panel-backtest svg').first()],
  ['sources', 'sources', (p) => p.locator('#panel-sources li[id^="src-"]').first()],
]) {
  test(`the ${name} tab loads the full app on first use, with the inputs typed before`, async ({ page }) => {
    await firstUse(page, async () => {
      await page.locator('#in-count').fill('32000');
      await page.locator(`#tab-${tab}`).click();
    });
    await expect(page.locator(`#tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expect(shown(page)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`mode=${tab}`));
    await page.locator('#tab-calculator').click();
    await expect(page.locator('#in-count')).toHaveValue('32000');
    await expect(page.getByTestId('answer-gpus')).toHaveAttribute('data-value', '64000');
  });
}

test('unfolding the charts loads the full app, which draws them', async ({ page }) => {
  await firstUse(page, () => page.getByTestId('charts').locator('summary').click());
  await expect(page.getByTestId('charts')).toHaveAttribute('open', '');
  await expect(page.getByTestId('chart-time').locator('svg')).toBeVisible();
});

test('"Pin this scenario" loads the full app and pins, once', async ({ page }) => {
  await firstUse(page, () => page.getByTestId('pin').click());
  await expect(page.getByTestId('pin-status')).toHaveText('1 of 4 pinned.');
});

test('an export button loads the full app and downloads; the calculator does not move', async ({ page }) => {
  let download;
  let before;
  let box;
  const calculator = page.locator('#panel-calculator');
  await firstUse(page, async () => {
    await page.getByTestId('export-csv').scrollIntoViewIfNeeded();
    before = await calculator.innerText();
    box = await page.getByTestId('result-duration').boundingBox();
    download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
  });
  expect((await download).suggestedFilename()).toBe('zettaflop-gpt-4-gb200.csv');
  expect(await calculator.innerText()).toBe(before);
  expect(await page.getByTestId('result-duration').boundingBox()).toEqual(box);
});

test('a link to another mode loads the full app at once', async ({ page }) => {
  await page.goto('./?mode=expert');
  await expect(page.locator('html')).toHaveAttribute('data-full', '');
  await expect(page.getByTestId('expert').getByTestId('x-mfu')).toBeVisible();
});

// The service worker is blocked here: once it has precached the full app (when the page is idle,
// which can come while the inputs are typed), the page's request for full.js is answered by the
// worker, which page.route does not see, and the hold below would not hold.
test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('utilization "auto" loads the full app (the performance model), saying so meanwhile; the answer is the CLI\'s', async ({ page }) => {
    // The light first module has no performance model: while the full app comes (held back here
    // until the message has been seen), the field says it is loading and the last answer is kept.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/full.js', async (route) => { await held; await route.continue(); });
    await firstUse(page, async () => {
      await page.locator('#in-model').selectOption('llama-3.1-405b');
      await page.locator('#in-hardware').selectOption('h100');
      await page.locator('#in-count-unit').selectOption('chip');
      await page.locator('#in-count').fill('16384');
      await page.locator('#in-utilization').fill('auto');
      await expect(page.locator('#in-utilization-error')).toContainText('performance model');
      await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'true');
      release();
    });
    await expect(page.locator('#in-utilization')).toHaveValue('auto');
    await expect(page.getByTestId('predicted-utilization')).toContainText('tp ');
    await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
    const scenario = { workload: 'llama-3.1-405b', hardware: 'h100', count: 16384, utilization: 'auto' };
    const cli = JSON.parse(execFileSync(CLI, ['estimate', '-'], { input: JSON.stringify(scenario), encoding: 'utf8' }));
    expect(cli.utilization_basis).toBe('predicted');
    const shown = Number(await page.getByTestId('result-duration').getAttribute('data-value'));
    expect(shown).toBe(cli.duration_s);
  });
});
