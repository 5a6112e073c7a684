// Diminishing returns on the calculator: the compute-optimal block (both fits) and the chart of
// the loss against dollars, their numbers equal to the CLI's report, in English and French, and
// inside a 360 px page. Screenshots go to test-results/returns-*.png (to look at).
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, cli } from './fixtures.mjs';

/** Llama 3.1 405B on 16,384 H100 at 40 %: a preset with parameters and tokens. */
const LLAMA = { workload: 'llama-3.1-405b', hardware: 'h100', count: 16384, count_unit: 'chip', utilization: 0.4 };

async function setLlama(page) {
  await page.locator('#in-model').selectOption('llama-3.1-405b');
  await page.locator('#in-hardware').selectOption('h100');
  await page.locator('#in-count-unit').selectOption('chip');
  await page.locator('#in-count').fill('16384');
  await page.locator('#in-utilization').fill('40%');
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
}

async function openReturns(page) {
  await page.getByTestId('returns').locator('summary').click();
  await expect(page.locator('[data-testid=chart-returns] svg')).toBeVisible();
}

function close(a, b, rel = 1e-12) {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

async function num(locator) {
  return Number(await locator.getAttribute('data-value'));
}

test('the compute-optimal block shows both fits as the CLI computes them', async ({ page }) => {
  await open(page);
  await setLlama(page);
  await openReturns(page);
  const r = cli(LLAMA);
  const b = r.compute_optimal;
  expect(b.fit).toBe('epoch');
  const block = page.getByTestId('compute-optimal');
  expect(close(await num(block.getByTestId('optimal-run')), b.tokens_per_param)).toBe(true);
  await expect(block.getByTestId('optimal-run')).toContainText('about 20');
  const fits = [b, ...b.other_fits];
  for (const f of fits) {
    const cell = (key) => block.locator(`td[data-fit="${f.fit}"][data-key="${key}"]`);
    for (const [key, want] of [
      ['loss', f.loss],
      ['optimal.params', f.optimal.params],
      ['optimal.tokens', f.optimal.tokens],
      ['optimal.loss', f.optimal.loss],
      ['equivalent_flop', f.equivalent_flop],
      ['efficiency', f.efficiency],
    ]) {
      const got = await num(cell(key));
      expect(close(got, want), `${f.fit} ${key}: page ${got} vs CLI ${want}`).toBe(true);
    }
  }
  // Llama 3.1 405B trained 38.5 tokens per parameter: past the Epoch fit's optimum (about 20).
  expect(b.tokens_per_param).toBeGreaterThan(b.optimal.tokens_per_param);
  await expect(page.getByTestId('returns').locator('.hint')).toContainText('MassiveText');
});

test('the returns chart: the loss at 1×, 2×, 10×, 100× the budget, the scenario marked, the table equal to the CLI', async ({ page }) => {
  await open(page);
  await setLlama(page);
  await openReturns(page);
  const d = cli(LLAMA).diminishing_returns;
  const chart = page.getByTestId('chart-returns');
  await expect(chart.locator('figcaption')).toHaveText('Loss a compute-optimal model reaches against the money spent');
  await expect(chart.locator('svg polyline[data-line="loss"]')).toHaveCount(1);
  const now = page.getByTestId('chart-returns-now');
  expect(close(Number(await now.getAttribute('data-usd')), d.points[0].usd)).toBe(true);
  expect(close(await num(now), d.points[0].loss)).toBe(true);
  const rows = chart.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (const [i, p] of d.points.entries()) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute('data-multiple', String(p.multiple));
    for (const key of ['usd', 'flop', 'params', 'tokens', 'loss']) {
      expect(close(await num(row.locator(`td[data-key="${key}"]`)), p[key]), `${p.multiple}× ${key}`).toBe(true);
    }
    if (p.loss_drop_per_billion_usd !== undefined) {
      expect(close(await num(row.locator('td[data-key="loss_drop_per_billion_usd"]')), p.loss_drop_per_billion_usd)).toBe(true);
    }
  }
  // Diminishing: each step buys less loss per dollar.
  const drops = d.points.slice(1).map((p) => p.loss_drop_per_billion_usd);
  expect(drops[0]).toBeGreaterThan(drops[1]);
  expect(drops[1]).toBeGreaterThan(drops[2]);
  await expect(page.getByTestId('returns-summary')).toContainText('per $1B');
});

test('a workload without parameters and tokens still shows what more money buys', async ({ page }) => {
  await open(page);
  await openReturns(page);
  await expect(page.getByTestId('compute-optimal-none')).toBeVisible();
  await expect(page.getByTestId('compute-optimal')).toHaveCount(0);
  await expect(page.getByTestId('chart-returns').locator('tbody tr')).toHaveCount(4);
});

test('in French, with French numbers', async ({ page }) => {
  await open(page, './?lang=fr');
  await setLlama(page);
  await openReturns(page);
  await expect(page.getByTestId('returns').locator('summary h2')).toHaveText(/^Rendements décroissants\s:\sce que rapporte plus de calcul$/);
  await expect(page.getByTestId('chart-returns').locator('figcaption')).toHaveText("Perte d'un modèle optimal selon l'argent dépensé");
  await expect(page.getByTestId('optimal-run')).toContainText('jetons par paramètre');
  // Losses with a decimal comma, billions as "Md".
  await expect(page.locator('td[data-fit="epoch"][data-key="loss"]')).toHaveText(/^\d,\d{3}$/);
  await expect(page.locator('td[data-fit="epoch"][data-key="optimal.params"]')).toContainText('Md');
  await expect(page.getByTestId('returns-summary')).toContainText('par milliard');
});

for (const width of [360, 1280]) {
  test(`at ${width} px the section stays inside the page (en and fr screenshots)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const lang of ['en', 'fr']) {
      await open(page, lang === 'fr' ? './?lang=fr' : './');
      await setLlama(page);
      await openReturns(page);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, `${lang}: page width`).toBeLessThanOrEqual(width);
      // As every chart since issue 11: the text stays at 11 px or more, so on a phone the chart
      // scrolls sideways inside its frame rather than shrinking; the frame stays inside the page.
      const chart = page.getByTestId('chart-returns');
      const box = await chart.locator('.zc-wrap').boundingBox();
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      const px = await chart.locator('svg').evaluate((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
      });
      expect(px, `${lang}: smallest chart text`).toBeGreaterThanOrEqual(11);
      const section = page.getByTestId('returns');
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `test-results/returns-${lang}-${width}.png` });
    }
  });
}

test('axe finds no violation in the open section, in English and French, light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['./', './?lang=fr']) {
      await open(page, path);
      await setLlama(page);
      await openReturns(page);
      const r = await new AxeBuilder({ page }).include('[data-testid=returns]').analyze();
      const lines = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(lines, `${scheme} ${path}`).toEqual([]);
    }
  }
});
