// What the page's end-to-end specs share: a `test` whose every run records every request of its
// browser context (page, workers, service worker) and fails if one leaves the page's origin, fails
// on an uncaught page error (e.g. a wasm panic) and on a Content-Security-Policy violation; the
// release CLI, to compare the page with; and opening the page at its first result.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export { expect };

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(process.env.CARGO_TARGET_DIR ?? join(REPO, 'target'), 'release', 'zettaflop');

export const test = base.extend({
  requests: [
    async ({ context, baseURL }, use) => {
      const urls = [];
      context.on('request', (r) => urls.push(r.url()));
      await use(urls);
      const origin = new URL(baseURL).origin;
      // data: and blob: URLs are made inside the page and fetch nothing.
      const foreign = urls.filter((u) => {
        const url = new URL(u);
        return url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin;
      });
      expect(foreign, `requests that leave ${origin}`).toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
      if (!page.isClosed()) {
        expect(await page.evaluate(() => window.cspViolations ?? []), 'CSP violations').toEqual([]);
      }
    },
    { auto: true },
  ],
});

/** Runs the release CLI with `args` (and `input` on stdin); returns its stdout. */
export function zettaflop(args, input) {
  expect(existsSync(CLI), `${CLI} (cargo build --release -p zettaflop-cli)`).toBe(true);
  return execFileSync(CLI, args, { input, encoding: 'utf8' });
}

/** The CLI's JSON answer to `command` (`estimate`, `check`, `search`…) for `doc`. */
export function cli(doc, command = 'estimate') {
  return JSON.parse(zettaflop([command, '-'], JSON.stringify(doc)));
}

/** Opens the page and waits until the first result is shown and the page is live (the wasm
 * has replaced the prerendered page, whose answer is there before any script runs). */
export async function open(page, path = './') {
  await page.goto(path);
  const duration = page.getByTestId('result-duration');
  await expect(duration).toHaveAttribute('data-value', /\d/);
  await expect(duration).toHaveText(/\S/);
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
}
