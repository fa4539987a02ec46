import { defineConfig } from '@playwright/test';

// The real renderer, served by the browser host over the real core, in Debian's Chromium.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  workers: 2,
  retries: 0,
  outputDir: 'test-results/playwright-artifacts',
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/playwright.json' }],
    ['html', { open: 'never', outputFolder: 'test-results/playwright-report' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    viewport: { width: 900, height: 700 },
    trace: 'retain-on-failure',
  },
});
