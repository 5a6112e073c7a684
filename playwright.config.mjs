// End-to-end tests of the built page (dist/, from `trunk build --release`) in Debian's Chromium.
// Playwright's own browser download is never used: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 at install,
// and executablePath points at the system `chromium` (scripts/install.sh test installs it).
import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their tests side by side (the specs that start their own
// servers use E2E_PORT + 1 and + 2).
const PORT = Number.parseInt(process.env.E2E_PORT ?? '4173', 10);

function systemChromium() {
  try {
    return execSync('command -v chromium', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new Error(
      'chromium not found on PATH: run `scripts/install.sh test` (apt-get install -y chromium chromium-driver)',
    );
  }
}

export default defineConfig({
  testDir: 'tests',
  testMatch: '*.spec.mjs',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  webServer: {
    command: 'node tests/serve.mjs',
    port: PORT,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: systemChromium(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
