import fs from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/** Playwright's own Chromium when installed, else the system one (CHROMIUM_PATH or /usr/bin/chromium). */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // not installed
  }
  return '/usr/bin/chromium';
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 9400);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1, // one app, one database: the journeys run in order
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      // Running as root in CI, on a machine with no outside network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // A real OpenID Connect provider on this machine, standing in for the city's SSO.
      command: `node e2e/fixtures/oidc-provider.mjs`,
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: { OIDC_PORT: String(OIDC_PORT), APP_ORIGIN: baseURL },
    },
    {
      // The README's demo command: on E2E_DATABASE_URL when given (a fresh, empty
      // PostgreSQL database: CI creates one), else on a fresh embedded database.
      command: 'npx tsx scripts/vigie.ts demo',
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(PORT),
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
        VIGIE_DATA_DIR: '.data-e2e',
        VIGIE_RESET_DATA: '1',
        // Deterministic journeys: the seed runs the jobs once; no timer runs them again mid-test.
        JOBS_ENABLED: 'false',
        AUTH_SECRET: 'e2e-secret-not-for-production-use',
        AUTH_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
        AUTH_OIDC_ID: 'vigie-e2e',
        AUTH_OIDC_SECRET: 'vigie-e2e-secret',
        AUTH_OIDC_NAME: 'Puteaux Connect',
      },
    },
  ],
});
