// The console shows what EC2 says: every instance, ENI, private IP and Elastic IP of the showcase scenario, as
// read by the real SDK from the emulator, is on the page in the right place.
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
} from '@aws-sdk/client-ec2';
import { expect, test } from './fixtures';

test('shows every instance, ENI, private IP and Elastic IP where EC2 says they are', async ({
  emulator,
  console: ui,
  page,
}) => {
  const [reservations, enis, addresses, subnets] = await Promise.all([
    emulator.ec2.send(new DescribeInstancesCommand({})),
    emulator.ec2.send(new DescribeNetworkInterfacesCommand({})),
    emulator.ec2.send(new DescribeAddressesCommand({})),
    emulator.ec2.send(new DescribeSubnetsCommand({})),
  ]);
  await ui.open();

  const instances = (reservations.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  expect(instances.length).toBeGreaterThan(3);
  for (const instance of instances) {
    const card = ui.instance(instance.InstanceId!);
    await expect(card).toBeVisible();
    await expect(card).toContainText(instance.InstanceType!);
    await expect(card).toContainText(instance.State!.Name!);
    const name = instance.Tags?.find((t) => t.Key === 'Name')?.Value;
    if (name) await expect(card).toContainText(name);
  }

  for (const eni of enis.NetworkInterfaces ?? []) {
    const block = ui.eni(eni.NetworkInterfaceId!);
    await expect(block).toBeAttached();
    if (eni.Attachment?.InstanceId) {
      // The ENI sits in its instance's slot at its device index.
      const slot = page.getByTestId(`eni-slot-${eni.Attachment.InstanceId}-${eni.Attachment.DeviceIndex}`);
      await expect(slot.getByTestId(`eni-${eni.NetworkInterfaceId}`)).toBeAttached();
    } else if (!eni.RequesterManaged) {
      await expect(page.getByTestId('pool-enis').getByTestId(`eni-${eni.NetworkInterfaceId}`)).toBeAttached();
    }
    for (const ip of eni.PrivateIpAddresses ?? []) {
      const ipEl = block.getByTestId(`ip-${ip.PrivateIpAddress}`);
      await expect(ipEl).toBeAttached();
      await expect(ipEl).toHaveAttribute('data-state', ip.Primary ? 'locked' : 'occupied');
    }
  }

  for (const address of addresses.Addresses ?? []) {
    const chip = ui.eip(address.AllocationId!);
    await expect(chip).toBeAttached();
    await expect(chip).toContainText(address.PublicIp!);
    if (address.PrivateIpAddress && address.NetworkInterfaceId) {
      await expect(
        ui
          .eni(address.NetworkInterfaceId)
          .getByTestId(`ip-${address.PrivateIpAddress}`)
          .getByTestId(`eip-${address.AllocationId}`),
      ).toBeAttached();
    } else {
      await expect(page.getByTestId('pool-eips').getByTestId(`eip-${address.AllocationId}`)).toBeAttached();
    }
  }

  for (const subnet of subnets.Subnets ?? []) {
    await expect(page.getByTestId(`subnet-${subnet.SubnetId}`)).toContainText(subnet.CidrBlock!);
    await expect(page.getByTestId(`subnet-${subnet.SubnetId}`)).toContainText(String(subnet.AvailableIpAddressCount));
  }
  await page.screenshot({ path: 'e2e/artifacts/showcase.png', fullPage: true });
});

test('search finds a private IP and opens its details', async ({ emulator, console: ui, page }) => {
  const enis = await emulator.ec2.send(new DescribeNetworkInterfacesCommand({}));
  const withSecondary = (enis.NetworkInterfaces ?? []).find((e) =>
    (e.PrivateIpAddresses ?? []).some((ip) => !ip.Primary),
  );
  const secondary = withSecondary!.PrivateIpAddresses!.find((ip) => !ip.Primary)!.PrivateIpAddress!;
  await ui.open();
  await page.keyboard.press('/');
  await page.keyboard.type(secondary);
  await page.keyboard.press('Enter');
  const details = page.getByTestId('detail-panel');
  await expect(details).toContainText(secondary);
  await expect(details).toContainText(withSecondary!.NetworkInterfaceId!);
});

test('refresh shows a change made outside the console', async ({ emulator, console: ui, page }) => {
  await ui.open();
  const addresses = await emulator.ec2.send(new DescribeAddressesCommand({}));
  const idle = (addresses.Addresses ?? []).find((a) => !a.AssociationId)!;
  const { CreateTagsCommand } = await import('@aws-sdk/client-ec2');
  await emulator.ec2.send(
    new CreateTagsCommand({ Resources: [idle.AllocationId!], Tags: [{ Key: 'Name', Value: 'renamed-by-e2e' }] }),
  );
  await page.getByRole('button', { name: /refresh/i }).click();
  await expect(ui.eip(idle.AllocationId!)).toContainText('renamed-by-e2e');
});

test('an unreachable EC2 endpoint is explained, not a blank page', async ({ page }) => {
  await page.route('**/api/topology', (route) =>
    route.fulfill({
      status: 502,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        code: 'endpoint-unreachable',
        message:
          'No answer from the EC2 endpoint http://127.0.0.1:1. For the demo, start the emulator with npm run emulator.',
      }),
    }),
  );
  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: 'EC2 endpoint' });
  await expect(alert).toContainText('npm run emulator');
  await expect(page.getByRole('button', { name: /retry/i })).toBeVisible();
});
