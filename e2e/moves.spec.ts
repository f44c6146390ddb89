// Drag and drop becomes a validated EC2 call: real mouse and keyboard drags on the built console, each checked
// against the emulator's request log (what was sent, with which parameters — or that nothing was) and the DOM.
import type { Page } from '@playwright/test';
import { expect, test, type Emulator, type LoggedRequest } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/moves-${name}.png` });

/** The plan dialog is open with these CLI fragments; confirm it and wait for the success toast. */
async function confirmPlan(page: Page, cli: RegExp[], timeout = 20_000): Promise<void> {
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  for (const line of cli) await expect(dialog.getByTestId('plan-cli').filter({ hasText: line })).toHaveCount(1);
  await dialog.getByTestId('plan-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast').filter({ hasText: /^Done|^Undone/ }).last()).toBeVisible({ timeout });
}

async function mutations(emulator: Emulator): Promise<LoggedRequest[]> {
  return (await emulator.mutatingRequests()).filter((r) => !r.parameters.DryRun);
}

test.afterEach(async ({ emulator }) => {
  await emulator.settings({ attachDelayMs: 1000 });
});

test('a secondary IP with its EIP dragged by mouse to another ENI moves with AllowReassignment, EIP and all', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await ui.open();
  const target = page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`);
  await drag.mouseDrag(ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }), target, {
    whileOver: async () => {
      await expect(target).toHaveAttribute('data-drop', 'allowed');
      await expect(page.getByTestId('drop-hint')).toContainText('Allowed');
      await shot(page, 'ip-mid-drag');
    },
  });
  await shot(page, 'ip-plan');
  await confirmPlan(page, [/assign-private-ip-addresses --network-interface-id \S+ --private-ip-addresses 10\.0\.1\.11 --allow-reassignment/]);

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['AssignPrivateIpAddresses']);
  expect(calls[0]!.parameters).toMatchObject({ NetworkInterfaceId: enis['web-2/eth0'], 'PrivateIpAddress.1': '10.0.1.11', AllowReassignment: 'true' });
  const moved = ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11');
  await expect(moved).toBeVisible();
  await expect(moved.getByTestId(`eip-${eips['tls-shop']}`)).toBeVisible();
  await expect(ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
});

test('an ENI moved to another instance by keyboard detaches, waits, and attaches at the slot index', async ({ emulator, console: ui, page, drag }) => {
  const { instances, enis } = await emulator.names();
  const eni = enis['app-1-data']!;
  await ui.open();
  const slot = page.getByTestId(`eni-slot-${instances['app-2']}-2`);
  await drag.keyboardDrag(ui.eni(eni).locator('button').first(), slot);
  await expect(slot).toHaveAttribute('data-drop', 'allowed');
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText(/Over eth2 of app-2: allowed\./);
  await shot(page, 'eni-keyboard-over');
  await page.keyboard.press('Space');
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('plan-step')).toHaveCount(2);
  await expect(page.getByTestId('plan-confirm')).toBeFocused();
  await page.keyboard.press('Enter'); // default 1 s per attach/detach transition, like EC2
  await expect(ui.eni(eni)).toHaveAttribute('data-applying', 'true');
  await expect(page.getByTestId('toast').filter({ hasText: /^Done/ })).toBeVisible({ timeout: 20_000 });

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['DetachNetworkInterface', 'AttachNetworkInterface']);
  expect(calls[1]!.parameters).toMatchObject({ NetworkInterfaceId: eni, InstanceId: instances['app-2'], DeviceIndex: '2' });
  await expect(page.getByTestId(`eni-slot-${instances['app-2']}-2`).getByTestId(`eni-${eni}`)).toBeVisible();
});

