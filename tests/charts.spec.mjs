// Charts and compare on the calculator: the SVG charts, their data tables (the same numbers as
// the JS API's `sweep` and `estimate`), the save buttons, the pin/compare flow, both languages
// and the phone width.
import { test as fixtures, expect, open } from './fixtures.mjs';

// `fixtures` fails on any foreign request, uncaught page error or CSP violation; this spec also
// records the type of every Blob offered as a download.
const test = fixtures.extend({
  blobTypes: [
    async ({ page }, use) => {
      await page.addInitScript(() => {
        window.blobTypes = [];
        const create = URL.createObjectURL;
        URL.createObjectURL = (b) => {
          window.blobTypes.push(b.type);
          return create(b);
        };
      });
      await use();
    },
    { auto: true },
  ],
});

/** The seed case as the page starts: GPT-4 on 64,000 GB200 superchips at 40 %. */
const SEED = { workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package', utilization: 0.4 };
const CHIPS = ['a100', 'h100', 'gb200'];

async function openCharts(page) {
  await page.getByTestId('charts').locator('summary').click();
  await expect(page.locator('[data-testid=chart-time] svg')).toBeVisible();
}

/** Calls the JS API (dist/api/) inside the page. */
async function api(page, fn, ...args) {
  return page.evaluate(
    async ([fn, args]) => {
      const m = await import('./api/zettaflop.js');
      await m.default();
      return m[fn](...args);
    },
    [fn, args],
  );
}

function close(a, b) {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

test('charts are computed only once their section is opened', async ({ page }) => {
  await open(page);
  await expect(page.locator('[data-testid=chart-time]')).toHaveCount(0);
  await openCharts(page);
  await expect(page.locator('[data-testid=chart-split]')).toHaveCount(1);
});

test('time against GPUs: a series per chip, the scenario marked, the table equal to the JS API sweep', async ({ page }) => {
  await open(page);
  await openCharts(page);
  const chart = page.getByTestId('chart-time');
  await expect(chart.locator('figcaption')).toHaveText('Training time against the number of GPUs');
  await expect(chart.locator('svg text', { hasText: 'GPUs (log scale)' })).toHaveCount(1);
  await expect(chart.locator('svg text', { hasText: 'Training time (days, log scale)' })).toHaveCount(1);
  for (const chip of CHIPS) {
    await expect(chart.locator(`polyline[data-series=${chip}][data-line=ideal]`)).toHaveCount(1);
    await expect(chart.locator(`polyline[data-series=${chip}][data-line=real]`)).toHaveCount(1);
    await expect(chart.locator(`path[data-series=${chip}]`)).toHaveCount(10);
  }
  // The text alternative: every point, the same numbers as sweep() for the scenario on that chip.
  const rows = chart.locator('[data-testid=chart-time-table] tbody tr');
  await expect(rows).toHaveCount(30);
  for (const chip of CHIPS) {
    const cells = await chart.locator(`tbody tr[data-series=${chip}]`).evaluateAll((trs) =>
      trs.map((tr) =>
        Object.fromEntries([...tr.querySelectorAll('td[data-key]')].map((td) => [td.dataset.key, Number(td.dataset.value)])),
      ),
    );
    const gpus = cells.map((c) => c.gpus);
    expect(gpus[0]).toBe(1000);
    expect(gpus.at(-1)).toBe(1e6);
    const points = await api(page, 'sweep', { ...SEED, hardware: chip, count_unit: 'chip' }, gpus);
    expect(points).toHaveLength(cells.length);
    points.forEach((p, i) => {
      for (const key of ['gpus', 'ideal_duration_s', 'compute_duration_s', 'duration_s', 'energy_j', 'cost_usd']) {
        expect(close(cells[i][key], p[key]), `${chip} ${p.gpus} ${key}: ${cells[i][key]} vs ${p[key]}`).toBe(true);
      }
      // With interruptions is never faster than without, nor than the ideal.
      expect(p.duration_s).toBeGreaterThan(p.compute_duration_s);
      expect(p.compute_duration_s).toBeGreaterThan(p.ideal_duration_s);
    });
    // The drawn markers carry the same durations.
    const drawn = await chart.locator(`path[data-series=${chip}]`).evaluateAll((ps) => ps.map((p) => Number(p.dataset.value)));
    expect(drawn).toEqual(cells.map((c) => c.duration_s));
  }
  // The current scenario's point: its GPUs and its wall clock with interruptions.
  const report = await api(page, 'estimate', SEED);
  const now = chart.getByTestId('chart-time-now');
  await expect(now).toHaveAttribute('data-gpus', '128000');
  expect(close(Number(await now.getAttribute('data-value')), report.goodput.wall_clock_s)).toBe(true);
});

test('open charts follow the inputs once typing pauses', async ({ page }) => {
  await open(page);
  await openCharts(page);
  const now = page.getByTestId('chart-time-now');
  await expect(now).toHaveAttribute('data-gpus', '128000');
  // Typed a character at a time, as a reader does: the charts wait for the pause, then follow.
  await page.locator('#in-count').fill('');
  await page.locator('#in-count').pressSequentially('32000', { delay: 20 });
  await expect(now).toHaveAttribute('data-gpus', '64000');
  const report = await api(page, 'estimate', { ...SEED, count: 32000 });
  await expect
    .poll(async () => Number(await now.getAttribute('data-value')))
    .toBeCloseTo(report.goodput.wall_clock_s, 6);
  const split = page.getByTestId('chart-split');
  await expect
    .poll(async () => Number(await split.locator('rect[data-bar=energy][data-part=it]').getAttribute('data-value')))
    .toBeCloseTo(report.energy_split_j.it, 0);
});

test('cost and energy split: bars and table equal to the report', async ({ page }) => {
  await open(page);
  await openCharts(page);
  const report = await api(page, 'estimate', SEED);
  const chart = page.getByTestId('chart-split');
  const bar = async (b, part) => Number(await chart.locator(`rect[data-bar=${b}][data-part=${part}]`).getAttribute('data-value'));
  const row = async (b, part) =>
    Number(await chart.locator(`tbody tr[data-bar=${b}][data-part=${part}] td[data-value]`).getAttribute('data-value'));
  const expected = [
    ['rent', 'rental', report.cost_usd.compute],
    ['rent', 'electricity', report.cost_usd.electricity],
    ['energy', 'it', report.energy_split_j.it],
    ['energy', 'overhead', report.energy_split_j.overhead],
  ];
  if (report.capex) expected.push(['own', 'capex', report.capex.amortized_usd]);
  for (const [b, part, v] of expected) {
    expect(close(await bar(b, part), v), `${b}.${part}`).toBe(true);
    expect(close(await row(b, part), v), `${b}.${part} row`).toBe(true);
  }
  expect(close(await row('rent', 'total'), report.cost_usd.total)).toBe(true);
  expect(close(await row('energy', 'total'), report.energy_j)).toBe(true);
  // Stacked: the parts of a bar sit end to end.
  const rects = await chart.locator('rect[data-bar=energy]').evaluateAll((rs) =>
    rs.map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('width'))]),
  );
  expect(Math.abs(rects[0][0] + rects[0][1] - rects[1][0])).toBeLessThan(0.11);
});

