// Playwright fixtures: an SDK client and a control-plane handle on the e2e emulator, and a page object for
// the console. Refuses to run against anything but a loopback endpoint.
import { EC2Client } from '@aws-sdk/client-ec2';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { E2E_EMULATOR_PORT } from '../playwright.config';

export const emulatorUrl = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(emulatorUrl)) {
  throw new Error(`e2e tests only run against a local emulator, not ${emulatorUrl}`);
}

export type LoggedRequest = { seq: number; action: string; parameters: Record<string, string>; outcome: string };

export class Emulator {
  readonly ec2 = new EC2Client({ region: 'us-east-1', endpoint: emulatorUrl, credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' } });

  async reset(scenario = 'showcase'): Promise<void> {
    const res = await fetch(`${emulatorUrl}/_emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario }) });
    if (!res.ok) throw new Error(`reset to ${scenario} failed: ${res.status} ${await res.text()}`);
    await fetch(`${emulatorUrl}/_emulator/requests`, { method: 'DELETE' });
  }

  async settings(patch: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${emulatorUrl}/_emulator/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
    if (!res.ok) throw new Error(`settings failed: ${res.status} ${await res.text()}`);
  }

  async requests(): Promise<LoggedRequest[]> {
    const res = await fetch(`${emulatorUrl}/_emulator/requests`);
    const body = (await res.json()) as { requests?: LoggedRequest[] } | LoggedRequest[];
    return Array.isArray(body) ? body : (body.requests ?? []);
  }

  /** EC2 calls that change state (everything but Describe*). */
  async mutatingRequests(): Promise<LoggedRequest[]> {
    return (await this.requests()).filter((r) => !r.action.startsWith('Describe'));
  }
}

export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('topology')).toBeVisible({ timeout: 30_000 });
  }

  instance(id: string): Locator {
    return this.page.getByTestId(`instance-${id}`);
  }
  eni(id: string): Locator {
    return this.page.getByTestId(`eni-${id}`);
  }
  ip(address: string): Locator {
    return this.page.getByTestId(`ip-${address}`);
  }
  eip(allocationId: string): Locator {
    return this.page.getByTestId(`eip-${allocationId}`);
  }
}

export const test = base.extend<{ emulator: Emulator; console: ConsolePage }>({
  emulator: async ({}, use) => {
    const emulator = new Emulator();
    await emulator.reset();
    await use(emulator);
    emulator.ec2.destroy();
  },
  console: async ({ page }, use) => {
    await use(new ConsolePage(page));
  },
});

export { expect };
