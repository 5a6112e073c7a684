// Accessibility: axe-core (through @axe-core/playwright) finds no violation on any mode of the
// page, in English and French, with the light and the dark colour scheme. Runs on the release
// build (dist/), served by tests/serve.mjs.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';

const MODES = ['calculator', 'factcheck', 'expert', 'backtest', 'sources'];

/** What each mode shows once its content is there (the back-test fetches its runs first). */
const READY = {
  calculator: '[data-testid=result-duration][data-value]',
  factcheck: '#panel-factcheck .claims li',
  expert: '#panel-expert .bar',
  backtest: '#panel-backtest svg',
  sources: '#panel-sources li[id^="src-"]',
};

/** The violations as short lines: rule, impact, the first nodes and why. */
function summary(violations) {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`)
        .join('\n'),
  );
}

/**
 * The contrast of the back-test charts' SVG text, which axe leaves "incomplete" (it cannot tell
 * the background of text inside an SVG): each text's fill against the colour behind it (the
 * 150 % band's fill for the band label, else the first opaque background of an ancestor).
 */
async function chartTextContrasts(page) {
  return page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    for (const text of document.querySelectorAll('#panel-backtest .chart text')) {
      const band = text.classList.contains('band-label') && text.closest('svg').querySelector('.band');
      const bg = band ? rgb(getComputedStyle(band).fill) : behind(text.closest('svg'));
      const [a, b] = [lum(rgb(getComputedStyle(text).fill)), lum(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      out.push({ text: `${text.getAttribute('class')} “${text.textContent}”`, ratio: Math.round(ratio * 100) / 100 });
    }
    return out;
  });
}

for (const scheme of ['light', 'dark']) {
  for (const lang of ['en', 'fr']) {
    test(`axe: no violation on any mode (${lang}, ${scheme})`, async ({ browser }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ colorScheme: scheme, locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
      const page = await context.newPage();
      await page.goto('./');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator(READY.calculator)).toHaveText(/\S/);
      // "Show the math" open, so its table is checked too.
      await page.locator('[data-testid=math] summary').click();
      const problems = [];
      for (const mode of MODES) {
        await page.locator(`#tab-${mode}`).click();
        await expect(page.locator(`#tab-${mode}`)).toHaveAttribute('aria-selected', 'true');
        await expect(page.locator(READY[mode]).first()).toBeVisible();
        const result = await new AxeBuilder({ page }).include(`#panel-${mode}`).analyze();
        problems.push(...summary(result.violations).map((s) => `[${mode}] ${s}`));
        if (mode === 'backtest') {
          const contrasts = await chartTextContrasts(page);
          expect(contrasts.length).toBeGreaterThan(10);
          problems.push(...contrasts.filter((c) => c.ratio < 4.5).map((c) => `[backtest] contrast ${c.ratio} < 4.5: ${c.text}`));
        }
        if (mode === 'calculator') {
          // The header, navigation and footer once, with the calculator shown.
          const whole = await new AxeBuilder({ page }).exclude('main').analyze();
          problems.push(...summary(whole.violations).map((s) => `[page] ${s}`));
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
      await context.close();
    });
  }
}
