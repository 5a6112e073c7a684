// Share and embed (issue 6): the state in the link, back/forward, copy link, hostile links, the
// page embedded in a sandboxed iframe, and no request to another origin. On the release build.
import { createServer } from 'node:http';
import { test as base, expect } from '@playwright/test';

/** Requests of the test's browser context, and uncaught page errors (each test checks them). */
const test = base.extend({
  requests: async ({ context }, use) => {
    const urls = [];
    context.on('request', (r) => urls.push(r.url()));
    await use(urls);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Requests that leave `origin` (data: and blob: fetch nothing). */
function foreign(urls, ...origins) {
  return urls.filter((u) => {
    const url = new URL(u);
    return url.protocol !== 'data:' && url.protocol !== 'blob:' && !origins.includes(url.origin);
  });
}

/** The results shown, as raw report numbers. */
async function results(page) {
  const out = {};
  for (const id of ['duration', 'energy', 'cost', 'implied-utilization']) {
    out[id] = await page.getByTestId(`result-${id}`).getAttribute('data-value');
  }
  return out;
}

async function ready(page) {
  await expect(page.getByTestId('result-duration')).toHaveAttribute('data-value', /\d/);
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
}

test('a link round trip reproduces the inputs, the mode, the language and the results', async ({ page, browser, baseURL }) => {
  await page.goto('./');
  await ready(page);
  const before = await page.getByTestId('result-duration').getAttribute('data-value');
  await page.locator('#in-hardware').selectOption('h100');
  await page.locator('#in-count').fill('25 000');
  await page.locator('#in-utilization').fill('35 %');
  await page.locator('#in-claimed-duration').fill('95 days');
  await expect(page.getByTestId('result-duration')).not.toHaveAttribute('data-value', before);
  await expect(page.getByTestId('result-implied-utilization')).toHaveAttribute('data-value', /\d/);
  const shown = await results(page);
  await page.locator('#tab-factcheck').click();
  await page.locator('#in-cl-count').fill('100k');
  await page.getByTestId('lang-fr').click();
  await page.getByTestId('copy-link').click();
  const link = await page.locator('#share-url').inputValue();
  expect(link.startsWith(baseURL)).toBe(true);
  expect(link).toContain('mode=factcheck');
  expect(link).toContain('count=25%2000');
  expect(page.url()).toBe(link);

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(other.locator('#tab-factcheck')).toHaveAttribute('aria-selected', 'true');
  await expect(other.locator('#in-cl-count')).toHaveValue('100k');
  await other.locator('#tab-calculator').click();
  await ready(other);
  await expect(other.locator('#in-count')).toHaveValue('25 000');
  await expect(other.locator('#in-utilization')).toHaveValue('35 %');
  await expect(other.locator('#in-hardware')).toHaveValue('h100');
  expect(await results(other)).toEqual(shown);
  await expect(other.getByTestId('link-notice')).toBeHidden();
  await other.close();
});

test('back and forward step through choices; typing replaces the entry', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await page.locator('#in-hardware').selectOption('h100');
  await expect(page).toHaveURL(/hardware=h100/);
  await page.locator('#in-count').fill('1000');
  await expect(page).toHaveURL(/count=1000/);
  await page.locator('#in-precision').selectOption('fp8');
  await expect(page).toHaveURL(/precision=fp8/);
  await page.locator('#tab-expert').click();
  await expect(page).toHaveURL(/mode=expert/);

  await page.goBack();
  await expect(page.locator('#tab-calculator')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#in-precision')).toHaveValue('fp8');
  await page.goBack();
  await expect(page.locator('#in-precision')).toHaveValue('bf16');
  await expect(page.locator('#in-count')).toHaveValue('1000');
  await page.goBack();
  await expect(page.locator('#in-hardware')).toHaveValue('gb200');
  await expect(page.locator('#in-count')).toHaveValue('64,000');
  await page.goForward();
  await expect(page.locator('#in-hardware')).toHaveValue('h100');
  await expect(page.locator('#in-count')).toHaveValue('1000');
  await ready(page);
});

test('old, hand-edited and hostile links: defaults, a notice as text, nothing injected', async ({ page, requests, baseURL }) => {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const q = [
    'model=' + encodeURIComponent('<script>window.__pwned=1</script>'),
    'count=' + encodeURIComponent('<img src=x onerror="window.__pwned=2">'),
    encodeURIComponent('<svg/onload=alert(1)>') + '=1',
    'hardware=h999',
    'precision=fp3',
    'mode=' + encodeURIComponent('"><iframe src=javascript:alert(1)>'),
    'lang=xx',
    'pue=%E0%A4%A',
    'utilization=0.3&utilization=0.5',
    'colour=red',
  ].join('&');
  await page.goto('./?' + q);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('<script>window.__pwned=1</script>');
  await expect(notice).toContainText('<svg/onload=alert(1)>');
  await expect(notice).toContainText('colour');
  expect((await notice.locator('.notice-list').innerText()).split('\n')).toHaveLength(9);
  // The page opened with its defaults where the link was wrong...
  await expect(page.locator('#in-model')).toHaveValue('gpt-4');
  await expect(page.locator('#in-hardware')).toHaveValue('gb200');
  await expect(page.locator('#tab-calculator')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#in-utilization')).toHaveValue('0.3');
  // ...and kept the typed text, shown as text with its message beside it.
  await expect(page.locator('#in-count')).toHaveValue('<img src=x onerror="window.__pwned=2">');
  await expect(page.locator('#in-count-error')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.locator('img[src="x"], svg[onload], script:not([src]):not([type]), iframe').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // The address bar now holds what the page uses, and the notice can be dismissed.
  expect(new URL(page.url()).search).toBe('?count=' + encodeURIComponent('<img src=x onerror="window.__pwned=2">').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()) + '&utilization=0.3');
  await notice.getByRole('button').click();
  await expect(notice).toBeHidden();
  expect(foreign(requests, new URL(baseURL).origin)).toEqual([]);
});

test('embedded in a sandboxed iframe on another origin, the page takes the height of its content', async ({ page, requests, baseURL }) => {
  const app = new URL(baseURL).origin;
  // The host page, from a server of its own on another port (another origin): the iframe as
  // the embed dialog writes it, but with the strictest sandbox, and the host script.
  const html = `<!doctype html><html><body><h1>An article</h1>
    <iframe data-zettaflop title="Zettaflop" sandbox="allow-scripts" style="width:100%;border:0" src="${app}/?embed=1&amp;count=25000&amp;hardware=h100&amp;count-unit=chip"></iframe>
    <p>After the frame.</p>
    <script src="${app}/embed.js"></script></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const host = `http://127.0.0.1:${server.address().port}`;
  test.info().attach('host', { body: host });
  await page.goto(`${host}/article.html`);
  const entries = await page.evaluate(() => history.length);
  const frame = page.frameLocator('iframe[data-zettaflop]');
  await expect(frame.getByTestId('result-duration')).toHaveAttribute('data-value', /\d/);
  await expect(frame.locator('#in-count')).toHaveValue('25000');
  await expect(frame.locator('.tabs')).toBeHidden();
  await expect(frame.locator('.open-full')).toBeVisible();
  const iframe = page.locator('iframe[data-zettaflop]');
  const contentHeight = () =>
    frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  // The default iframe is 150 px high; it grows to its content.
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(400);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(1);
  // The content grows (a message beside a field): so does the iframe. (The compact embed shows
  // only the inputs that change the answer: the count, not the PUE.)
  const before = (await iframe.boundingBox()).height;
  await frame.locator('#in-count').fill('not a number');
  await expect(frame.locator('#in-count-error')).toBeVisible();
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(before);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(1);
  // Embedded, the page writes no history into the host's.
  expect(await page.evaluate(() => history.length)).toBe(entries);
  expect(foreign(requests, app, host)).toEqual([]);
  expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  server.close();
});

test('the embed dialog gives the iframe and the host script for the current scenario', async ({ page, baseURL }) => {
  await page.goto('./');
  await ready(page);
  await page.locator('#in-count').fill('1,000');
  await expect(page.locator('#embed-code')).toBeHidden();
  await expect(page.locator('#share-url')).toBeHidden();
  await page.getByTestId('embed').click();
  await expect(page.locator('#embed-code')).toBeVisible();
  await expect(page.getByTestId('embed')).toHaveAttribute('aria-expanded', 'true');
  const code = await page.locator('#embed-code').inputValue();
  // The language is always written in a link given away (issue 11).
  expect(code).toContain(`src="${baseURL}?lang=en&amp;embed=1&amp;count=1%2C000"`);
  expect(code).toContain('sandbox="allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox allow-modals"');
  expect(code).toContain(`<script src="${baseURL}embed.js" async></script>`);
  const script = await page.request.get('embed.js');
  expect(script.ok()).toBe(true);
  await page.getByTestId('embed').click();
  await expect(page.locator('#embed-code')).toBeHidden();
  await page.getByTestId('copy-link').click();
  await expect(page.locator('#share-url')).toBeVisible();
  await expect(page.locator('#share-url')).toHaveValue(`${baseURL}?lang=en&count=1%2C000`);
  await expect(page.getByTestId('copy-status')).not.toBeEmpty();
});

test('no request leaves the origin during a full session', async ({ page, requests, baseURL }) => {
  await page.goto('./?lang=fr');
  await ready(page);
  await page.locator('#in-model').selectOption('custom-params');
  await page.locator('#in-params').fill('405B');
  await page.locator('#in-tokens').fill('15T');
  await page.locator('#in-utilization').fill('45 %');
  await page.locator('#in-target-duration').fill('3 mois');
  await ready(page);
  for (const tab of ['factcheck', 'expert', 'backtest', 'sources', 'calculator']) {
    await page.locator(`#tab-${tab}`).click();
    await expect(page.locator(`#tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  }
  await page.locator('#tab-backtest').click();
  await expect(page.locator('#panel-backtest svg').first()).toBeVisible();
  await page.getByTestId('lang-en').click();
  await page.getByTestId('copy-link').click();
  await page.getByTestId('embed').click();
  await page.goBack();
  await page.goForward();
  await page.reload();
  await ready(page);
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.some((u) => u.includes('backtest.csv'))).toBe(true);
  expect(foreign(requests, new URL(baseURL).origin)).toEqual([]);
});

test('a link that opens on an invalid input says what is wrong in the answer, with a link to the field', async ({ page }) => {
  // No valid result yet, so none to keep: the answer card says why, in the reader's language.
  for (const [lang, words] of [['en', 'no result yet'], ['fr', 'pas encore de résultat']]) {
    await page.goto(`./?lang=${lang}&utilization=150%25`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', '');
    const note = page.getByTestId('answer').getByTestId('stale-note');
    await expect(note).toBeVisible();
    await expect(note).toContainText(words);
    const field = note.getByTestId('stale-field');
    await expect(field).toHaveText(await page.locator('#in-utilization-error').textContent());
    await field.click();
    await expect(page.locator('#in-utilization')).toBeInViewport();
    await expect(page.locator('#in-utilization')).toHaveValue('150%');
  }
  // Once an answer exists, an invalid input keeps it and says so, without the link.
  await page.locator('#in-utilization').fill('40%');
  await expect(page.getByTestId('answer').getByTestId('stale-note')).toBeHidden();
  await page.locator('#in-utilization').fill('150%');
  await expect(page.getByTestId('answer').getByTestId('stale-note')).toBeVisible();
  await expect(page.getByTestId('answer').getByTestId('stale-field')).toHaveCount(0);
});
