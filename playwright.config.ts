import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * A system Chromium, never a download at test time: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own if one happens to be installed.
 */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    // A click on something that never appears fails with its locator instead of waiting out the test's timeout.
    actionTimeout: 20_000,
    launchOptions: {
      executablePath: chromiumPath(),
      // The machine's network is closed: without these Chromium keeps trying to reach Google.
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
  projects: [{ name: 'chromium' }],
});