test('save buttons download a standalone SVG and a PNG, made in the page', async ({ page }) => {
  await open(page);
  await openCharts(page);
  for (const id of ['time', 'split']) {
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`save-${id}-svg`).click()]);
    expect(svg.suggestedFilename()).toBe(`zettaflop-${id}.svg`);
    const text = await (await svg.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toContain('<style>');
    expect(text).not.toContain('&nbsp;');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`save-${id}-png`).click()]);
    expect(png.suggestedFilename()).toBe(`zettaflop-${id}.png`);
    const bytes = await (await png.createReadStream()).toArray().then((c) => Buffer.concat(c));
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(10_000);
  }
  expect(await page.evaluate(() => window.blobTypes)).toEqual(['image/svg+xml', 'image/png', 'image/svg+xml', 'image/png']);
});

test('pin, change the inputs, compare side by side with the differences marked, unpin', async ({ page }) => {
  await open(page);
  const pin = page.getByTestId('pin');
  await expect(page.getByTestId('compare-table')).toHaveCount(0);
  await pin.click();
  await expect(page.getByTestId('pin-status')).toHaveText('1 of 4 pinned.');
  await page.locator('#in-count').fill('32,000');
  await expect(page.getByTestId('result-gpus')).toHaveAttribute('data-value', '64000');
  const table = page.getByTestId('compare-table');
  await expect(table.locator('thead th')).toHaveText(['Current', 'Pinned 1 Unpin']);
  const cell = (row, col) => table.locator(`tr[data-row=${row}] td`).nth(col);
  const current = await api(page, 'estimate', { ...SEED, count: 32000 });
  const pinned = await api(page, 'estimate', SEED);
  for (const [row, get] of [
    ['gpus', (r) => r.gpus],
    ['wall_clock_s', (r) => r.goodput.wall_clock_s],
    ['facility_power_w', (r) => r.facility_power_w],
    ['energy_j', (r) => r.energy_j],
    ['cost_usd', (r) => r.cost_usd.total],
    ['co2_kg', (r) => r.co2_kg],
  ]) {
    expect(close(Number(await cell(row, 0).getAttribute('data-value')), get(current)), row).toBe(true);
    expect(close(Number(await cell(row, 1).getAttribute('data-value')), get(pinned)), row).toBe(true);
  }
  // Differences from the current scenario: a sign and words, not colour alone.
  await expect(cell('gpus', 1)).toHaveAttribute('data-diff', 'up');
  await expect(cell('gpus', 1)).toContainText('▲');
  await expect(cell('gpus', 1).locator('.vh')).toHaveText(' (higher than current)');
  await expect(cell('wall_clock_s', 1)).toHaveAttribute('data-diff', 'down');
  await expect(cell('model', 1)).toHaveAttribute('data-diff', 'same');
  await expect(cell('hardware', 1)).toHaveAttribute('data-diff', 'same');
  await expect(cell('utilization', 1)).toHaveAttribute('data-diff', 'same');
  // The bars: three metrics × two scenarios.
  const bars = page.getByTestId('chart-compare');
  await expect(bars.locator('rect[data-metric]')).toHaveCount(6);
  expect(close(Number(await bars.locator('rect[data-metric=cost_usd][data-col="1"]').getAttribute('data-value')), pinned.cost_usd.total)).toBe(true);
  await expect(bars.locator('[data-testid=chart-compare-table] tbody tr')).toHaveCount(3);
  // A chip whose name differs is marked too.
  await page.locator('#in-hardware').selectOption('h100');
  await expect(cell('hardware', 1)).toHaveAttribute('data-diff', 'changed');
  await expect(cell('hardware', 1).locator('.vh')).toHaveText(' (differs from current)');
  // Up to four.
  for (let i = 0; i < 3; i++) await pin.click();
  await expect(page.getByTestId('pin-status')).toHaveText('4 of 4 pinned.');
  await expect(pin).toBeDisabled();
  await expect(table.locator('thead th')).toHaveCount(5);
  await expect(bars.locator('rect[data-metric]')).toHaveCount(15);
  // Unpin the first: the others move up.
  await page.getByTestId('unpin-1').click();
  await expect(page.getByTestId('pin-status')).toHaveText('3 of 4 pinned.');
  await expect(pin).toBeEnabled();
  await expect(cell('hardware', 1)).toHaveAttribute('data-diff', 'same');
  for (let i = 0; i < 3; i++) await page.getByTestId('unpin-1').click();
  await expect(page.getByTestId('compare-table')).toHaveCount(0);
});

