// The embed on an ordinary static host (issue 11, item 2): the page served by `python3 -m
// http.server` (no CORS or any special header), the snippet the page gives pasted as is into an
// article served from another origin (another plain server), in a 720 px column. The compact
// embed shows the answer and the few inputs that change it, at most 1,100 px tall, and the links
// to the full page keep the language. Screenshots: docs/reader-embed-*.png.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { open, REPO } from './fixtures.mjs';

const PORT = Number.parseInt(process.env.E2E_PORT ?? '4173', 10);
const APP_PORT = PORT + 3;
const HOST_PORT = PORT + 4;
const APP = `http://127.0.0.1:${APP_PORT}`;
const HOST = `http://127.0.0.1:${HOST_PORT}`;

/** Every request of the test's browser context; uncaught page errors fail the test. */
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

/** `python3 -m http.server` on `port` serving `dir`: a static host with no special header. */
function pythonServer(port, dir) {
  return spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
}

async function until(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${url} did not answer`);
}

let app;
let host;
let articles;

test.beforeAll(async () => {
  articles = mkdtempSync(join(tmpdir(), 'zettaflop-article-'));
  writeFileSync(join(articles, 'index.html'), '<!doctype html><title>host</title>');
  app = pythonServer(APP_PORT, join(REPO, 'dist'));
  host = pythonServer(HOST_PORT, articles);
  await until(`${APP}/index.html`);
  await until(`${HOST}/index.html`);
});

test.afterAll(() => {
  app?.kill();
  host?.kill();
  rmSync(articles, { recursive: true, force: true });
});

test('the plain static server sends no CORS header (the embed cannot rely on one)', async () => {
  const r = await fetch(`${APP}/index.html`, { headers: { origin: HOST } });
  expect(r.ok).toBe(true);
  expect(r.headers.get('access-control-allow-origin')).toBeNull();
});

for (const { name, viewport } of [
  { name: '360', viewport: { width: 360, height: 780 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
]) {
  for (const lang of ['en', 'fr']) {
    test(`the snippet works in an article on another origin (${name} px, ${lang})`, async ({ page, requests }) => {
      test.setTimeout(60_000);
      await page.setViewportSize(viewport);
      // The snippet, as the page gives it to an editor.
      // The buttons are the app's: a click before it arrives is replayed once it has mounted,
      // so what the click shows comes later; wait for the app first.
      await open(page, `${APP}/?lang=${lang}`);
      await page.getByTestId('embed').click();
      await expect(page.getByTestId('embed-snippet')).toHaveValue(/sandbox=/);
      const snippet = await page.getByTestId('embed-snippet').inputValue();
      expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-downloads allow-popups');
      expect(snippet).toContain(`lang=${lang}`);
      const file = `article-${name}-${lang}.html`;
      writeFileSync(
        join(articles, file),
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>An article</title><style>body{margin:0;font:17px/1.5 Georgia,serif;background:#f4f1ea;color:#222}main{max-width:720px;margin:0 auto;padding:0 12px}</style></head>
        <body><main><h1>Can GPT-4 be retrained in 12 hours?</h1><p>The press release says so. We checked.</p>
        ${snippet}
        <p>After the frame: the rest of the article.</p></main></body></html>`,
      );
      await page.goto(`${HOST}/${file}`);
      const frame = page.frameLocator('iframe[data-zettaflop]');
      await expect(frame.getByTestId('result-duration')).toHaveAttribute('data-value', '164062.5');
      await expect(frame.locator('html')).toHaveAttribute('lang', lang);
      // Compact: the answer, the quote and the inputs that change it; the rest one link away.
      await expect(frame.getByTestId('quote')).toBeVisible();
      await expect(frame.locator('#in-count')).toBeVisible();
      await expect(frame.locator('#in-utilization')).toBeVisible();
      await expect(frame.locator('#in-pue')).toBeHidden();
      await expect(frame.getByTestId('math')).toBeHidden();
      const more = frame.getByTestId('more-full');
      await expect(more).toBeVisible();
      expect(await more.getAttribute('href')).toContain(`lang=${lang}`);
      // The host script sizes the frame to its content: at most 1,100 px in the column.
      const iframe = page.locator('iframe[data-zettaflop]');
      const contentHeight = () => frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(1);
      if (name === '1280' || lang === 'fr') {
        await page.screenshot({ path: `${REPO}docs/reader-embed-${name}-${lang}.png`, fullPage: true });
      }
      const frameBox = await iframe.boundingBox();
      expect(frameBox.width).toBeLessThanOrEqual(720);
      // At most 1,100 px in a 720 px column; on a phone the column is half as wide and the
      // inputs stack, so it may grow to 1,600 px.
      expect(frameBox.height).toBeLessThanOrEqual(viewport.width >= 720 ? 1100 : 1600);
      // Typing in the frame updates the answer.
      await frame.locator('#in-count').fill('128000');
      await expect(frame.getByTestId('result-duration')).toHaveAttribute('data-value', '82031.25');
      await frame.locator('#in-count').fill('64000');
      await expect(frame.getByTestId('result-duration')).toHaveAttribute('data-value', '164062.5');
      // Nothing but the two origins was asked for; the wasm came from the app's.
      const foreign = requests.filter((u) => {
        const o = new URL(u).origin;
        return !u.startsWith('data:') && !u.startsWith('blob:') && o !== APP && o !== HOST;
      });
      expect(foreign).toEqual([]);
      expect(requests.some((u) => u.startsWith(APP) && u.endsWith('.wasm'))).toBe(true);
    });
  }
}

test('a host script that starts after the frame has settled still sizes it', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // The snippet's script is async: it may run after the frame's page has posted its height.
  // Here the frame is on its own first and the script comes once the answer is shown.
  writeFileSync(
    join(articles, 'late.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late</title></head>
    <body><main style="max-width:720px"><iframe src="${APP}/?embed=1" title="Zettaflop" data-zettaflop style="width:100%;height:200px;border:0"
    sandbox="allow-scripts allow-same-origin"></iframe></main></body></html>`,
  );
  await page.goto(`${HOST}/late.html`);
  const frame = page.frameLocator('iframe[data-zettaflop]');
  await expect(frame.getByTestId('result-duration')).toHaveAttribute('data-value', '164062.5');
  const iframe = page.locator('iframe[data-zettaflop]');
  expect((await iframe.boundingBox()).height).toBe(200);
  await page.addScriptTag({ url: `${APP}/embed.js` });
  const contentHeight = () => frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(1);
  expect((await iframe.boundingBox()).height).toBeGreaterThan(400);
});
