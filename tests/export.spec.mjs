// Export and print: the calculator's downloads are the CLI's `zettaflop estimate --format
// json|csv|md` for the same scenario, byte for byte (JSON: the same report once parsed); the
// print layout drops the navigation and buttons, opens the math, prints black on white and
// writes each outside link's URL. Runs on the release build (dist/) and the release CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(process.env.CARGO_TARGET_DIR ?? join(REPO, 'target'), 'release', 'zettaflop');

/** The page's first scenario, with a claimed duration of 12 h, as the CLI reads it. */
const SCENARIO = {
  workload: 'gpt-4',
  hardware: 'gb200',
  count: 64000,
  count_unit: 'package',
  precision: 'bf16',
  utilization: 0.4,
  claimed_duration_s: 43200,
};

function cli(...args) {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: cargo build --release -p zettaflop-cli`);
  return execFileSync(CLI, ['estimate', '-', ...args], { input: JSON.stringify(SCENARIO), encoding: 'utf8' });
}

/** Clicks a download button and returns the file's name and text. */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

async function openWithClaim(page) {
  await page.goto('./');
  // The export buttons are the app's: a click before it arrives is replayed once it has
  // mounted, later than a download is waited for; wait for the app first.
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await page.locator('#in-claimed-duration').fill('12 h');
  await expect(page.getByTestId('result-implied-utilization')).toHaveAttribute('data-value', /^1\.519/);
}

test("the downloads are the CLI's JSON, CSV and Markdown for the same scenario", async ({ page }) => {
  await openWithClaim(page);
  const json = await download(page, 'export-json');
  expect(json.name).toBe('zettaflop-gpt-4-gb200.json');
  const report = JSON.parse(json.text);
  expect(report).toEqual(JSON.parse(cli()));
  expect(report.duration_s).toBe(164062.5);

  const csv = await download(page, 'export-csv');
  expect(csv.name).toBe('zettaflop-gpt-4-gb200.csv');
  expect(csv.text).toBe(cli('--format', 'csv'));
  expect(csv.text).toContain('\nresult,duration_s,164062.5,s,\n');
  expect(csv.text).toContain('\nresult,cost_usd.total,27393515.333333332,USD,\n');

  const md = await download(page, 'export-md');
  expect(md.name).toBe('zettaflop-gpt-4-gb200.md');
  expect(md.text).toBe(cli('--format', 'md'));
  expect(md.text).toContain('| Duration | 1 d 21.6 h');
  expect(md.text).toContain('| Total cost | $27.4M');
});

test("in French, the Markdown and JSON are the CLI's --fr", async ({ page }) => {
  await openWithClaim(page);
  await page.getByTestId('lang-fr').click();
  await expect(page.getByTestId('export-md')).toHaveText('Télécharger en Markdown');
  const md = await download(page, 'export-md');
  expect(md.text).toBe(cli('--format', 'md', '--fr'));
  expect(md.text).toContain('| Durée | 1 j 21,6 h');
  const report = JSON.parse((await download(page, 'export-json')).text);
  expect(report).toEqual(JSON.parse(cli('--fr')));
});

test('while an input is invalid, nothing stale can be downloaded', async ({ page }) => {
  await openWithClaim(page);
  await page.locator('#in-count').fill('lots');
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'true');
  for (const id of ['export-csv', 'export-json', 'export-md']) await expect(page.getByTestId(id)).toBeDisabled();
  await page.locator('#in-count').fill('64,000');
  for (const id of ['export-csv', 'export-json', 'export-md']) await expect(page.getByTestId(id)).toBeEnabled();
});

for (const colorScheme of ['light', 'dark']) {
  test(`print: results and math only, black on white, links with their URL (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openWithClaim(page);
    await page.emulateMedia({ media: 'print', colorScheme });
    for (const hidden of ['.tabs', '.switch', '#panel-calculator .inputs', '.export', '[data-testid=print]']) {
      await expect(page.locator(hidden).first()).toBeHidden();
    }
    await expect(page.getByTestId('result-duration')).toBeVisible();
    // "Show the math" is closed on screen, open on paper.
    await expect(page.locator('[data-testid=math]')).not.toHaveAttribute('open');
    await expect(page.locator('[data-testid=math] table')).toBeVisible();
    await expect(page.locator('[data-testid=math] tbody tr').first()).toBeVisible();
    const look = await page.evaluate(() => {
      const style = (el, pseudo) => getComputedStyle(el, pseudo);
      const link = document.querySelector('.foot a[href^="http"]');
      return {
        color: style(document.body).color,
        background: style(document.body).backgroundColor,
        big: style(document.querySelector('[data-testid=result-duration]')).color,
        after: style(link, '::after').content,
        href: link.href,
      };
    });
    expect(look.color).toBe('rgb(0, 0, 0)');
    expect(look.background).toBe('rgb(255, 255, 255)');
    expect(look.big).toBe('rgb(0, 0, 0)');
    // The URL after the link.
    expect(look.after).toBe(`" (${look.href})"`);
  });
}
