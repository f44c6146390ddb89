// Every account, every region: the demo picker loads the emulator's multi-account scenario; the user switches
// account and region in the header and sees the other topology, the URL reproduces it, and a move made in one
// account and region lands there only (checked in the emulator with each account's own access key).
import { DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { appliedRequests } from '../lib/testing/emulator-control';
import type { Page } from '@playwright/test';
import { type ConsolePage, Emulator, emulatorUrl, expect, test } from './fixtures';
import { eniHandle } from './steps';

const PROD = 'AKIAPRODENICONSOLE';
const STAGING = 'AKIASTAGINGENICONSOLE';

/** The emulator as one account in one region sees it (the access key picks the account, the signature the region). */
class AccountView extends Emulator {
  override readonly ec2: EC2Client;
  constructor(accessKeyId: string, region: string) {
    super();
    this.ec2 = new EC2Client({ region, endpoint: emulatorUrl, credentials: { accessKeyId, secretAccessKey: 'e2e' } });
  }
}

const enisOf = async (view: AccountView) =>
  (await view.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? [];

/** The console opened and the demo reset to the multi-account scenario through its picker. */
async function openMultiAccount(ui: ConsolePage, page: Page): Promise<void> {
  await ui.open();
  await page.getByTestId('demo-scenario').selectOption('multi-account');
  await page.getByTestId('demo-reset').click();
  await expect(page.getByTestId('demo-reset')).toHaveText('Reset', { timeout: 90_000 });
}

test.afterEach(async ({ emulator }) => {
  // The other specs expect the single-account emulator.
  await emulator.reset('showcase');
  await emulator.patchSettings({ attachDelayMs: 1000 });
});

test('a user switches account and region, the URL reproduces the view, and a move stays in its account', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  // The first change a fresh console serves opens its database (slow on a loaded machine): room for it.
  test.setTimeout(180_000);
  await emulator.patchSettings({ attachDelayMs: 200 });
  await ui.open();
  await expect(page.getByTestId('account-switcher')).toHaveCount(0);
  await page.getByTestId('demo-scenario').selectOption('multi-account');
  await page.getByTestId('demo-reset').click();
  await expect(page.getByTestId('demo-reset')).toHaveText('Reset', { timeout: 90_000 });

  const prodEast = await new AccountView(PROD, 'us-east-1').names();
  const stagingEast = await new AccountView(STAGING, 'us-east-1').names();
  const stagingWest = new AccountView(STAGING, 'eu-west-1');
  const west = await stagingWest.names();

  // The default account first: production in us-east-1.
  const account = page.getByTestId('account-switcher');
  const region = page.getByTestId('region-selector');
  await expect(account).toHaveValue('prod', { timeout: 20_000 });
  await expect(region).toHaveValue('us-east-1');
  await expect(ui.instance(prodEast.instances['web-1']!)).toBeVisible();
  await page.locator('header').first().screenshot({ path: 'e2e/artifacts/accounts-header.png' });

  await account.selectOption('staging');
  await expect(page).toHaveURL(/\/\?account=staging&region=us-east-1$/);
  await expect(ui.instance(stagingEast.instances['ha-primary']!)).toBeVisible({ timeout: 30_000 });
  await expect(ui.instance(prodEast.instances['web-1']!)).toHaveCount(0);

  await page.getByTestId('region-selector').selectOption('eu-west-1');
  await expect(page).toHaveURL(/\/\?account=staging&region=eu-west-1$/);
  const firewall = west.instances['fw-1']!;
  await expect(ui.instance(firewall)).toBeVisible({ timeout: 30_000 });
  await expect(ui.instance(stagingEast.instances['ha-primary']!)).toHaveCount(0);
  await expect(page.getByTestId('account-switcher')).toHaveValue('staging');

  // The URL alone opens the same account and region, and the view's own parameters keep the scope in front.
  await ui.instance(firewall).getByRole('button', { name: /fw-1/ }).first().click();
  await expect(page).toHaveURL(/\/\?account=staging&region=eu-west-1&sel=instance%3A/);
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId(`instance-${firewall}`)).toBeVisible({ timeout: 30_000 });
  await expect(other.getByTestId('account-switcher')).toHaveValue('staging');
  await expect(other.getByTestId('region-selector')).toHaveValue('eu-west-1');
  await expect(other.getByTestId('detail-panel')).toContainText(firewall);
  await other.close();

  // A move in staging/eu-west-1: the firewall's inside leg to the ENI pool.
  const prodWestBefore = await enisOf(new AccountView(PROD, 'eu-west-1'));
  const stagingEastBefore = await enisOf(new AccountView(STAGING, 'us-east-1'));
  await emulator.clearRequests();
  const inside = west.enis['fw-1-inside']!;
  await drag.moveTo(eniHandle(ui, inside), page.getByTestId('pool-enis'), 'mouse');
  await ui.confirmPlan('mouse', { cli: [/detach-network-interface --attachment-id eni-attach-/] });

  const calls = await emulator.appliedRequests();
  expect(calls.map((c) => [c.action, c.accessKeyId, c.region])).toEqual([
    ['DetachNetworkInterface', STAGING, 'eu-west-1'],
  ]);
  await expect
    .poll(async () => (await enisOf(stagingWest)).find((e) => e.NetworkInterfaceId === inside)?.Status)
    .toBe('available');
  expect(await enisOf(new AccountView(PROD, 'eu-west-1'))).toEqual(prodWestBefore);
  expect(await enisOf(new AccountView(STAGING, 'us-east-1'))).toEqual(stagingEastBefore);
});

