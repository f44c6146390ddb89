// The eks-nodes scenario renders truthfully: delegated prefixes, IPv6, trunk/branch/EFA types and a network card
// other than 0 are shown read-only, and an ENI full because of its prefixes refuses a moved IP, saying so.
import type { Page } from '@playwright/test';
import { CreateNetworkInterfaceCommand, DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { domIds } from '../components/topology/dom-ids';
import { expect, test } from './fixtures';
import { eniHandle, ipHandle, openConsole } from './steps';

// Tall enough that the dragged IP and the full ENI are both on screen: no scrolling mid-drag.
test.use({ viewport: { width: 1440, height: 1300 } });

// Every test starts from a fresh eks-nodes account.
test.beforeEach(async ({ emulator }) => emulator.reset('eks-nodes'));

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/eks-nodes-${name}.png` });

test('prefixes, IPv6, interface types and network cards are shown read-only', async ({
  emulator,
  console: ui,
  page,
}) => {
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

test("a multi-card node shows each network card's free ENI slots, and a drop on card 1's slot attaches on card 1", async ({
  emulator,
  console: ui,
  page,
  drag,
}) => {
  const before = await emulator.names();
  const node = before.instances['efa-node-a1']!;
  // A plain ENI in the node's subnet, waiting in the pool (the scenario's pool holds only branch ENIs).
  const eth0 = await emulator.ec2.send(
    new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [before.enis['efa-node-a1/eth0']!] }),
  );
  const created = await emulator.ec2.send(
    new CreateNetworkInterfaceCommand({
      SubnetId: eth0.NetworkInterfaces![0]!.SubnetId!,
      TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'spare-leg' }] }],
    }),
  );
  const spare = created.NetworkInterface!.NetworkInterfaceId!;
  await emulator.clearRequests();
  await ui.open();

  // hpc7a.12xlarge: 4 ENIs on 2 cards, 2 each; eth0 on card 0, the EFA at device index 1 on card 1.
  const cards = page.getByTestId(domIds.eniCards(node));
  await expect(cards.getByTestId(domIds.eniCard(node, 0))).toContainText(/card 0 · 1\/2[\s\S]*eth1/);
  await expect(cards.getByTestId(domIds.eniCard(node, 1))).toContainText(/card 1 · 1\/2[\s\S]*eth2/);
  const card1Slot = page.getByTestId(domIds.eniSlot(node, 2, 1));
  await expect(card1Slot).toHaveAttribute('data-state', 'free');
  await cards.scrollIntoViewIfNeeded();
  await shot(page, 'cards');
  // A single-card node keeps the one row of free slots, with no card label.
  await expect(page.getByTestId(domIds.eniCards(before.instances['eks-node-a1']!))).toHaveCount(0);

  await drag.moveTo(eniHandle(ui, spare), card1Slot, 'mouse');
  await ui.confirmPlan('mouse', {
    cli: [
      /attach-network-interface --network-interface-id \S+ --instance-id \S+ --device-index 2 --network-card-index 1/,
    ],
  });
  const calls = await emulator.appliedRequests();
  expect(calls.map((c) => c.action)).toEqual(['AttachNetworkInterface']);
  expect(calls[0]!.parameters).toMatchObject({ DeviceIndex: '2', NetworkCardIndex: '1', InstanceId: node });
  const attached = await emulator.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [spare] }));
  expect(attached.NetworkInterfaces![0]!.Attachment).toMatchObject({ DeviceIndex: 2, NetworkCardIndex: 1 });
  await expect(cards.getByTestId(domIds.eniCard(node, 1))).toContainText(/card 1 · 2\/2[\s\S]*full/);
});
