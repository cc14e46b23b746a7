import { defineConfig, devices } from '@playwright/test';

const appPort = Number(process.env.E2E_APP_PORT ?? 3311);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4311);

export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties it on every run, and screenshots live beside it.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${appPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // Signs each demo user in once and saves the session; the specs reuse it (see `as` in tests/e2e/support.ts).
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1360, height: 900 } },
    },
  ],
  webServer: {
    command: 'node scripts/serve-e2e.mjs',
    url: `http://localhost:${appPort}/sign-in`,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_APP_PORT: String(appPort), E2E_SANDBOX_PORT: String(sandboxPort), FUNDSIGHT_LOG: 'silent' },
  },
});
