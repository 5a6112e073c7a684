// The reader's page (issue 11): the answer and the verdict on a phone's first screen, before any
// input; the sentence to quote (page = CLI Markdown = JS API, with its permalink, credit and
// Copy button); one verdict per claim; the math's rows equal to the report; the language kept in
// every link; tabs with the keyboard; axe fresh and stale. At 360 and 1280 px, in English and
// French. Screenshots of the first screens go to docs/reader-*.png.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, cli, open, zettaflop, REPO } from './fixtures.mjs';

const WIDTHS = [
  { name: '360', viewport: { width: 360, height: 780 } },
  { name: '1280', viewport: { width: 1280, height: 800 } },
];
const LANGS = ['en', 'fr'];
const SEED = { workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package', precision: 'bf16', utilization: 0.4 };

/** The box of `locator` (it must be visible). */
async function box(locator) {
  await expect(locator).toBeVisible();
  return locator.boundingBox();
}

/** The CLI's sentence to quote for `scenario`: the Markdown export's first block quote. */
function cliQuote(scenario, lang) {
  const md = zettaflop(['estimate', '-', '--format', 'md', ...(lang === 'fr' ? ['--fr'] : [])], JSON.stringify(scenario));
  const line = md.split('\n').find((l) => l.startsWith('> ') && !l.startsWith('> —'));
  return line.slice(2);
}

async function axe(page, problems, where) {
  const r = await new AxeBuilder({ page }).include(where).analyze();
  problems.push(...r.violations.map((v) => `${where} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
}

for (const { name, viewport } of WIDTHS) {
  for (const lang of LANGS) {
    test.describe(`${name} px, ${lang}`, () => {
      test.use({ viewport });

      test('calculator: the question and the answer come first, then the inputs; axe fresh and stale', async ({ page }) => {
        await open(page, `./?lang=${lang}`);
        const duration = page.getByTestId('result-duration');
        await expect(duration).toHaveAttribute('data-value', '164062.5');
        const question = await box(page.getByTestId('question'));
        const answer = await box(duration);
        const keys = await box(page.getByTestId('answer-cost'));
        const firstInput = await box(page.locator('#in-model'));
        // On the first screen, above every input (on a phone, the inputs follow below; on a wide
        // screen they sit beside it on the left).
        for (const b of [question, answer, keys]) expect(b.y + b.height).toBeLessThanOrEqual(viewport.height);
        if (viewport.width < 900) {
          expect(keys.y + keys.height).toBeLessThanOrEqual(firstInput.y);
        } else {
          expect(firstInput.x + firstInput.width).toBeLessThanOrEqual(question.x);
        }
        await expect(page.getByTestId('question')).toContainText(lang === 'fr' ? 'Combien de temps' : 'How long');
        await expect(page.getByTestId('answer-gpus')).toHaveText(lang === 'fr' ? '128\u202f000' : '128,000');
        const r = cli(SEED);
        await expect(page.getByTestId('answer-energy')).toHaveAttribute('data-value', String(r.energy_j));
        await expect(page.getByTestId('answer-cost')).toHaveAttribute('data-value', String(r.cost_usd.total));
        if (name === '360') {
          await page.screenshot({ path: `${REPO}docs/reader-calculator-360-${lang}.png` });
        }
        // The folded groups: closed on a phone, open on a wide screen.
        const group = page.locator('details.group[data-group="assumptions"]');
        if (viewport.width < 900) await expect(group).not.toHaveAttribute('open', '');
        else await expect(group).toHaveAttribute('open', '');
        const problems = [];
        await axe(page, problems, '#panel-calculator');
        // Stale: the last valid result stays, said in words, with its contrast (axe again).
        await page.locator('#in-count').fill('many');
        await expect(page.getByTestId('answer')).toHaveAttribute('data-stale', 'true');
        await expect(page.getByTestId('stale-note')).toBeVisible();
        await expect(duration).toHaveAttribute('data-value', '164062.5');
        expect(await duration.evaluate((e) => getComputedStyle(e.closest('.headline')).opacity)).toBe('1');
        await axe(page, problems, '#panel-calculator');
        expect(problems, problems.join('\n')).toEqual([]);
      });

      test('the sentence to quote: the CLI and the JS API say the same, its link reopens it, Copy copies it', async ({ page, context, browser }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await open(page, `./?lang=${lang}`);
        await page.locator('#in-claimed-duration').evaluate((e) => e.closest('details')?.setAttribute('open', ''));
        await page.locator('#in-claimed-duration').fill('12 h');
        const scenario = { ...SEED, claimed_duration_s: 43200 };
        const text = cliQuote(scenario, lang);
        expect(text).toContain(lang === 'fr' ? '— et non 12 heures' : '— not 12 hours');
        const quote = page.getByTestId('quote');
        await expect(quote.getByTestId('quote-text')).toHaveText(text);
        // Under the answer, before the inputs on a phone.
        const q = await box(quote);
        expect(q.y).toBeGreaterThan((await box(page.getByTestId('result-duration'))).y);
        // The JS API's quote(scenario, lang): the same sentence and credit.
        const api = await page.evaluate(async ({ scenario, lang }) => {
          const m = await import('./api/zettaflop.js');
          await m.default();
          return m.quote(scenario, lang);
        }, { scenario, lang });
        expect(api.text).toBe(text);
        await expect(quote.getByTestId('quote-credit')).toHaveText(api.credit);
        // The permalink carries every input and the language, and reopens the same result.
        const href = await quote.getByTestId('quote-link').getAttribute('href');
        expect(href).toContain(`lang=${lang}`);
        expect(href).toContain('pue=1.2');
        expect(href).toContain('claimed-duration=43200%20s');
        const other = await browser.newPage({ viewport });
        await other.goto(href);
        await expect(other.getByTestId('result-duration')).toHaveAttribute('data-value', '164062.5');
        await expect(other.getByTestId('quote-text')).toHaveText(text);
        await other.close();
        await quote.getByTestId('quote-copy').click();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(text);
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toContain(api.credit);
        expect(copied).toContain(href);
      });

      test('fact-check: the verdict and its sentence come first, the same verdict as the article list', async ({ page }) => {
        await page.goto(`./?mode=factcheck&lang=${lang}`);
        const result = page.getByTestId('check-result');
        await expect(result).toHaveAttribute('data-verdict', 'optimistic');
        const verdict = await box(result.locator('.badge'));
        const sentence = await box(page.locator('#panel-factcheck').getByTestId('quote-text'));
        const form = await box(page.locator('#in-cl-model'));
        expect(verdict.y + verdict.height).toBeLessThanOrEqual(viewport.height);
        expect(sentence.y).toBeLessThan(viewport.height);
        expect(sentence.y + sentence.height).toBeLessThanOrEqual(form.y);
        // One verdict per claim: the form opens on the article's claim as its list reads it (FP16).
        await expect(page.locator('#in-cl-precision')).toHaveValue('fp16');
        const listed = page.getByTestId('claim-gpt4-12h').locator('[data-verdict]').first();
        await expect(listed).toHaveAttribute('data-verdict', 'optimistic');
        const claim = { workload: 'gpt-4', duration_s: 43200, count: 64000, count_unit: 'package', hardware: 'gb200', precision: 'fp16' };
        const r = cli(claim, 'check');
        expect(r.verdict).toBe('optimistic');
        await expect(page.getByTestId('check-reading')).toContainText('FP16');
        if (name === '360') {
          await page.screenshot({ path: `${REPO}docs/reader-factcheck-360-${lang}.png` });
        }
        const problems = [];
        await axe(page, problems, '#panel-factcheck');
        expect(problems, problems.join('\n')).toEqual([]);
      });

      test('fact-check: an empty precision headlines BF16 and lists the other readings, labelled', async ({ page }) => {
        await page.goto(`./?mode=factcheck&lang=${lang}`);
        await page.locator('#in-cl-precision').selectOption('');
        const result = page.getByTestId('check-result');
        await expect(result).toHaveAttribute('data-verdict', 'optimistic');
        await expect(page.getByTestId('check-reading')).toContainText('BF16');
        const fp8 = page.getByTestId('other-readings').locator('li').first();
        await expect(fp8).toHaveText(
          lang === 'fr'
            ? 'FP8, pic dense, 128\u202f000 GPU\u202f: 76\u00a0% — optimiste'
            : 'FP8, dense peak, 128,000 GPUs: 76\u00a0% — optimistic',
        );
        // Grok-3 in 100 days on 100,000 H100: 54.3 % of BF16, plausible; FP8's 27.1 % is beside it.
        await page.locator('#in-cl-model').selectOption('grok-3');
        await page.locator('#in-cl-hardware').selectOption('h100');
        await page.locator('#in-cl-count-unit').selectOption('chip');
        await page.locator('#in-cl-count').fill('100000');
        await page.locator('#in-cl-duration').fill(lang === 'fr' ? '100 jours' : '100 days');
        await expect(result).toHaveAttribute('data-verdict', 'plausible');
        await expect(page.getByTestId('check-reason')).toContainText(lang === 'fr' ? '54,3' : '54.3');
        await expect(page.getByTestId('other-readings').locator('li').first()).toContainText(lang === 'fr' ? '27,1' : '27.1');
      });

      test('every link keeps the language: copy link, embed snippet, the quote, "Open in Zettaflop"', async ({ page, baseURL }) => {
        await open(page, `./?lang=${lang}`);
        await expect(page.getByTestId('result-duration')).toHaveAttribute('data-value', /\d/);
        await page.getByTestId('copy-link').click();
        expect(await page.locator('#share-url').inputValue()).toContain(`lang=${lang}`);
        await page.getByTestId('embed').click();
        const snippet = await page.getByTestId('embed-snippet').inputValue();
        expect(snippet).toContain(`?lang=${lang}&amp;embed=1`);
        expect(await page.getByTestId('quote-link').getAttribute('href')).toContain(`lang=${lang}`);
        const embedded = await page.context().newPage();
        await embedded.setViewportSize(viewport);
        await embedded.goto(`${baseURL}?lang=${lang}&embed=1`);
        await expect(embedded.getByTestId('result-duration')).toHaveAttribute('data-value', /\d/);
        expect(await embedded.locator('.open-full').getAttribute('href')).toContain(`lang=${lang}`);
        expect(await embedded.getByTestId('more-full').getAttribute('href')).toContain(`lang=${lang}`);
        await embedded.close();
      });

      test('show the math: every row shows the report field it explains', async ({ page }) => {
        const scenario = { ...SEED, claimed_duration_s: 43200, site_power_w: 1e9, budget_usd: 1e9, target_duration_s: 864000 };
        await page.goto(`./?lang=${lang}&claimed-duration=12%20h&site-power=1%20GW&budget=1e9&target-duration=10%20days`);
        await expect(page.getByTestId('result-duration')).toHaveAttribute('data-value', /\d/);
        const report = JSON.parse(zettaflop(['estimate', '-', ...(lang === 'fr' ? ['--fr'] : [])], JSON.stringify(scenario)));
        await page.locator('[data-testid=math] summary').click();
        const rows = await page.locator('[data-testid=math] tr[data-step]').evaluateAll((trs) =>
          trs.map((tr) => ({ id: tr.dataset.step, value: Number(tr.dataset.value), shown: tr.querySelector('td.num').textContent })),
        );
        expect(rows.length).toBe(report.steps.length);
        const field = (path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), report);
        const problems = [];
        for (const [i, row] of rows.entries()) {
          const step = report.steps[i];
          expect(row.id).toBe(step.id);
          const expected = field(step.id);
          if (typeof expected !== 'number') {
            problems.push(`${row.id}: no report field of that name`);
            continue;
          }
          if (Math.abs(row.value - expected) > 1e-9 * Math.abs(expected)) problems.push(`${row.id}: row ${row.value}, report ${expected}`);
          const read = readShown(row.shown, step.unit, lang);
          if (!(Math.abs(read - expected) <= 0.011 * Math.abs(expected) + 1e-12)) problems.push(`${row.id}: shows “${row.shown}” (${read}), report ${expected}`);
        }
        expect(problems, problems.join('\n')).toEqual([]);
      });
    });
  }
}

const PREFIX = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Z: 1e21, Y: 1e24 };

/** A "show the math" value read back as a number in the step's unit. */
function readShown(text, unit, lang) {
  const t = text.replace(/[\u202f\u00a0]/g, ' ').trim();
  const num = (s) => Number(lang === 'fr' ? s.replace(/\s/g, '').replace(',', '.') : s.replace(/[,\s]/g, ''));
  if (unit === '1') return num(t.replace('%', '')) / 100;
  if (unit === 's') {
    const f = { d: 86400, j: 86400, h: 3600, min: 60, s: 1, years: 31557600, ans: 31557600 };
    let total = 0;
    for (const [, n, u] of t.matchAll(/([\d\s.,]+?)\s*(d|j|h|min|s|years|ans)(?=\s|$)/g)) total += num(n) * f[u];
    return total;
  }
  if (unit === 'USD') {
    const m = t.match(/^\$?([\d\s.,]+?)\s*(k|Md|M|B|T)?\s*\$?$/);
    return num(m[1]) * ({ k: 1e3, M: 1e6, B: 1e9, Md: 1e9, T: 1e12 }[m[2]] ?? 1);
  }
  if (unit === '' || unit === 'homes') return num(t.match(/^([\d\s.,]+)/)[1]);
  const body = t.endsWith(unit) ? t.slice(0, -unit.length).trim() : t;
  const m = body.match(/^([\d\s.,]+?)\s*([kMGTPEZY]?)$/);
  return m ? num(m[1]) * PREFIX[m[2]] : NaN;
}

test('tabs: arrow keys, Home and End move between the modes (WAI-ARIA tabs)', async ({ page }) => {
  // The tabs are the app's: keys move between them once it is live.
  await open(page);
  const tab = (id) => page.locator(`#tab-${id}`);
  await tab('calculator').focus();
  await expect(tab('calculator')).toHaveAttribute('tabindex', '0');
  await expect(tab('factcheck')).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('ArrowRight');
  await expect(tab('factcheck')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('factcheck')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab('sources')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('sources')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('calculator')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('sources')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tab('calculator')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('calculator')).toBeFocused();
});
