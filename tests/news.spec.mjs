// "In the news" (crates/web/src/news.rs): the library of published claims as cards, fetched from
// dist/news.json on first opening (written by `zettaflop claims --library --asset`), in English
// and French, at 360 and 1280 px, with filters, search, axe, offline, and "check it yourself"
// giving in the page's fact-check form the verdict the CLI gives. Runs on the release build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, REPO, zettaflop } from './fixtures.mjs';

const ASSET = JSON.parse(readFileSync(join(REPO, 'dist', 'news.json'), 'utf8')).claims;

/** Opens the fact-check in `lang` and the "In the news" section, waits for its cards. */
async function openNews(page, lang) {
  await page.goto(`./?mode=factcheck&lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const news = page.getByTestId('news');
  await expect(news).toHaveAttribute('data-state', 'idle');
  await news.locator('summary').click();
  await expect(news).toHaveAttribute('data-state', 'ready');
  return news;
}

for (const lang of ['en', 'fr']) {
  for (const width of [360, 1280]) {
    test(`the news cards, filters and search (${lang}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const news = await openNews(page, lang);
      const cards = news.locator('.news-card');
      await expect(cards).toHaveCount(52);
      await expect(news.getByTestId('news-count')).toHaveText(lang === 'en' ? '52 of 52 claims' : '52 affirmations sur 52');
      // Each card: the quote in its own language, the source, the verdict in the reader's.
      const c29 = news.getByTestId('news-C29');
      await expect(c29.locator('blockquote')).toHaveAttribute('lang', 'fr');
      await expect(c29.locator('blockquote')).toContainText('150 MWh');
      await expect(c29.locator('a')).toHaveAttribute('href', /^https?:\/\//);
      await expect(c29.locator('.badge')).toHaveText(lang === 'en' ? 'misleading' : 'trompeur');
      await expect(c29.locator('.news-verdict')).toContainText(lang === 'en' ? 'is an energy, not a power' : 'est une énergie, pas une puissance');
      // Filters: verdict, kind, language; search.
      const impossible = ASSET.filter((c) => c.verdict === 'impossible').length;
      await page.locator('#news-verdict').selectOption('impossible');
      await expect(cards).toHaveCount(impossible);
      for (const v of await cards.evaluateAll((els) => els.map((e) => e.dataset.verdict))) expect(v).toBe('impossible');
      await page.locator('#news-verdict').selectOption('');
      await page.locator('#news-kind').selectOption('comparison');
      await expect(cards).toHaveCount(ASSET.filter((c) => c.kind === 'comparison').length);
      await page.locator('#news-kind').selectOption('');
      await page.locator('#news-lang').selectOption('fr');
      await expect(cards).toHaveCount(ASSET.filter((c) => c.lang === 'fr').length);
      await page.locator('#news-lang').selectOption('');
      await page.locator('#news-search').fill('Colossus');
      await expect(cards).toHaveCount(ASSET.filter((c) => c.quote.includes('Colossus')).length);
      await page.locator('#news-search').fill('');
      await expect(cards).toHaveCount(52);
      // 360 px first: nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const axe = await new AxeBuilder({ page }).include('#panel-factcheck').analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      await page.screenshot({ path: join(REPO, 'target', `news-${width}-${lang}.png`), fullPage: false });
    });
  }
}

test('the asset is the CLI\'s checks, in both languages', () => {
  const en = JSON.parse(zettaflop(['claims', '--library', '--json'], ''));
  const fr = JSON.parse(zettaflop(['claims', '--library', '--json', '--lang', 'fr'], ''));
  expect(ASSET.map((c) => [c.id, c.verdict])).toEqual(en.map((c) => [c.id, c.verdict]));
  expect(ASSET.map((c) => c.summary_fr)).toEqual(fr.map((c) => c.report.summary));
});

test('"check it yourself" gives in the form the verdict of the card, for every kind the form takes', async ({ page }) => {
  test.setTimeout(120_000);
  const news = await openNews(page, 'en');
  // Every claim of the library: the form has a field for each of the contract's figures.
  const representable = ASSET;
  const kinds = new Set();
  for (const c of representable) {
    await news.getByTestId(`news-${c.id}`).locator('button.check-it').click();
    await expect(page.getByTestId('check-result'), c.id).toHaveAttribute('data-verdict', c.verdict);
    kinds.add(c.kind);
  }
  for (const k of ['training_time', 'gpu_hours', 'benchmark_window', 'peak', 'comparison', 'site_power', 'energy_unit', 'equivalents', 'budget', 'run_cost']) {
    expect(kinds.has(k), k).toBe(true);
  }
  // The form shows the claim: C29's energy, C53's comparison.
  await news.getByTestId('news-C29').locator('button.check-it').click();
  await expect(page.locator('#in-cl-power')).toHaveValue('1.5e8 Wh');
  await news.getByTestId('news-C53').locator('button.check-it').click();
  await expect(page.locator('#in-cl-factor')).toHaveValue('4');
  await expect(page.locator('#in-cl-than')).toHaveValue('a100');
  await expect(page.locator('#in-cl-duration')).toHaveValue('');
});

test('a figure that does not read is named beside its field', async ({ page }) => {
  await page.goto('./?mode=factcheck&lang=en');
  await page.locator('.more-figures summary').click();
  await page.locator('#in-cl-power').fill('lots');
  await expect(page.locator('#in-cl-power-error')).toBeVisible();
  await page.locator('#in-cl-power').fill('150 MW');
  await page.locator('#in-cl-duration').fill('');
  await page.locator('#in-cl-count').fill('100,000');
  await page.locator('#in-cl-hardware').selectOption('h100');
  await expect(page.getByTestId('check-result')).toHaveAttribute('data-verdict', 'optimistic');
});

test('after one visit the news open offline (the service worker keeps news.json)', async ({ page, context }) => {
  await page.goto('./?mode=factcheck&lang=fr');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  const news = page.getByTestId('news');
  await news.locator('summary').click();
  await expect(news).toHaveAttribute('data-state', 'ready');
  await expect(news.locator('.news-card')).toHaveCount(52);
  await context.setOffline(false);
});
