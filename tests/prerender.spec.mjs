// The answer in the HTML (issue 12): dist/index.html holds the default page, prerendered at build
// time in both languages (scripts/prerender.mjs); the wasm replaces it with the same markup and
// keeps whatever the reader typed before it was live (crates/web/src/takeover.rs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, open, REPO } from './fixtures.mjs';

/** Holds every request for the page's wasm until `release()` is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => {
    release = r;
  });
  const held = [];
  await page.route(/\.wasm$/, async (route) => {
    held.push(route.request().url());
    await gate;
    await route.continue();
  });
  return { release: () => release(), held };
}

test('dist/index.html holds the default answer in both languages', () => {
  const html = readFileSync(join(REPO, 'dist', 'index.html'), 'utf8');
  expect(html).toContain('<div id="pre" data-lang="en">');
  expect(html).toContain('<template id="pre-fr"><div id="pre" data-lang="fr">');
  expect(html).toMatch(/data-testid="result-duration" data-value="164062.5"[^>]*>1 d 21.6 h</);
  expect(html).toMatch(/data-testid="result-duration" data-value="164062.5"[^>]*>1 j 21,6 h</);
  expect(html).toContain('Training GPT-4 (2.1e25 FLOP) on 64,000 GB200 superchips would take');
  expect(html).toMatch(/id="in-count"[^>]*value="64,000"/);
});

test('with JavaScript disabled the default answer shows, with a line saying inputs need it', async ({ browser, baseURL }) => {
  for (const [locale, answer] of [
    ['en-US', '1 d 21.6 h'],
    ['fr-FR', '1 d 21.6 h'],
  ]) {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.getByTestId('result-duration')).toHaveText(answer);
    await expect(page.getByTestId('result-duration')).toBeVisible();
    await expect(page.getByTestId('quote-text')).toContainText('1 day 22 hours');
    await expect(page.locator('#in-count')).toHaveValue('64,000');
    const en = page.locator('p.noscript[lang="en"]');
    const fr = page.locator('p.noscript[lang="fr"]');
    await expect(en).toBeVisible();
    await expect(en).toContainText('Changing the inputs needs JavaScript');
    await expect(fr).toBeVisible();
    await expect(fr).toContainText('Pour changer les entrées, il faut JavaScript');
    await context.close();
  }
});

test('a cold load shows the answer before the wasm runs, and the wasm changes nothing seen', async ({ page }) => {
  const wasm = await holdWasm(page);
  await page.goto('./');
  const duration = page.getByTestId('result-duration');
  await expect(duration).toHaveText('1 d 21.6 h');
  await expect(duration).toHaveAttribute('data-value', '164062.5');
  await expect.poll(() => wasm.held.length).toBeGreaterThan(0);
  expect(await page.locator('html').getAttribute('data-ready')).toBeNull();
  const before = await page.evaluate(() => document.body.innerText);
  const box = await duration.boundingBox();
  wasm.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(page.locator('#pre[data-lang]')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.innerText)).toBe(before);
  expect(await duration.boundingBox()).toEqual(box);
});

test('a French browser sees the French page first, never the English one', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const page = await context.newPage();
  const wasm = await holdWasm(page);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('result-duration')).toHaveText('1 j 21,6 h');
  await expect(page.locator('#pre')).toHaveAttribute('data-lang', 'fr');
  await expect(page.locator('#pre-fr')).toHaveCount(0);
  await expect(page.getByText('Calculator', { exact: true })).toHaveCount(0);
  wasm.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(page.getByTestId('result-duration')).toHaveText('1 j 21,6 h');
  await context.close();
});

test('what the reader types before the wasm is live is kept, with the focus', async ({ page }) => {
  const wasm = await holdWasm(page);
  await page.goto('./');
  await expect(page.getByTestId('result-duration')).toHaveText('1 d 21.6 h');
  const count = page.locator('#in-count');
  await count.fill('');
  await count.pressSequentially('32000');
  await page.locator('#in-precision').selectOption('fp8');
  await count.focus();
  wasm.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(page.locator('#pre[data-lang]')).toHaveCount(0);
  await expect(count).toHaveValue('32000');
  await expect(page.locator('#in-precision')).toHaveValue('fp8');
  await expect(count).toBeFocused();
  await expect(page).toHaveURL(/count=32000/);
  await expect(page.getByTestId('answer-gpus')).toHaveAttribute('data-value', '64000');
  // Half the chips at the FP8 peak (twice BF16's): the same time as the default.
  const duration = page.getByTestId('result-duration');
  const v = Number.parseFloat(await duration.getAttribute('data-value'));
  expect(Math.abs(v - 164062.5) / 164062.5).toBeLessThan(1e-9);
  await expect(page).toHaveURL(/precision=fp8/);
});

test('a link that sets inputs shows no prerendered default answer', async ({ page }) => {
  const wasm = await holdWasm(page);
  await page.goto('./?count=32000');
  await expect(page.locator('html')).toHaveAttribute('data-pre', 'off');
  await expect(page.locator('#pre[data-lang]')).toHaveCount(0);
  wasm.release();
  await open(page, './?count=32000');
  await expect(page.locator('#in-count')).toHaveValue('32000');
});

test('a tab clicked and a group folded before the wasm is live are kept', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const wasm = await holdWasm(page);
  await page.goto('./');
  await expect(page.getByTestId('result-duration')).toHaveText('1 d 21.6 h');
  const group = page.locator('details[data-group="assumptions"]');
  await expect(group).not.toHaveAttribute('open', '');
  await group.locator('summary').click();
  await expect(group).toHaveAttribute('open', '');
  await page.locator('#tab-sources').click();
  wasm.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(page.locator('#tab-sources')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/mode=sources/);
  await expect(page.locator('#panel-sources')).toBeVisible();
  await expect(group).toHaveAttribute('open', '');
});
