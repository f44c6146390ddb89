// The console's changes through the UI on the built console: create an ENI attached to an instance, assign it two
// IPs, allocate an Elastic IP and associate it by drag, then undo everything back to the start; and a change the
// rules refuse shows its rule and sends nothing (the emulator's request log is the witness).
import type { Page } from '@playwright/test';
import { type ConsolePage, expect, test } from './fixtures';
import { openConsole, pickChange as pick } from './steps';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/changes-${name}.png` });

/**
 * Checks the open plan's CLI lines, confirms it and waits for the toast. Longer than confirmPlan's wait: the first
 * apply of a fresh console also opens its journal database, which takes seconds on a loaded machine.
 */
async function confirmed(ui: ConsolePage, cli: RegExp[], toast = /^Done/, steps?: number): Promise<void> {
  const dialog = ui.page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  for (const line of cli) await expect(dialog.getByTestId('plan-cli').filter({ hasText: line })).toHaveCount(1);
  if (steps !== undefined) await expect(dialog.getByTestId('plan-step')).toHaveCount(steps);
  await ui.confirm('mouse');
  await expect(dialog).toBeHidden();
  await expect(ui.page.getByTestId('toast').filter({ hasText: toast }).last()).toBeVisible({ timeout: 60_000 });
}

test('create an ENI attached to app-2, assign two IPs, allocate an EIP and associate it, then undo it all', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  test.setTimeout(240_000);
  const { instances } = await openConsole(emulator, ui);
  const before = await emulator.names();
  const app2 = instances['app-2']!;

  await pick(page, `instance-${app2}`, 'create-attach-eni');
  const dialog = page.getByTestId('change-dialog');
  await dialog.getByTestId('change-name').fill('e2e-extra');
  await expect(dialog.getByTestId('change-instance')).toHaveValue(app2);
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'ok');
  await shot(page, 'create-form');
  await dialog.getByTestId('change-review').click();
  await shot(page, 'create-plan');
  await confirmed(
    ui,
    [
      /ENI_ID=\$\(aws ec2 create-network-interface --subnet-id \S+ --private-ip-addresses/,
      /attach-network-interface --network-interface-id \$ENI_ID --instance-id \S+ --device-index 1/,
    ],
    /^Done/,
    2,
  );
  expect((await emulator.appliedRequests()).map((c) => c.action)).toEqual([
    'CreateNetworkInterface',
    'AttachNetworkInterface',
  ]);
  const eniId = (await emulator.names()).enis['e2e-extra']!;
  await expect(ui.instance(app2).getByTestId(`eni-${eniId}`)).toBeVisible();

  await pick(page, `eni-${eniId}`, 'assign-ips');
  await dialog.getByTestId('change-count').fill('2');
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'ok');
  await dialog.getByTestId('change-review').click();
  await confirmed(ui, [
    new RegExp(`assign-private-ip-addresses --network-interface-id ${eniId} --private-ip-addresses \\S+ \\S+`),
  ]);
  const ips = ui.eni(eniId).locator('[data-testid^="ip-10."]');
  await expect(ips).toHaveCount(3);

  await pick(page, 'pool-eips', 'allocate-eip');
  await dialog.getByTestId('change-name').fill('e2e-eip');
  await dialog.getByTestId('change-review').click();
  await expect(page.getByTestId('plan-cost')).toContainText('+$0.005/h');
  await confirmed(ui, [/ALLOCATION_ID=\$\(aws ec2 allocate-address --domain vpc/]);
  const eip = (await emulator.names()).eips['e2e-eip']!;
  const idle = page.getByTestId('pool-eips').getByTestId(`eip-${eip}`);
  await expect(idle).toBeVisible();

  const secondary = ips.nth(1);
  const address = (await secondary.getAttribute('data-testid'))!.slice(3);
  await drag.moveTo(idle, ui.ip(address), 'mouse');
  await confirmed(ui, [new RegExp(`associate-address --allocation-id ${eip} --network-interface-id ${eniId}`)]);
  await expect(ui.ip(address).getByTestId(`eip-${eip}`)).toBeVisible();
  await shot(page, 'done');

  // Undo, last change first: disassociate, release, unassign, then detach and delete the ENI.
  for (const toast of [
    /^Undone: Disassociate/,
    /^Undone: Release/,
    /^Undone: Unassign/,
    /^Undone: Detach .* then delete/,
  ]) {
    await page.getByTestId('undo').click();
    await confirmed(ui, [], toast);
  }
  const after = await emulator.names();
  expect(after.enis['e2e-extra']).toBeUndefined();
  expect(after.eips).toEqual(before.eips);
  expect(after.enis).toEqual(before.enis);
  const applied = (await emulator.appliedRequests()).map((c) => c.action);
  expect(applied.slice(-5)).toEqual([
    'DisassociateAddress',
    'ReleaseAddress',
    'UnassignPrivateIpAddresses',
    'DetachNetworkInterface',
    'DeleteNetworkInterface',
  ]);
});

test('a change the rules refuse shows the rule and sends nothing', async ({ emulator, console: ui, page }) => {
  const { enis, eips } = await openConsole(emulator, ui);
  await emulator.clearRequests();

  await pick(page, `eni-${enis['app-1/eth1']}`, 'delete-eni');
  const dialog = page.getByTestId('change-dialog');
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'refused');
  await expect(dialog.getByTestId('change-rule')).toHaveText(['eni-available']);
  await expect(dialog.getByTestId('change-review')).toBeDisabled();
  await shot(page, 'refused-delete');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await pick(page, `eip-${eips['tls-shop']}`, 'release-eip');
  await expect(dialog.getByTestId('change-rule')).toHaveText(['eip-idle']);
  await expect(dialog.getByTestId('change-verdict')).toContainText('Disassociate it first');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await pick(page, `eni-${enis['spare-a']}`, 'assign-ips');
  await dialog.getByTestId('change-mode-addresses').check();
  await dialog.getByTestId('change-addresses').fill('10.0.1.50');
  await expect(dialog.getByTestId('change-rule')).toHaveText(['same-subnet']);
  await dialog.getByTestId('change-addresses').fill('10.0.2.3');
  await expect(dialog.getByTestId('change-rule')).toHaveText(['ip-free-in-subnet']);
  await dialog.getByTestId('change-addresses').fill('10.0.2.200');
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'ok');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  expect(await emulator.mutatingRequests()).toEqual([]);
});

test('set a description and a tag through the context menu, then undo both', async ({
  emulator,
  console: ui,
  page,
}) => {
  test.setTimeout(180_000);
  const { enis } = await openConsole(emulator, ui);
  const spare = enis['spare-a']!;
  await emulator.clearRequests();
  const dialog = page.getByTestId('change-dialog');

  await pick(page, `eni-${spare}`, 'set-description');
  await dialog.getByTestId('change-description').fill('x'.repeat(256));
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'invalid');
  await dialog.getByTestId('change-description').fill('e2e spare, eth1');
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'ok');
  await shot(page, 'description-form');
  await dialog.getByTestId('change-review').click();
  await confirmed(ui, [/modify-network-interface-attribute --network-interface-id \S+ --description/]);

  await pick(page, `eni-${spare}`, 'set-tags');
  const tags = dialog.getByTestId('change-tags');
  await expect(tags).toHaveValue('Name=spare-a');
  await tags.fill('Name=spare-a\naws:owner=me');
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'invalid');
  await tags.fill('Name=spare-a\nteam=e2e');
  await expect(dialog.getByTestId('change-verdict')).toHaveAttribute('data-state', 'ok');
  await shot(page, 'tags-form');
  await dialog.getByTestId('change-review').click();
  await confirmed(ui, [new RegExp(`create-tags --resources ${spare} --tags`)]);

  for (let i = 0; i < 2; i++) {
    await page.getByTestId('undo').click();
    await confirmed(ui, [], /^Undone/);
  }
  expect((await emulator.appliedRequests()).map((c) => c.action)).toEqual([
    'ModifyNetworkInterfaceAttribute',
    'CreateTags',
    'DeleteTags',
    'ModifyNetworkInterfaceAttribute',
  ]);
  expect((await emulator.names()).enis['spare-a']).toBe(spare);
});