test('an idle EIP dragged onto a private IP is associated with exactly that address', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await ui.open();
  const eip = eips['spare-1']!;
  await drag.mouseDrag(page.getByTestId('pool-eips').getByTestId(`eip-${eip}`), ui.ip('10.0.1.21'));
  await confirmPlan(page, [new RegExp(`associate-address --allocation-id ${eip} --network-interface-id ${enis['web-2/eth0']} --private-ip-address 10\\.0\\.1\\.21`)]);
  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['AssociateAddress']);
  expect(calls[0]!.parameters).toMatchObject({ AllocationId: eip, NetworkInterfaceId: enis['web-2/eth0'], PrivateIpAddress: '10.0.1.21' });
  await expect(ui.ip('10.0.1.21').getByTestId(`eip-${eip}`)).toBeVisible();
  await expect(page.getByTestId('pool-eips').getByTestId(`eip-${eip}`)).toHaveCount(0);
});

test('refused drops (another AZ, a full instance) explain themselves and send nothing', async ({ emulator, console: ui, page, drag }) => {
  const { instances, enis } = await emulator.names();
  await ui.open();
  // A pool ENI in us-east-1b over a free slot of app-2 in us-east-1a.
  const slot = page.getByTestId(`eni-slot-${instances['app-2']}-1`);
  await drag.mouseDrag(ui.eni(enis['spare-b']!).locator('button').first(), slot, {
    whileOver: async () => {
      await expect(slot).toHaveAttribute('data-drop', 'refused');
      await expect(page.getByTestId('drop-hint')).toContainText(/Refused[\s\S]*us-east-1b/);
      // The reason is also the target's accessible description.
      const reasonId = await slot.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${reasonId}"]`)).toContainText('us-east-1b');
      await shot(page, 'refused-cross-az');
    },
  });
  await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
  const refusals = page.locator('[data-testid="toast"][data-tone="refused"]');
  await expect(refusals.first()).toContainText(/Not moved: eth1 of app-2 refuses ENI spare-b[\s\S]*Nothing was sent/);

  // app-1's data ENI over monitor, whose t3.micro already holds its two ENIs: the card itself is the target.
  const monitor = ui.instance(instances['monitor']!);
  await drag.mouseDrag(ui.eni(enis['app-1-data']!).locator('button').first(), monitor.locator('header'), {
    over: monitor,
    whileOver: async () => {
      await expect(monitor).toHaveAttribute('data-drop', 'refused');
      await expect(page.getByTestId('drop-hint')).toContainText('Refused');
      await shot(page, 'refused-full');
    },
  });
  await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
  await expect(refusals.last()).toContainText(/Not moved: instance monitor refuses ENI app-1-data[\s\S]*Nothing was sent/);
  expect(await emulator.mutatingRequests()).toEqual([]);
  await expect(ui.eni(enis['spare-b']!)).toBeVisible();
  await expect(page.getByTestId('pool-enis').getByTestId(`eni-${enis['spare-b']}`)).toBeVisible();
});

test('a secondary IP dropped on Unassign is unassigned and its EIP goes idle', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await ui.open();
  const handle = ui.ip('10.0.1.12').getByRole('button', { name: '10.0.1.12' });
  await handle.scrollIntoViewIfNeeded();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + 10, { steps: 4 });
  const zone = page.getByTestId('drop-unassign');
  await expect(zone).toBeVisible();
  const z = (await zone.boundingBox())!;
  await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 10 });
  await expect(zone).toHaveAttribute('data-over', 'true');
  await page.mouse.up();
  await confirmPlan(page, [new RegExp(`unassign-private-ip-addresses --network-interface-id ${enis['web-1/eth0']} --private-ip-addresses 10\\.0\\.1\\.12`)]);
  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['UnassignPrivateIpAddresses']);
  expect(calls[0]!.parameters).toMatchObject({ NetworkInterfaceId: enis['web-1/eth0'], 'PrivateIpAddress.1': '10.0.1.12' });
  await expect(ui.ip('10.0.1.12')).toHaveCount(0);
  await expect(page.getByTestId('pool-eips').getByTestId(`eip-${eips['tls-blog']}`)).toBeVisible();
});

test('a secondary ENI dropped on the ENI pool is detached', async ({ emulator, console: ui, page, drag }) => {
  await emulator.settings({ attachDelayMs: 200 });
  const { instances, enis } = await emulator.names();
  const eni = enis['app-1-data']!;
  await ui.open();
  await drag.mouseDrag(ui.eni(eni).locator('button').first(), page.getByTestId('pool-enis'));
  await confirmPlan(page, [/detach-network-interface --attachment-id eni-attach-/]);
  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['DetachNetworkInterface']);
  await expect(page.getByTestId('pool-enis').getByTestId(`eni-${eni}`)).toBeVisible();
  await expect(ui.instance(instances['app-1']!).getByTestId(`eni-${eni}`)).toHaveCount(0);
});

