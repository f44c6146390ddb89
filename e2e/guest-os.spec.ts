// The guest OS side and instance health in the built console: the generated configuration in an instance's
// details and from a plan that moves a secondary IP onto an instance, and an impaired instance marked.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/guest-os-${name}.png` });

test('a dual-homed instance shows its guest OS configuration in four formats, with the DHCP warning', async ({
  emulator,
  console: ui,
  page,
}) => {
  const { instances } = await emulator.names();
  await ui.open();
  await ui.instance(instances['app-1']!).locator('header button').first().click();
  const section = page.getByTestId('guest-os-section');
  await expect(section).toContainText('Needs policy routing');
  await section.getByTestId('guest-os-open').click();

  const dialog = page.getByTestId('guest-config-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('guest-config-dhcp-warning')).toContainText('Do not bring eth1 up with plain DHCP');
  const text = dialog.getByTestId('guest-config-text');
  // app-1: eth0 10.0.2.10 and eth1 10.0.2.50 + 10.0.2.51 in private-a 10.0.2.0/24, router 10.0.2.1
  await expect(text).toContainText('ip route replace default via 10.0.2.1 dev eth1 table 1001');
  await expect(text).toContainText('ip rule add from 10.0.2.51 table 1001 priority 1001');
  await shot(page, 'dialog-iproute2');
  await dialog.getByRole('tab', { name: 'netplan' }).click();
  await expect(text).toContainText('routing-policy:');
  await dialog.getByRole('tab', { name: 'ifupdown' }).click();
  await expect(text).toContainText('iface eth1 inet static');
  await dialog.getByRole('tab', { name: 'Amazon Linux' }).click();
  await expect(text).toContainText('amazon-ec2-net-utils');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the plan of moving a secondary IP onto an instance opens that instance’s configuration as it will be', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const { enis } = await emulator.names();
  await ui.open();
  const slot = page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`);
  await drag.moveTo(ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }), slot, 'mouse');
  const plan = page.getByTestId('plan-dialog');
  await expect(plan).toBeVisible();
  await plan.getByTestId('plan-guest-config').click();
  const dialog = page.getByTestId('guest-config-dialog');
  await expect(dialog).toContainText('after this change');
  await expect(dialog.getByTestId('guest-config-text')).toContainText('ip addr replace 10.0.1.11/24 dev eth0');
  await shot(page, 'from-plan');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Nothing was sent: the plan is still open and can be cancelled.
  await plan.getByTestId('plan-cancel').click();
  expect(await emulator.appliedRequests()).toEqual([]);
});

test('an instance whose status checks fail is marked impaired on its card and in its details', async ({
  emulator,
  console: ui,
  page,
}) => {
  const { instances } = await emulator.names();
  await emulator.failInstance(instances['web-2']!);
  await ui.open();
  const card = ui.instance(instances['web-2']!);
  await expect(card.getByTestId(`health-${instances['web-2']}`)).toHaveText('Impaired');
  await expect(ui.instance(instances['web-1']!).getByTestId(`health-${instances['web-1']}`)).toHaveCount(0);
  await card.locator('header button').first().click();
  await expect(page.getByTestId('status-checks')).toContainText(
    'The system and instance status checks have failed since',
  );
  await shot(page, 'impaired');
});
