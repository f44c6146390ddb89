// Every move kind by the real keyboard (and move-eni by the real mouse), each checked against the emulator's request log and the DOM.
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Emulator, type LoggedRequest } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/keyboard-${name}.png` });
const liveRegion = (page: Page) => page.locator('[id^="DndLiveRegion"]');

async function mutations(emulator: Emulator): Promise<LoggedRequest[]> {
  return (await emulator.mutatingRequests()).filter((r) => !r.parameters.DryRun);
}

/** Drops with Space on the target the keys reached, checks the plan's CLI, confirms with Enter (Confirm has focus). */
async function dropAndConfirmByKeyboard(page: Page, target: Locator, cli: RegExp[]): Promise<void> {
  await expect(target).toHaveAttribute('data-over', 'true');
  await expect(target).toHaveAttribute('data-drop', 'allowed');
  await page.keyboard.press('Space');
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  for (const line of cli) await expect(dialog.getByTestId('plan-cli').filter({ hasText: line })).toHaveCount(1);
  await expect(page.getByTestId('plan-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast').filter({ hasText: /^Done/ }).last()).toBeVisible({ timeout: 20_000 });
}

test.afterEach(async ({ emulator }) => {
  await emulator.settings({ attachDelayMs: 1000 });
});

test('a secondary IP with its EIP moved by keyboard to a free slot of web-2 is reassigned, EIP and all', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await ui.open();
  const slot = page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`);
  await drag.keyboardReach(ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }), slot);
  await expect(liveRegion(page)).toContainText(/allowed\./);
  await shot(page, 'ip-over');
  await dropAndConfirmByKeyboard(page, slot, [/assign-private-ip-addresses --network-interface-id \S+ --private-ip-addresses 10\.0\.1\.11 --allow-reassignment/]);

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['AssignPrivateIpAddresses']);
  expect(calls[0]!.parameters).toMatchObject({ NetworkInterfaceId: enis['web-2/eth0'], 'PrivateIpAddress.1': '10.0.1.11', AllowReassignment: 'true' });
  const moved = ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11');
  await expect(moved).toBeVisible();
  await expect(moved.getByTestId(`eip-${eips['tls-shop']}`)).toBeVisible();
  await expect(ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
});

test('a secondary IP taken to Unassign by keyboard is unassigned and its EIP goes idle', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await ui.open();
  const zone = page.getByTestId('drop-unassign');
  // The dock sits below everything: Down jumps line by line to it.
  const presses = await drag.keyboardReach(ui.ip('10.0.1.12').getByRole('button', { name: '10.0.1.12' }), zone, 'ArrowDown');
  expect(presses).toBeLessThan(30);
  await shot(page, 'unassign-over');
  await dropAndConfirmByKeyboard(page, zone, [new RegExp(`unassign-private-ip-addresses --network-interface-id ${enis['web-1/eth0']} --private-ip-addresses 10\\.0\\.1\\.12`)]);

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['UnassignPrivateIpAddresses']);
  expect(calls[0]!.parameters).toMatchObject({ NetworkInterfaceId: enis['web-1/eth0'], 'PrivateIpAddress.1': '10.0.1.12' });
  await expect(ui.ip('10.0.1.12')).toHaveCount(0);
  await expect(page.getByTestId('pool-eips').getByTestId(`eip-${eips['tls-blog']}`)).toBeVisible();
});

test('a secondary ENI taken to the ENI pool by keyboard is detached', async ({ emulator, console: ui, page, drag }) => {
  await emulator.settings({ attachDelayMs: 200 });
  const { instances, enis } = await emulator.names();
  const eni = enis['app-1-data']!;
  await ui.open();
  const pool = page.getByTestId('pool-enis');
  // The rail comes before the canvas in reading order: Left walks back to it.
  await drag.keyboardReach(ui.eni(eni).locator('button').first(), pool, 'ArrowLeft');
  await shot(page, 'detach-over');
  await dropAndConfirmByKeyboard(page, pool, [/detach-network-interface --attachment-id eni-attach-/]);

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['DetachNetworkInterface']);
  expect(calls[0]!.parameters.AttachmentId).toMatch(/^eni-attach-/);
  await expect(pool.getByTestId(`eni-${eni}`)).toBeVisible();
  await expect(ui.instance(instances['app-1']!).getByTestId(`eni-${eni}`)).toHaveCount(0);
});

