// Failover and the demo in the built console: a presenter runs the HA failover walkthrough start to finish, the
// scenario picker resets to another scenario, and "Fail over to…" on an impaired instance applies with its steps.
import type { Page } from '@playwright/test';
import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/failover-${name}.png` });

test('a presenter runs the HA failover walkthrough start to finish: the floating ENI ends on the standby with its IPs and EIPs', async ({
  emulator,
  console: ui,
  page,
}) => {
  test.setTimeout(180_000);
  await ui.open();
  await page.getByTestId('demo-walkthrough').selectOption('ha-failover');
  const panel = page.getByTestId('walkthrough');
  await expect(panel).toBeVisible();
  const titles: string[] = [];
  for (let step = 0; step < 4; step++) {
    titles.push((await panel.getByTestId('walkthrough-title').textContent()) ?? '');
    await panel.getByTestId('walkthrough-do').click();
    if (step === 2) {
      // The failover goes through the Fail over dialog, as from an instance's details: confirmed, then closed.
      const dialog = page.getByTestId('failover-dialog');
      await dialog.getByTestId('failover-confirm').click();
      await expect(dialog.getByTestId('failover-done')).toBeVisible({ timeout: 30_000 });
      await shot(page, 'walkthrough-3-dialog');
      await dialog.getByTestId('failover-close').click();
    }
    await expect(panel.getByTestId('walkthrough-after')).toBeVisible({ timeout: 30_000 });
    await shot(page, `walkthrough-${step + 1}`);
    if (step === 1) {
      // Back and forward again: the presenter can step back without redoing anything.
      await panel.getByTestId('walkthrough-back').click();
      await expect(panel.getByTestId('walkthrough-after')).toBeVisible();
      await panel.getByTestId('walkthrough-next').click();
    }
    if (step === 2) await expect(panel.getByTestId('walkthrough-after')).toContainText('Failed over in');
    await panel.getByTestId('walkthrough-next').click();
  }
  expect(titles).toEqual([
    'Start from a healthy pair',
    'The primary fails',
    'Fail over to the standby',
    'What the standby sees',
  ]);
  await expect(panel).toBeHidden();

  const { instances, enis } = await emulator.names();
  const floating = await emulator.ec2.send(
    new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [enis['service-floating']!] }),
  );
  const eni = floating.NetworkInterfaces?.[0];
  expect(eni?.Attachment?.InstanceId).toBe(instances['ha-standby']);
  expect(eni?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress).sort()).toEqual(['10.80.1.100', '10.80.1.101']);
  expect(eni?.PrivateIpAddresses?.filter((p) => p.Association?.AllocationId)).toHaveLength(2);
});

test('the scenario picker resets the emulator to another scenario', async ({ emulator, console: ui, page }) => {
  await ui.open();
  await page.getByTestId('demo-scenario').selectOption('tls-sites');
  await page.getByTestId('demo-reset').click();
  // The reset answers after the click returns: wait until the emulator shows the new scenario.
  await expect.poll(async () => Object.keys((await emulator.names()).instances)).toContain('tls-frontend');
  const { instances } = await emulator.names();
  await expect(ui.instance(instances['tls-frontend']!)).toBeVisible({ timeout: 20_000 });
  await shot(page, 'scenario-tls');
});

test('Fail over to… on an impaired primary rehearses, then applies and shows each step with its timing', async ({
  emulator,
  console: ui,
  page,
}) => {
  await emulator.reset('ha-failover');
  const { instances } = await emulator.names();
  await emulator.failInstance(instances['ha-primary']!);
  await ui.open();
  await ui.instance(instances['ha-primary']!).locator('header button').first().click();
  const section = page.getByTestId('failover-section');
  await expect(section).toContainText('impaired');
  await section.getByTestId('failover-candidate').first().click();
  const dialog = page.getByTestId('failover-dialog');
  await expect(dialog.getByTestId('plan-step')).toHaveCount(2);
  await dialog.getByTestId('failover-rehearse').click();
  await expect(dialog.getByTestId('failover-rehearsal')).toContainText('Nothing was changed');
  expect(await emulator.appliedRequests()).toEqual([]);
  await shot(page, 'dialog-rehearsed');
  await dialog.getByTestId('failover-confirm').click();
  await expect(dialog.getByTestId('failover-done')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('failover-timings')).toContainText('DetachNetworkInterface');
  await shot(page, 'dialog-done');
  expect((await emulator.appliedRequests()).map((r) => r.action)).toEqual([
    'DetachNetworkInterface',
    'AttachNetworkInterface',
  ]);
  // Once the view has read the account again, the failover is not listed as a change made outside the console.
  const { enis: names } = await emulator.names();
  const floatingEni = names['service-floating']!;
  await expect(ui.instance(instances['ha-standby']!).getByTestId(`eni-${floatingEni}`)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('change').filter({ hasText: floatingEni })).toHaveCount(0);

  // Fail back: the inverse, planned and applied like any move, puts the ENI on the primary again.
  await dialog.getByTestId('failover-failback').click();
  await expect(dialog.getByTestId('failback-done')).toBeVisible({ timeout: 30_000 });
  const { enis } = await emulator.names();
  const back = await emulator.ec2.send(
    new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [enis['service-floating']!] }),
  );
  expect([
    back.NetworkInterfaces?.[0]?.Attachment?.InstanceId,
    back.NetworkInterfaces?.[0]?.Attachment?.DeviceIndex,
  ]).toEqual([instances['ha-primary'], 1]);
});