test('an EIP dropped on the EIP pool is disassociated', async ({ emulator, console: ui, page, drag }) => {
  const { eips } = await emulator.names();
  const eip = eips['tls-api']!;
  await ui.open();
  await drag.mouseDrag(ui.ip('10.0.1.13').getByTestId(`eip-${eip}`), page.getByTestId('pool-eips'));
  await confirmPlan(page, [/disassociate-address --association-id eipassoc-/]);
  const calls = await mutations(emulator);
  expect(calls.map((c) => c.action)).toEqual(['DisassociateAddress']);
  await expect(page.getByTestId('pool-eips').getByTestId(`eip-${eip}`)).toBeVisible();
  await expect(ui.ip('10.0.1.13').getByTestId(`eip-${eip}`)).toHaveCount(0);
});

test('a failed apply rolls back visibly and says why', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await emulator.fault({ action: 'AssignPrivateIpAddresses', code: 'InvalidParameterValue', status: 400, message: 'Injected by the e2e test' });
  await ui.open();
  await drag.mouseDrag(ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }), page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`));
  await page.getByTestId('plan-confirm').click();
  const toast = page.getByTestId('toast').filter({ hasText: 'Rolled back' });
  await expect(toast).toBeVisible({ timeout: 20_000 });
  await expect(toast).toContainText('Injected by the e2e test');
  await shot(page, 'rolled-back');
  const calls = await emulator.mutatingRequests();
  expect(calls.map((c) => [c.action, c.outcome])).toEqual([['AssignPrivateIpAddresses', expect.not.stringMatching(/^ok$/)]]);
  await expect(ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11').getByTestId(`eip-${eips['tls-shop']}`)).toBeVisible();
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
});

test('undo restores the previous layout through a checked plan of its own', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await ui.open();
  await drag.mouseDrag(ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }), page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`));
  await confirmPlan(page, [/--allow-reassignment/]);
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toBeVisible();

  await page.keyboard.press('ControlOrMeta+z');
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toContainText('Undo plan');
  await shot(page, 'undo-plan');
  await confirmPlan(page, [new RegExp(`assign-private-ip-addresses --network-interface-id ${enis['web-1/eth0']} --private-ip-addresses 10\\.0\\.1\\.11 --allow-reassignment`)]);

  const calls = await mutations(emulator);
  expect(calls.map((c) => c.parameters.NetworkInterfaceId)).toEqual([enis['web-2/eth0'], enis['web-1/eth0']]);
  await expect(ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11').getByTestId(`eip-${eips['tls-shop']}`)).toBeVisible();
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('a press-and-hold touch drag picks up an IP, shows the target allowed, and opens the plan', async ({ emulator, console: ui, page }) => {
    const { enis } = await emulator.names();
    await ui.open();
    const target = page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`);
    await target.scrollIntoViewIfNeeded();
    const handle = ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' });
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: string, x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
    const [x0, y0, x1, y1] = [from.x + from.width / 2, from.y + from.height / 2, to.x + to.width / 2, to.y + to.height / 2];
    await touch('touchStart', x0, y0);
    await page.waitForTimeout(400); // the TouchSensor's press delay: a quick swipe scrolls instead
    for (let i = 1; i <= 12; i++) await touch('touchMove', x0 + ((x1 - x0) * i) / 12, y0 + ((y1 - y0) * i) / 12);
    await expect(target).toHaveAttribute('data-drop', 'allowed');
    await expect(target).toHaveAttribute('data-over', 'true');
    await touch('touchEnd', x1, y1);
    await expect(page.getByTestId('plan-dialog')).toContainText('--allow-reassignment');
    await page.getByTestId('plan-cancel').click();
    await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
    expect(await emulator.mutatingRequests()).toEqual([]);
  });
});
