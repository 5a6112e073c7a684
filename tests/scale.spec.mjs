// Scale realities on the page: interruptions and checkpoints (goodput), a site's power, a budget,
// capital cost and ownership. Every figure shown must equal the CLI's report for the same scenario.
import { cli, expect, open, test } from './fixtures.mjs';

async function value(page, testId) {
  return Number.parseFloat((await page.getByTestId(testId).getAttribute('data-value')) ?? 'NaN');
}

/** Waits until `data-value` of `testId` equals `expected` (relative 1e-12: the same f64 printed twice). */
async function same(page, testId, expected) {
  expect(Number.isFinite(expected), `${testId}: the CLI gives a number`).toBe(true);
  await expect
    .poll(async () => {
      const v = await value(page, testId);
      return v === expected ? 0 : Math.abs(v - expected) / Math.abs(expected);
    }, { message: `${testId} ≈ ${expected}` })
    .toBeLessThanOrEqual(1e-12);
}

/** The seed case (GPT-4 on 64,000 GB200 superchips at 40 %) as the page's form sends it. */
const SEED = { workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package', utilization: 0.4 };

test('scale: the defaults give goodput, capex and ownership equal to the CLI', async ({ page }) => {
  await open(page);
  const r = cli(SEED);
  await same(page, 'result-wall-clock', r.goodput.wall_clock_s);
  await same(page, 'result-goodput-fraction', r.goodput.fraction);
  await same(page, 'result-checkpoint-interval', r.goodput.checkpoint_interval_s);
  await same(page, 'result-interruptions', r.goodput.expected_interruptions);
  await same(page, 'result-wall-cost', r.goodput.cost_usd);
  await same(page, 'result-capex', r.capex.total_usd);
  await same(page, 'result-cost-ownership', r.cost_usd.ownership);
  // With interruptions the run is longer than without, and the placeholders show the defaults.
  expect(await value(page, 'result-wall-clock')).toBeGreaterThan(await value(page, 'result-duration'));
  await expect(page.locator('#in-checkpoint')).toHaveAttribute('placeholder', /30 s/);
  await expect(page.locator('#in-restart')).toHaveAttribute('placeholder', /5 min/);
  // No site and no budget asked: their lines are hidden.
  await expect(page.getByTestId('result-site-gpus')).toBeHidden();
  await expect(page.getByTestId('result-budget-gpus')).toBeHidden();
});

test('scale: typed assumptions, a site and a budget give the CLI report', async ({ page }) => {
  await open(page);
  await page.locator('#in-checkpoint').fill('2 min');
  await page.locator('#in-restart').fill('10 min');
  await page.locator('#in-interruptions').fill('3e-5');
  await page.locator('#in-lifetime').fill('6 years');
  await page.locator('#in-facility-usd-per-w').fill('12');
  await page.locator('#in-site-power').fill('1.2 GW');
  await page.locator('#in-budget').fill('$1B');
  const r = cli({
    ...SEED,
    checkpoint_s: 120,
    restart_s: 600,
    interruptions_per_gpu_hour: 3e-5,
    lifetime_s: 6 * 31557600,
    facility_usd_per_w: 12,
    site_power_w: 1.2e9,
    budget_usd: 1e9,
  });
  expect(r.assumptions.checkpoint_s).toBe(120);
  await same(page, 'result-wall-clock', r.goodput.wall_clock_s);
  await same(page, 'result-goodput-fraction', r.goodput.fraction);
  await same(page, 'result-checkpoint-interval', r.goodput.checkpoint_interval_s);
  await same(page, 'result-interruptions', r.goodput.expected_interruptions);
  await same(page, 'result-wall-cost', r.goodput.cost_usd);
  await same(page, 'result-capex', r.capex.total_usd);
  await same(page, 'result-cost-ownership', r.cost_usd.ownership);
  await same(page, 'result-site-gpus', r.site.gpus);
  await same(page, 'result-budget-gpus', r.budget.gpus);
  // 1.2 GW / (1,667 W × 1.2) = 599,880 GPUs, shown grouped.
  expect(r.site.gpus).toBe(599880);
  await expect(page.getByTestId('result-site-gpus')).toContainText('599,880');
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
  // The steps are in "show the math" too.
  await expect(page.getByText('Optimal checkpoint interval', { exact: true })).toHaveCount(1);
});

test('scale: a link carries the new inputs as typed, and reopens the same results', async ({ page }) => {
  await open(page, './?checkpoint=2%20min&site-power=1.2%20GW&budget=%241B&lifetime=6%20years');
  await expect(page.locator('#in-checkpoint')).toHaveValue('2 min');
  await expect(page.locator('#in-site-power')).toHaveValue('1.2 GW');
  await expect(page.locator('#in-budget')).toHaveValue('$1B');
  await expect(page.locator('#in-lifetime')).toHaveValue('6 years');
  const r = cli({ ...SEED, checkpoint_s: 120, site_power_w: 1.2e9, budget_usd: 1e9, lifetime_s: 6 * 31557600 });
  await same(page, 'result-site-gpus', r.site.gpus);
  await same(page, 'result-budget-gpus', r.budget.gpus);
  await same(page, 'result-cost-ownership', r.cost_usd.ownership);
  await same(page, 'result-wall-clock', r.goodput.wall_clock_s);
  // Typing another value writes it into the address bar.
  await page.locator('#in-restart').fill('10 min');
  await expect.poll(() => new URL(page.url()).searchParams.get('restart')).toBe('10 min');
});

test('scale: a bad value is shown beside its field, in French too', async ({ page }) => {
  await open(page);
  const results = page.getByTestId('results');
  // 0 s parses, but the estimator rejects it: its message goes beside the checkpoint field.
  await page.locator('#in-checkpoint').fill('0 s');
  const error = page.locator('#in-checkpoint-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('0.01');
  await expect(results).toHaveAttribute('data-stale', 'true');
  await expect(page.locator('#in-checkpoint')).toHaveValue('0 s');
  await page.locator('#in-checkpoint').fill('');
  await expect(error).toHaveCount(0);
  await expect(results).toHaveAttribute('data-stale', 'false');

  await page.getByTestId('lang-fr').click();
  await page.locator('#in-budget').fill('beaucoup');
  await expect(page.locator('#in-budget-error')).toBeVisible();
  await page.locator('#in-budget').fill('1 milliard');
  await expect(page.locator('#in-budget-error')).toHaveCount(0);
  await expect(page.locator('label[for="in-budget"]')).toContainText('budget');
  await expect(page.getByTestId('result-budget-gpus')).toContainText('GPU avec leur site');
  const r = cli({ ...SEED, budget_usd: 1e9 });
  await same(page, 'result-budget-gpus', r.budget.gpus);
});
