// What the usability walkthrough tripped on: the details panel and the keyboard focus follow a moved
// resource; locked items say why they do not move; the instance panel lists its public IPs; short announcements.
import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { expect, test } from './fixtures';

test('after a keyboard move of the selected IP, the details panel and the focus follow it to web-2', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const { enis } = await emulator.names();
  await ui.open();
  const handle = ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' });
  await handle.click();
  const details = page.getByTestId('detail-panel');
  await expect(details).toContainText(enis['web-1/eth0']!);

  const slot = page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`);
  await drag.moveTo(handle, slot, 'keyboard', {
    // Two free slots of one ENI are told apart by their number, and the instance by its Name.
    whileOver: () =>
      expect(page.locator('[id^="DndLiveRegion"]')).toContainText(/Over free IP slot \d+ of web-2's eth0: allowed\./),
  });
  await ui.confirmPlan('keyboard', {});

  await expect(ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11')).toBeVisible();
  await expect(details).not.toContainText('not in the latest snapshot');
  await expect(details).toContainText(enis['web-2/eth0']!);
  // Focus is on the moved address where it now is, not on <body> and not on a neighbour that took its place.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document.activeElement?.closest('[data-testid^="ip-"]')?.getAttribute('data-testid') ??
          document.activeElement?.tagName,
      ),
    )
    .toBe('ip-10.0.1.11');
  await expect(
    ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11').getByRole('button', { name: '10.0.1.11' }),
  ).toBeFocused();
});

test('IPs are listed primary first, then by address, after a move back and forth', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const { enis } = await emulator.names();
  await ui.open();
  const web1 = ui.eni(enis['web-1/eth0']!);
  const before = await web1
    .locator('[data-testid^="ip-1"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  await drag.moveTo(
    ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }),
    page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`),
    'mouse',
  );
  await ui.confirmPlan('mouse', {});
  await drag.moveTo(ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }), web1, 'mouse');
  await ui.confirmPlan('mouse', {});
  await expect(web1.getByTestId('ip-10.0.1.11')).toBeVisible();
  const after = await web1
    .locator('[data-testid^="ip-1"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(after).toEqual(before);
});

test('a primary IP and eth0 say why they cannot move: on focus, on Space, and when dragged', async ({
  emulator,
  console: ui,
  page,
}) => {
  const { enis } = await emulator.names();
  await ui.open();
  const primary = ui.ip('10.0.1.10').getByRole('button').first();
  // The reason is the button's description (read on focus) and its tooltip (on hover).
  await expect(primary).toHaveAccessibleDescription(/primary private IP of eth0 of web-1: it stays with its ENI/);
  await expect(primary).toHaveAttribute('title', /cannot move/);
  await primary.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('announcer')).toHaveText(/10\.0\.1\.10 is the primary private IP of eth0 of web-1/);
  await expect(page.getByTestId('locked-hint')).toBeVisible();

  const eth0 = ui.eni(enis['web-1/eth0']!).locator('button').first();
  const box = (await eth0.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 40, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('locked-hint')).toContainText('eth0 is the primary ENI of web-1: it never detaches');
  await expect(page.getByTestId('announcer')).toHaveText(/eth0 is the primary ENI of web-1/);
  await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
  expect(await emulator.mutatingRequests()).toEqual([]);
});

test('the instance panel lists the Elastic IPs on its secondary addresses, with their hourly cost', async ({
  emulator,
  console: ui,
  page,
}) => {
  const { instances } = await emulator.names();
  await ui.open();
  await ui.instance(instances['web-1']!).getByRole('button', { name: /web-1/ }).first().click();
  const list = page.getByTestId('instance-public-ips');
  await expect(list).toContainText('54.144.0.10');
  await expect(list).toContainText('10.0.1.11');
  await expect(page.getByTestId('detail-panel')).toContainText(/Public IPv4 \(\d+\) · \$0\.0\d\d\/h/);
  await expect(page.getByTestId('detail-panel')).not.toContainText(/Public IP\s*—/);
});

test("the NAT gateway's ENI is called by its owner, not unattached", async ({ emulator, console: ui, page }) => {
  const nat = (await emulator.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces!.find(
    (e) => String(e.InterfaceType) === 'nat_gateway',
  )!;
  await ui.open();
  await page.keyboard.press('/');
  await page.keyboard.type(nat.NetworkInterfaceId!);
  const row = page.getByTestId('search-results').getByRole('option').first();
  await expect(row).toContainText('owned by NAT gateway nat-0c1d');
  await expect(row).not.toContainText('unattached');
});