test('a failover, the demo failure and the guest OS configuration in staging act in staging only; the Activity tab names it', async ({
  emulator,
  console: ui,
  page,
}) => {
  test.setTimeout(180_000);
  await emulator.patchSettings({ attachDelayMs: 200 });
  await openMultiAccount(ui, page);
  const staging = await new AccountView(STAGING, 'us-east-1').names();
  const primary = staging.instances['ha-primary']!;
  const standby = staging.instances['ha-standby']!;
  const floating = staging.enis['service-floating']!;
  await page.goto('/?account=staging&region=us-east-1');
  await expect(ui.instance(primary)).toBeVisible({ timeout: 30_000 });

  // The page's own calls, as its controls send them (same origin), naming the page's scope.
  const post = (path: string, body: unknown) =>
    page.evaluate(
      async ([p, b]) =>
        (
          await fetch(p as string, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: b as string,
          })
        ).status,
      [path, JSON.stringify(body)],
    );
  const scope = { account: 'staging', region: 'us-east-1' };
  expect(await post('/api/demo/fail-instance', { instanceId: primary, scope })).toBe(200);
  expect(await post('/api/demo/fail-instance', { instanceId: primary, scope: { account: 'finance' } })).toBe(400);
  await page.reload();

  await emulator.clearRequests();
  await ui.instance(primary).locator('header button').first().click();
  const section = page.getByTestId('failover-section');
  await expect(section).toContainText('impaired', { timeout: 30_000 });
  await section.getByTestId('failover-candidate').first().click();
  const dialog = page.getByTestId('failover-dialog');
  await dialog.getByTestId('failover-confirm').click();
  await expect(dialog.getByTestId('failover-done')).toBeVisible({ timeout: 30_000 });
  await dialog.getByTestId('failover-close').click();
  const calls = await emulator.requests();
  expect(calls.length).toBeGreaterThan(0);
  // Every call of the failover, its checks and its reads, in staging/us-east-1: none in production.
  expect(calls.filter((c) => c.accessKeyId !== STAGING || c.region !== 'us-east-1')).toEqual([]);
  expect(appliedRequests(calls).map((c) => c.action)).toEqual(['DetachNetworkInterface', 'AttachNetworkInterface']);
  const moved = (await enisOf(new AccountView(STAGING, 'us-east-1'))).find((e) => e.NetworkInterfaceId === floating);
  expect(moved?.Attachment?.InstanceId).toBe(standby);

  // The guest OS configuration of the standby, read in staging.
  await emulator.clearRequests();
  const text = await page.evaluate(
    async (id) =>
      (await fetch(`/api/instances/${id}/guest-config?format=iproute2&account=staging&region=us-east-1`)).status,
    standby,
  );
  expect(text).toBe(200);
  expect((await emulator.requests()).every((c) => c.accessKeyId === STAGING && c.region === 'us-east-1')).toBe(true);

  // The record names the account and region of the failover's apply, and filters by them.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = page.getByTestId('activity-panel');
  await activity.getByLabel('Filter by account').selectOption('staging');
  await expect(activity.getByTestId('audit-entry').filter({ hasText: 'apply' }).first()).toContainText(
    'staging · us-east-1',
  );
  await activity.getByLabel('Filter by account').selectOption('prod');
  await expect(activity.getByTestId('audit-scope').filter({ hasText: 'staging' })).toHaveCount(0);
  await activity.getByLabel('Filter by account').selectOption('staging');
  await page.screenshot({ path: 'e2e/artifacts/accounts-activity.png' });
});

test('a walkthrough started while viewing staging resets to its scenario and goes on in the demo’s one account', async ({
  emulator,
  console: ui,
  page,
}) => {
  test.setTimeout(180_000);
  await openMultiAccount(ui, page);
  await page.goto('/?account=staging&region=eu-west-1');
  await expect(page.getByTestId('account-switcher')).toHaveValue('staging', { timeout: 30_000 });
  await page.getByTestId('demo-walkthrough').selectOption('ha-failover');
  const panel = page.getByTestId('walkthrough');
  await panel.getByTestId('walkthrough-do').click();
  await expect(panel.getByTestId('walkthrough-after')).toBeVisible({ timeout: 30_000 });
  // The reset's scenario has one account: the page no longer names staging.
  await expect(page).not.toHaveURL(/account=|region=/);
  await panel.getByTestId('walkthrough-next').click();
  await panel.getByTestId('walkthrough-do').click();
  await expect(panel.getByTestId('walkthrough-after')).toContainText('status checks now fail', { timeout: 30_000 });
  const { instances } = await emulator.names();
  await expect(ui.instance(instances['ha-primary']!)).toContainText('Impaired', { timeout: 30_000 });
});
