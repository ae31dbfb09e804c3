import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The BankID simulator's control API, for tests that act as the person with the phone. */
export const SIM_CONTROL_URL = `http://127.0.0.1:${PORT + 2}`;
// A fresh embedded database per run: the demo samverkan is imported at start.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `dsp-e2e-${process.pid}`);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // One worker: the journeys act as the person with the phone through the simulator's control
  // API, whose "pending orders" are shared by every test; in parallel they would pick each other's.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://localhost:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      BANKID_SIM_RP_PORT: String(PORT + 1),
      BANKID_SIM_CONTROL_PORT: String(PORT + 2),
    },
  },
});
