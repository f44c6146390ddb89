// End-to-end tests: the built console served against the embedded emulator, driven in Debian's Chromium.
import { defineConfig } from '@playwright/test';

// E2E_PORT / E2E_EMULATOR_PORT let two checkouts run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4710);
/** The emulator's control-plane token, fixed for the run so the fixtures know it. */
export const E2E_CONTROL_TOKEN = process.env.EMULATOR_CONTROL_TOKEN || 'e2e-emulator-control-token';
/** The console as `npm start` serves a team (sign-in, roles), beside the demo-mode one: e2e/team.spec.ts. */
export const E2E_TEAM_PORT = Number(process.env.E2E_TEAM_PORT ?? E2E_PORT + 1);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/results',
  // One emulator serves every test and each test resets it, so tests run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'e2e/artifacts/report' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: [
    {
      command: 'npx tsx lib/cli/demo.ts',
      url: `http://127.0.0.1:${E2E_PORT}`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        PORT: String(E2E_PORT),
        EMULATOR_PORT: String(E2E_EMULATOR_PORT),
        EMULATOR_SCENARIO: 'showcase',
        EMULATOR_CONTROL_TOKEN: E2E_CONTROL_TOKEN,
        // A short read deadline, so e2e/faults.spec.ts sees a frozen endpoint fail at it within seconds.
        ENI_CONSOLE_READ_DEADLINE_MS: '6000',
        // Each test resets the emulator behind the console's back: no snapshot may outlive it (lib/ec2/topology.ts).
        ENI_CONSOLE_SNAPSHOT_REUSE_MS: '0',
        ENI_CONSOLE_SNAPSHOT_WARM_MS: '0',
      },
    },
    {
      command: 'npx tsx lib/testing/team-console.ts',
      url: `http://127.0.0.1:${E2E_TEAM_PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        TEAM_PORT: String(E2E_TEAM_PORT),
        EC2_ENDPOINT: `http://127.0.0.1:${E2E_EMULATOR_PORT}`,
        AFTER_URL: `http://127.0.0.1:${E2E_PORT}`,
        ENI_CONSOLE_SNAPSHOT_REUSE_MS: '0',
        ENI_CONSOLE_SNAPSHOT_WARM_MS: '0',
      },
    },
  ],
});
