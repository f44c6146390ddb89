// The edges of a move: drops that are refused, an apply that fails and rolls back, undo, a touch drag, and a
// keyboard drag cancelled by Escape; each checked against the emulator's request log (what was sent, or that
// nothing was) and the DOM. The move kinds themselves, by mouse and by keyboard, are in moves.spec.ts.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { eniHandle, eniSlot, ipHandle, ipSlot, openConsole } from './steps';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/moves-${name}.png` });

// Known regression (left for the next stop): a second drag after a refused drop loses its target on release
// ("Dropped … where it was"), although the target showed as over while dragging; each drop alone passes.
test('refused drops (another AZ, a full instance) explain themselves and send nothing', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const { instances, enis } = await openConsole(emulator, ui);
  // A pool ENI in us-east-1b over a free slot of app-2 in us-east-1a.
  const slot = eniSlot(page, instances['app-2']!, 1);
  await drag.mouseDrag(eniHandle(ui, enis['spare-b']!), slot, {
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
  await drag.mouseDrag(eniHandle(ui, enis['app-1-data']!), monitor.locator('header'), {
    over: monitor,
    whileOver: async () => {
      await expect(monitor).toHaveAttribute('data-drop', 'refused');
      await expect(page.getByTestId('drop-hint')).toContainText('Refused');
      await shot(page, 'refused-full');
    },
  });
  await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
  await expect(refusals.last()).toContainText(
    /Not moved: instance monitor refuses ENI app-1-data[\s\S]*Nothing was sent/,
  );
  expect(await emulator.mutatingRequests()).toEqual([]);
  await expect(ui.eni(enis['spare-b']!)).toBeVisible();
  await expect(page.getByTestId('pool-enis').getByTestId(`eni-${enis['spare-b']}`)).toBeVisible();
});

test('a failed apply rolls back visibly and says why', async ({ emulator, console: ui, page, drag }) => {
  const { enis, eips } = await emulator.names();
  await emulator.fault({
    action: 'AssignPrivateIpAddresses',
    code: 'InvalidParameterValue',
    status: 400,
    message: 'Injected by the e2e test',
  });
  await ui.open();
  await drag.mouseDrag(ipHandle(ui, '10.0.1.11'), ipSlot(page, enis['web-2/eth0']!, 2));
  await page.getByTestId('plan-confirm').click();
  const toast = page.getByTestId('toast').filter({ hasText: 'Rolled back' });
  await expect(toast).toBeVisible({ timeout: 20_000 });
  await expect(toast).toContainText('Injected by the e2e test');
  await shot(page, 'rolled-back');
  const calls = await emulator.mutatingRequests();
  expect(calls.map((c) => [c.action, c.outcome])).toEqual([
    ['AssignPrivateIpAddresses', expect.not.stringMatching(/^ok$/)],
  ]);
  await expect(
    ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11').getByTestId(`eip-${eips['tls-shop']}`),
  ).toBeVisible();
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
});

test('undo restores the previous layout through a checked plan of its own', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const { enis, eips } = await openConsole(emulator, ui);
  await drag.mouseDrag(ipHandle(ui, '10.0.1.11'), ipSlot(page, enis['web-2/eth0']!, 2));
  await ui.confirmPlan('mouse', { cli: [/--allow-reassignment/], toast: /^Done|^Undone/ });
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toBeVisible();

  await page.keyboard.press('ControlOrMeta+z');
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toContainText('Undo plan');
  await shot(page, 'undo-plan');
  await ui.confirmPlan('mouse', {
    cli: [
      new RegExp(
        `assign-private-ip-addresses --network-interface-id ${enis['web-1/eth0']} --private-ip-addresses 10\\.0\\.1\\.11 --allow-reassignment`,
      ),
    ],
    toast: /^Done|^Undone/,
  });

  // Polled: the first move's "Done" toast can still be the last one when the undo's dialog closes.
  await expect
    .poll(async () => (await emulator.appliedRequests()).map((c) => c.parameters.NetworkInterfaceId))
    .toEqual([enis['web-2/eth0'], enis['web-1/eth0']]);
  await expect(
    ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11').getByTestId(`eip-${eips['tls-shop']}`),
  ).toBeVisible();
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('Escape in the middle of a keyboard drag cancels it: no plan, nothing sent, nothing moved', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const { enis, eips } = await openConsole(emulator, ui);
  const handle = ipHandle(ui, '10.0.1.11');
  const slot = ipSlot(page, enis['web-2/eth0']!, 2);
  await drag.keyboardReach(handle, slot);
  await expect(slot).toHaveAttribute('data-drop', 'allowed');
  await page.keyboard.press('Escape');
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText(
    /Cancelled\. secondary IP 10\.0\.1\.11 .*stays where it was\./,
  );
  await expect(slot).not.toHaveAttribute('data-over', 'true');
  await expect(page.locator('[data-over="true"]')).toHaveCount(0);
  await expect(page.getByTestId('drop-unassign')).toHaveCount(0); // the drag, and its dock, are over
  await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/keyboard-cancelled.png' });

  expect(await emulator.mutatingRequests()).toEqual([]);
  await expect(
    ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11').getByTestId(`eip-${eips['tls-shop']}`),
  ).toBeVisible();
  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('a press-and-hold touch drag picks up an IP, shows the target allowed, and opens the plan', async ({
    emulator,
    console: ui,
    page,
  }) => {
    const { enis } = await openConsole(emulator, ui);
    const target = ipSlot(page, enis['web-2/eth0']!, 2);
    await target.scrollIntoViewIfNeeded();
    const handle = ipHandle(ui, '10.0.1.11');
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: string, x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type: type as 'touchStart',
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
      });
    const [x0, y0, x1, y1] = [
      from.x + from.width / 2,
      from.y + from.height / 2,
      to.x + to.width / 2,
      to.y + to.height / 2,
    ];
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
