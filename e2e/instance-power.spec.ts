// Stopping and starting an instance through the UI on the built console: app-2's context menu → Stop instance… →
// the plan with its CLI line and what stopping loses → Confirm → stopped (the emulator's log shows exactly
// StopInstances) → Undo starts it again; and a stop or start EC2 would refuse shows its rule and sends nothing.
import { type ConsolePage, expect, test } from './fixtures';
import { openConsole, pickChange } from './steps';

/** Confirms the open plan and waits for its toast: long, as the first apply of a fresh console opens its journal. */
async function confirmed(ui: ConsolePage, toast: RegExp): Promise<void> {
  await ui.confirm('mouse');
  await expect(ui.page.getByTestId('plan-dialog')).toBeHidden();
  await expect(ui.page.getByTestId('toast').filter({ hasText: toast }).last()).toBeVisible({ timeout: 60_000 });
}

test('stop app-2 from its context menu, see it stopped, and undo starts it again', async ({
  emulator,
  console: ui,
  page,
}) => {
  test.setTimeout(180_000);
  const { instances } = await openConsole(emulator, ui);
  const app2 = instances['app-2']!;
  await emulator.clearRequests();

  await pickChange(page, `instance-${app2}`, 'stop-instance');
  const form = page.getByTestId('change-dialog');
  await expect(form.getByTestId('change-verdict')).toHaveAttribute('data-state', 'ok');
  await form.getByTestId('change-review').click();
  const plan = page.getByTestId('plan-dialog');
  await expect(plan.getByTestId('plan-cli')).toHaveText([`aws ec2 stop-instances --instance-ids ${app2}`]);
  await expect(plan).toContainText('unreachable until started again');
  await expect(plan).toContainText('then waits until the instance is stopped');
  await page.screenshot({ path: 'e2e/artifacts/instance-power-plan.png' });
  expect(await emulator.mutatingRequests()).toEqual([]);

  await expect(plan.getByTestId('plan-step')).toHaveCount(1);
  await confirmed(ui, /^Done/);
  await expect(ui.instance(app2)).toContainText('stopped');
  expect((await emulator.appliedRequests()).map((c) => c.action)).toEqual(['StopInstances']);

  await emulator.clearRequests();
  await page.getByTestId('undo').click();
  await expect(plan.getByTestId('plan-cli')).toHaveText([`aws ec2 start-instances --instance-ids ${app2}`]);
  await confirmed(ui, /^Undone/);
  await expect(ui.instance(app2)).toContainText('running');
  expect((await emulator.appliedRequests()).map((c) => c.action)).toEqual(['StartInstances']);
});

test('starting a stopping instance or stopping it again is refused with the rule, and nothing is sent', async ({
  emulator,
  console: ui,
  page,
}) => {
  const { instances } = await openConsole(emulator, ui);
  const web = instances['web-b-1']!;
  // The demo's failure stops web-b-1; a long stopping window keeps it there for this test.
  await emulator.patchSettings({ instanceStateDelayMs: 3_600_000 });
  try {
    await emulator.failInstance(web, 0);
    await ui.open();
    await expect(ui.instance(web)).toContainText('stopping');
    await emulator.clearRequests();

    const form = page.getByTestId('change-dialog');
    for (const [action, rule] of [
      ['start-instance', 'instance-state'],
      ['stop-instance', 'target-is-different'],
    ] as const) {
      await pickChange(page, `instance-${web}`, action);
      await expect(form.getByTestId('change-verdict')).toHaveAttribute('data-state', 'refused');
      await expect(form.getByTestId('change-rule')).toHaveText([rule]);
      await expect(form.getByTestId('change-review')).toBeDisabled();
      if (action === 'start-instance') await page.screenshot({ path: 'e2e/artifacts/instance-power-refused.png' });
      await form.getByRole('button', { name: 'Cancel' }).click();
    }
    expect(await emulator.mutatingRequests()).toEqual([]);
  } finally {
    await emulator.patchSettings({ instanceStateDelayMs: 1_000 });
  }
});
