// The eks-nodes scenario renders truthfully: delegated prefixes, IPv6, trunk/branch/EFA types and a network card
// other than 0 are shown read-only, and an ENI full because of its prefixes refuses a moved IP, saying so.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { eniHandle, ipHandle, openConsole } from './steps';

// Tall enough that the dragged IP and the full ENI are both on screen: no scrolling mid-drag.
test.use({ viewport: { width: 1440, height: 1300 } });

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/eks-nodes-${name}.png` });

test('prefixes, IPv6, interface types and network cards are shown read-only', async ({
  emulator,
  console: ui,
  page,
}) => {
  await emulator.reset('eks-nodes');
  const { enis } = await openConsole(emulator, ui);
  const a1 = enis['eks-node-a1/eth0']!;
  const prefixes = page.getByTestId(`eni-prefixes-${a1}`);
  await expect(prefixes).toContainText('IPv4 prefixes (9)');
  await expect(prefixes).toContainText('10.20.0.16/28');
  await expect(prefixes).toHaveAttribute('title', /each takes one of the ENI's IPv4 slots[\s\S]*does not move it/);
  await expect(page.getByTestId(`eni-ipv6-${a1}`)).toContainText(/IPv6 \(1\)[\s\S]*2600:1f18:4a3:6e00:/);
  // Prefixes fill eth0 (m5.large: 10 slots = 1 address + 9 prefixes): no free IP slot is offered.
  await expect(ui.eni(a1)).toContainText('10/10 IPs');
  await expect(ui.eni(a1).locator('[data-testid^="ip-slot-"][data-state="free"]')).toHaveCount(0);

  const trunk = enis['eks-node-a2-trunk']!;
  await expect(page.getByTestId(`eni-type-${trunk}`)).toHaveText('trunk');
  await expect(page.getByTestId(`eni-type-${enis['pod payments-7d9f']!}`)).toHaveText('branch');
  const efa = enis['efa-node-a1-card1']!;
  await expect(page.getByTestId(`eni-type-${efa}`)).toHaveText('efa');
  await expect(page.getByTestId(`eni-card-${efa}`)).toHaveText('card 1');
  // A trunk ENI is locked, and its tooltip says why.
  await expect(eniHandle(ui, trunk)).toHaveAttribute('title', /trunk ENI: the console moves only plain interfaces/);
  await ui.eni(a1).scrollIntoViewIfNeeded();
  await shot(page, 'shown');

  // Its details list the prefixes and IPv6 addresses, read-only.
  await eniHandle(ui, a1).click();
  await expect(page.getByTestId('detail-panel')).toContainText('IPv4 prefixes, delegated (9)');
  await expect(page.getByTestId('detail-panel').getByTestId('detail-ipv6')).toContainText('2600:1f18:4a3:6e00:');

  // Search finds an ENI by one of its IPv6 addresses and by a delegated prefix.
  await page.keyboard.press('/');
  await page.keyboard.type('10.20.0.32/28');
  await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText('IPv4 prefix');
});

test('an ENI full because of its prefixes refuses a moved IP, says why, and nothing is sent', async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  await emulator.reset('eks-nodes');
  const { enis } = await openConsole(emulator, ui);
  const a1 = ui.eni(enis['eks-node-a1/eth0']!);
  await drag.mouseDrag(ipHandle(ui, '10.20.0.5'), a1, {
    whileOver: async () => {
      await expect(a1).toHaveAttribute('data-drop', 'refused');
      await expect(page.getByTestId('drop-hint')).toContainText(/Refused[\s\S]*9 delegated \/28 prefixes/);
      await shot(page, 'refused');
    },
  });
  await expect(page.getByTestId('plan-dialog')).toHaveCount(0);
  await expect(page.locator('[data-testid="toast"][data-tone="refused"]').last()).toContainText(
    /each prefix takes one address slot[\s\S]*Nothing was sent/,
  );
  expect(await emulator.mutatingRequests()).toEqual([]);
  await expect(ui.ip('10.20.0.5')).toBeVisible();
});
