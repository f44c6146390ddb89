// Under faults (issue 7): a frozen endpoint — Refresh shows the time elapsed, can be cancelled, and fails with a
// clear message at the read deadline (6 s in playwright.config.ts); an apply interrupted by a fault shows each EC2
// call's observed outcome.
import type { Page } from '@playwright/test';
import { emulatorUrl, expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/faults-${name}.png` });

test('a frozen endpoint: Refresh shows elapsed time, can be cancelled, and fails clearly at the deadline', async ({
  emulator,
  console: ui,
  page,
}) => {
  await ui.open();
  // Every DescribeVpcs now waits ten minutes before answering: the endpoint is frozen for reads.
  await emulator.patchSettings({ latencyMs: { DescribeVpcs: 600_000 } });
  try {
    const refresh = page.getByTestId('refresh');
    await refresh.click();
    await expect(page.getByTestId('refresh-elapsed')).toHaveText(/Reading EC2… [1-9] s/, { timeout: 5_000 });
    await shot(page, 'refresh-elapsed');
    await page.getByTestId('cancel-refresh').click();
    await expect(page.getByTestId('refresh-elapsed')).toBeHidden();
    await expect(refresh).toBeEnabled();
    await expect(page.getByTestId('topology')).toBeVisible();
    await expect(page.getByTestId('load-error')).toHaveCount(0);

    await refresh.click();
    const error = page.getByTestId('load-error');
    await expect(error).toHaveAttribute('data-code', 'timeout', { timeout: 15_000 });
    await expect(error).toContainText(/is not answering: Reading the topology did not finish within 6 s/);
    await expect(error).toContainText('ENI_CONSOLE_READ_DEADLINE_MS');
    // The snapshot read before stays on screen.
    await expect(page.getByTestId('topology')).toBeVisible();
    await shot(page, 'refresh-deadline');
  } finally {
    await emulator.patchSettings({ latencyMs: {} });
  }
});

test('an ENI move interrupted by refused attaches shows each call’s outcome, the restore included', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const { instances, enis } = await emulator.names();
  const eni = enis['app-1-data']!;
  await ui.open();
  const slot = page.getByTestId(`eni-slot-${instances['app-2']}-2`);
  await drag.moveTo(ui.eni(eni).locator('button').first(), slot, 'keyboard');
  await expect(page.getByTestId('plan-dialog')).toBeVisible();
  // The attach (not its DryRun) is refused twice: the move's attach and the first re-attach; the second re-attach works.
  const res = await fetch(`${emulatorUrl}/_emulator/faults`, {
    method: 'POST',
    body: JSON.stringify({
      action: 'AttachNetworkInterface',
      code: 'InvalidParameterValue',
      status: 400,
      message: 'injected by the e2e test',
      times: 2,
      dryRun: false,
    }),
  });
  expect(res.ok).toBe(true);
  await ui.confirm('keyboard');

  const toast = page.getByTestId('toast').filter({ hasText: /^Failed part-way/ });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  const steps = toast.getByTestId('step-outcomes').locator('li');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAttribute('data-outcome', 'done');
  await expect(steps.nth(0)).toContainText('Detach');
  await expect(steps.nth(1)).toHaveAttribute('data-outcome', 'not-done');
  await expect(steps.nth(1)).toContainText('injected by the e2e test');
  await expect(steps.nth(2)).toHaveAttribute('data-outcome', 'done');
  await expect(steps.nth(2)).toContainText(/Restore: Re-attach/);
  await expect(toast).toContainText('Restored:');
  await shot(page, 'apply-steps');
  // The ENI is back on app-1, as the answer says.
  await expect(ui.instance(instances['app-1']!).getByTestId(`eni-${eni}`)).toBeVisible({ timeout: 10_000 });
});
