// Reaching far and seeing what changed: Move to… by keyboard alone across `large`, the context menu's Move to…,
// auto-refresh listing a change made behind the console's back (and not the console's own), and the view
// exported as an SVG of the instances it shows.
import { readFile } from 'node:fs/promises';
import {
  AssociateAddressCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
} from '@aws-sdk/client-ec2';
import { expect, test } from './fixtures';
import { ipHandle, openConsole } from './steps';

test('Move to… by keyboard alone sends a secondary IP to an instance 2,000 cards away on large', async ({
  emulator,
  console: ui,
  page,
}) => {
  test.setTimeout(300_000);
  await emulator.reset('large');
  const { enis } = await emulator.names();
  const from = enis['node-0001/eth0']!;
  const to = enis['node-1999/eth0']!;
  const eni = (await emulator.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [from] })))
    .NetworkInterfaces![0]!;
  // The secondary IP without an Elastic IP (the first secondary carries one).
  const address = eni.PrivateIpAddresses!.filter((p) => !p.Primary && !p.Association)[0]!.PrivateIpAddress!;
  await page.goto('/');
  // The e2e server reads with a 6 s deadline (for e2e/faults.spec.ts): on a busy machine `large` can take longer,
  // and the console then offers Retry — a person would press it too.
  const topology = page.getByTestId('topology');
  const retry = page.getByRole('button', { name: 'Retry' });
  for (let attempt = 0; attempt < 8; attempt++) {
    await expect(topology.or(retry)).toBeVisible({ timeout: 60_000 });
    if (await topology.isVisible()) break;
    await expect(retry).toBeEnabled({ timeout: 60_000 });
    if (await retry.isVisible()) await retry.click();
  }
  await expect(topology).toBeVisible({ timeout: 60_000 });

  let keys = 0;
  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    keys += text.length;
    await page.keyboard.type(text);
  };
  await press('/');
  await type(address);
  await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText(address);
  await press('Enter');
  await expect(ipHandle(ui, address)).toBeFocused();

  const t0 = Date.now();
  await press('m');
  const picker = page.getByTestId('move-to-dialog');
  await expect(picker).toBeVisible();
  const opened = Date.now() - t0;
  await expect(page.getByTestId('move-to-input')).toBeFocused();
  const t1 = Date.now();
  await type('node-1999');
  const first = picker.getByTestId('move-to-option').first();
  await expect(first).toContainText('node-1999');
  const typed = Date.now() - t1;
  // Every candidate says whether the move is allowed and why not: eth1 of node-1999 is in another subnet.
  await expect(picker.getByTestId('move-to-option').filter({ hasText: 'eth1 of node-1999' })).toHaveAttribute(
    'data-verdict',
    'refused',
  );
  await expect(picker.getByTestId('move-to-option').filter({ hasText: 'eth1 of node-1999' })).toContainText(/subnet/i);
  const allowed = picker.locator('[data-testid="move-to-option"][aria-selected="true"]');
  await expect(allowed).toHaveAttribute('data-verdict', 'allowed');
  await expect(allowed).toContainText('eth0 of node-1999');
  console.log(`Move to… on large: m → picker ${opened} ms; "node-1999" typed → rows ${typed} ms (wall clock, CI)`);
  await page.screenshot({ path: 'e2e/artifacts/move-to-large.png' });

  await press('Enter');
  const plan = page.getByTestId('plan-dialog');
  await expect(plan).toBeVisible();
  await expect(plan).toContainText(address);
  await expect(plan.getByTestId('plan-cli').first()).toContainText(to);
  await ui.confirmPlan('keyboard', {});
  keys++;
  const moved = (await emulator.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [to] })))
    .NetworkInterfaces![0]!;
  expect(moved.PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).toContain(address);
  // The keyboard user keeps their place: focus is on the moved IP, now on node-1999.
  await expect(ipHandle(ui, address)).toBeFocused({ timeout: 10_000 });
  await expect(page.locator(`#eni-${to}`).getByTestId(`ip-${address}`)).toBeInViewport();
  console.log(`Move to… on large: ${keys} keys from nothing to a verified move across 2,000 instances`);
});

test('auto-refresh lists and highlights a change made outside the console, never the console’s own move', async ({
  emulator,
  console: ui,
  page,
}) => {
  test.setTimeout(90_000);
  const { eips, enis } = await openConsole(emulator, ui);
  await page.getByTestId('auto-refresh').selectOption({ label: 'Auto: 15 s' });

  // The console's own move, by the context menu: web-1's 10.0.1.12 to web-2.
  await ipHandle(ui, '10.0.1.12').click({ button: 'right' });
  await page
    .getByTestId('change-menu')
    .getByRole('menuitem', { name: /Move to/ })
    .click();
  await page.getByTestId('move-to-input').fill('web-2');
  await page
    .getByTestId('move-to-dialog')
    .locator('[data-testid="move-to-option"][data-verdict="allowed"]')
    .first()
    .click();
  await ui.confirmPlan('mouse', {});

  // Behind the console's back: the idle EIP spare-1 goes onto web-2's 10.0.1.21, straight through the SDK.
  const web2 = enis['web-2/eth0']!;
  await emulator.ec2.send(
    new AssociateAddressCommand({
      AllocationId: eips['spare-1'],
      NetworkInterfaceId: web2,
      PrivateIpAddress: '10.0.1.21',
    }),
  );
  const panel = page.getByTestId('changes-panel');
  await expect(panel).toBeVisible({ timeout: 40_000 });
  await expect(panel.getByTestId('change')).toHaveCount(1);
  await expect(panel).toContainText(/Elastic IP [\d.]+ \(spare-1\) associated with 10\.0\.1\.21 on eth0 of web-2/);
  await expect(panel).not.toContainText('10.0.1.12');
  await expect(page.getByTestId('auto-refresh')).toHaveValue('15000');
  await page.screenshot({ path: 'e2e/artifacts/changes-panel.png' });
  // The list leads to the resource.
  await panel.getByTestId('change').getByRole('button').click();
  await expect(page.getByTestId('detail-panel')).toContainText('spare-1');
  // The interval is kept in this browser.
  await page.reload();
  await expect(page.getByTestId('topology')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('auto-refresh')).toHaveValue('15000');
});

test('the SVG export draws the instances the filters show, and only those', async ({ emulator, console: ui, page }) => {
  await openConsole(emulator, ui);
  const reservations = (await emulator.ec2.send(new DescribeInstancesCommand({}))).Reservations ?? [];
  const all = reservations.flatMap((r) => r.Instances ?? []);
  const running = all.filter((i) => i.State?.Name === 'running').map((i) => i.InstanceId!);
  const others = all.filter((i) => i.State?.Name !== 'running').map((i) => i.InstanceId!);
  expect(others.length).toBeGreaterThan(0);
  await page.getByTestId('filter-state').selectOption('running');
  await expect(page.getByTestId('filter-count')).toContainText(`${running.length} of ${all.length} instances`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  expect(download.suggestedFilename()).toMatch(/^eni-console-us-east-1-.*-filtered\.svg$/);
  const svg = await readFile((await download.path())!, 'utf8');
  const drawn = [...svg.matchAll(/data-instance="([^"]+)"/g)].map((m) => m[1]);
  expect(drawn.sort()).toEqual([...running].sort());
  expect(svg).toContain('Filtered: state running');

  // The PNG is the same picture, rasterized in the browser.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile((await png.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(10_000);
  // Looked at by a person: the same SVG, shown in the page.
  await page.setContent(svg);
  await page.screenshot({ path: 'e2e/artifacts/export-svg.png', fullPage: true });
});