test('an idle EIP taken by keyboard onto a private IP without one is associated with exactly that address', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  const eip = eips['spare-1']!;
  await ui.open();
  const target = ui.ip('10.0.1.21');
  await expect(target.locator('[data-testid^="eip-"]')).toHaveCount(0);
  await drag.keyboardReach(page.getByTestId('pool-eips').getByTestId(`eip-${eip}`), target);
  await shot(page, 'eip-over');
  await dropAndConfirmByKeyboard(page, target, [new RegExp(`associate-address --allocation-id ${eip} --network-interface-id ${enis['web-2/eth0']} --private-ip-address 10\\.0\\.1\\.21`)]);

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['AssociateAddress']);
  expect(calls[0]!.parameters).toMatchObject({ AllocationId: eip, NetworkInterfaceId: enis['web-2/eth0'], PrivateIpAddress: '10.0.1.21' });
  await expect(ui.ip('10.0.1.21').getByTestId(`eip-${eip}`)).toBeVisible();
  await expect(page.getByTestId('pool-eips').getByTestId(`eip-${eip}`)).toHaveCount(0);
});

test('an EIP taken to the EIP pool by keyboard is disassociated and stays allocated', async ({ emulator, console: ui, page, drag }) => {
  const { eips } = await emulator.names();
  const eip = eips['tls-api']!;
  await ui.open();
  const pool = page.getByTestId('pool-eips');
  await drag.keyboardReach(ui.ip('10.0.1.13').getByTestId(`eip-${eip}`), pool, 'ArrowLeft');
  await shot(page, 'disassociate-over');
  await dropAndConfirmByKeyboard(page, pool, [/disassociate-address --association-id eipassoc-/]);

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['DisassociateAddress']);
  expect(calls[0]!.parameters.AssociationId).toMatch(/^eipassoc-/);
  await expect(pool.getByTestId(`eip-${eip}`)).toBeVisible();
  await expect(ui.ip('10.0.1.13').getByTestId(`eip-${eip}`)).toHaveCount(0);
});

test('Escape in the middle of a keyboard drag cancels it: no plan, nothing sent, nothing moved', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await ui.open();
  const handle = ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' });
  const slot = page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`);
  await drag.keyboardReach(handle, slot);
  await expect(slot).toHaveAttribute('data-drop', 'allowed');
  await page.keyboard.press('Escape');
  await expect(liveRegion(page)).toContainText(/Cancelled\. secondary IP 10\.0\.1\.11 .*stays where it was\./);
  await expect(slot).not.toHaveAttribute('data-over', 'true');
  await expect(page.locator('[data-over="true"]')).toHaveCount(0);
  await expect(page.getByTestId('drop-unassign')).toHaveCount(0); // the drag, and its dock, are over
  await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
  await shot(page, 'cancelled');

  expect(await emulator.mutatingRequests()).toEqual([]);
  await expect(ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11').getByTestId(`eip-${eips['tls-shop']}`)).toBeVisible();
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
});

test('an ENI dragged by mouse onto a free slot of another instance detaches, then attaches at that device index', async ({ emulator, console: ui, page, drag }) => {
  await emulator.settings({ attachDelayMs: 200 });
  const { instances, enis } = await emulator.names();
  const eni = enis['app-1-data']!;
  await ui.open();
  const slot = page.getByTestId(`eni-slot-${instances['app-2']}-2`);
  await drag.mouseDrag(ui.eni(eni).locator('button').first(), slot, {
    whileOver: async () => {
      await expect(slot).toHaveAttribute('data-drop', 'allowed');
      await expect(page.getByTestId('drop-hint')).toContainText('Allowed');
      await shot(page, 'eni-mouse-over');
    },
  });
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('plan-step')).toHaveCount(2);
  await dialog.getByTestId('plan-confirm').click();
  await expect(page.getByTestId('toast').filter({ hasText: /^Done/ })).toBeVisible({ timeout: 20_000 });

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['DetachNetworkInterface', 'AttachNetworkInterface']);
  expect(calls[1]!.parameters).toMatchObject({ NetworkInterfaceId: eni, InstanceId: instances['app-2'], DeviceIndex: '2' });
  await expect(page.getByTestId(`eni-slot-${instances['app-2']}-2`).getByTestId(`eni-${eni}`)).toBeVisible();
  await expect(ui.instance(instances['app-1']!).getByTestId(`eni-${eni}`)).toHaveCount(0);
});