test('charts and compare in French', async ({ page }) => {
  await open(page);
  await page.getByTestId('lang-fr').click();
  await openCharts(page);
  await expect(page.getByTestId('chart-time').locator('figcaption')).toHaveText("Durée d'entraînement selon le nombre de GPU");
  await expect(page.getByTestId('chart-split').locator('figcaption')).toHaveText("Où vont l'argent et l'énergie");
  await expect(page.getByTestId('save-time-png')).toHaveText('Enregistrer en PNG');
  await page.getByTestId('pin').click();
  await expect(page.getByTestId('pin-status')).toHaveText('1 sur 4 épinglés.');
  await expect(page.getByTestId('compare-table').locator('thead th').first()).toHaveText('Actuel');
  // French numbers in the table: a decimal comma.
  await expect(page.getByTestId('chart-time').locator('tbody tr').first().locator('td').nth(1)).toContainText(',');
});

test('at 360 px the charts and the compare table stay inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page);
  await page.getByTestId('pin').click();
  await page.locator('#in-count').fill('16k');
  await openCharts(page);
  await expect(page.getByTestId('compare-table')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  // Issue 11: a chart keeps its text at 11 px or more, so on a phone it scrolls sideways inside
  // its frame (with a cue) rather than shrinking: the frame stays inside the page.
  for (const id of ['time', 'split', 'compare']) {
    const chart = page.getByTestId(`chart-${id}`);
    const box = await chart.locator('.zc-wrap').boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const px = await chart.locator('svg').evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    expect(px).toBeGreaterThanOrEqual(11);
  }
});
