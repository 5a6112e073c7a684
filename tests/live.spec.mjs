// The first module (issue 12, crates/live): the prerendered calculator answers as the reader
// types before the page's app (dist/app/) is loaded; its texts are the app's, and when the app
// arrives it takes over with what was typed, showing the same answer.
import { test, expect } from './fixtures.mjs';

/** Holds the page's app (dist/app/*.wasm) until `release()`; `asked` tells whether it was requested. */
async function holdApp(page) {
  let release;
  const gate = new Promise((r) => {
    release = r;
  });
  const held = [];
  await page.route(/\/app\/[^/]*\.wasm$/, async (route) => {
    held.push(route.request().url());
    await gate;
    await route.continue();
  });
  return { release: () => release(), held };
}

/** The answer card's texts and raw values, and the quote's link. */
const card = (page) =>
  page.evaluate(() => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    const ids = ['question', 'result-duration', 'range-duration', 'train-sentence', 'answer-gpus', 'answer-energy', 'answer-cost', 'quote-text', 'quote-credit'];
    const texts = ids.map((id) => [id, q(id)?.textContent.trim(), q(id)?.getAttribute('data-value')]);
    return { texts, link: new URL(q('quote-link').href).search };
  });

for (const [locale, typed, shown] of [
  ['en-US', '32000', /32,000/],
  ['fr-FR', '32000', /32\s000/],
]) {
  test(`before the app is loaded, typing updates the answer, the same as the app's (${locale})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale });
    const page = await context.newPage();
    const app = await holdApp(page);
    await page.goto('./');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-live', '');
    const before = await card(page);
    const count = page.locator('#in-count');
    await count.fill(typed);
    const gpus = page.getByTestId('answer-gpus');
    await expect(gpus).toHaveAttribute('data-value', '64000');
    expect(await html.getAttribute('data-ready')).toBeNull();
    await expect(page.getByTestId('quote-text')).toContainText(shown);
    const results = page.getByTestId('results');
    await expect(results).toHaveAttribute('aria-busy', 'true');
    await expect(results.locator('.stale-note')).toBeVisible();
    const live = await card(page);
    expect(live).not.toEqual(before);
    expect(live.link).toContain('count=32000');
    // The app, once it comes, shows exactly the same answer for what was typed.
    await expect.poll(() => app.held.length).toBeGreaterThan(0);
    app.release();
    await expect(html).toHaveAttribute('data-ready', '');
    await expect(page.locator('#pre[data-lang]')).toHaveCount(0);
    await expect(count).toHaveValue(typed);
    expect(await card(page)).toEqual(live);
    await expect(results.locator('.stale-note')).toBeHidden();
    await context.close();
  });
}

test('an input the first module cannot answer marks the answer stale and brings the app at once', async ({ page }) => {
  const app = await holdApp(page);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  await page.locator('#in-count').fill('lots');
  await expect(page.getByTestId('answer')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('stale-note')).toBeVisible();
  await expect(page.getByTestId('result-duration')).toHaveText('1 d 21.6 h');
  await expect.poll(() => app.held.length).toBeGreaterThan(0);
  app.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(page.locator('#in-count')).toHaveValue('lots');
  await expect(page.locator('#in-count-error')).toBeVisible();
});

test('a choice is the app\'s: picking a chip before it is loaded is kept and answered by it', async ({ page }) => {
  const app = await holdApp(page);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  await page.locator('#in-hardware').selectOption('h100');
  await expect.poll(() => app.held.length).toBeGreaterThan(0);
  app.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(page.locator('#in-hardware')).toHaveValue('h100');
  await expect(page).toHaveURL(/hardware=h100/);
});

// The prerender's inline script records the click (zfPreClicks); the app's takeover clicks the
// same button once it has mounted (crates/web/src/takeover.rs).
test('a button clicked before the app is loaded brings it and is clicked again in the app', async ({ page }) => {
  const app = await holdApp(page);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  await page.getByTestId('embed').click();
  await expect.poll(() => app.held.length).toBeGreaterThan(0);
  expect(await page.locator('html').getAttribute('data-ready')).toBeNull();
  app.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(page.getByTestId('embed')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('embed-snippet')).toHaveValue(/sandbox=/);
});
