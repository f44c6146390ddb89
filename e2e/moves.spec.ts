// Drag and drop becomes a validated EC2 call: every move kind made by the real mouse and by the real keyboard on
// the built console, one test body per move kind, each checked against the emulator's request log (what was sent,
// with which parameters) and the DOM. The edges (refusals, rollback, undo, touch, cancel) are in move-edges.spec.ts.
import type { Locator, Page } from '@playwright/test';
import { expect, GESTURES, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/moves-${name}.png` });

/** While over `target`: it, the drop hint and the screen-reader announcement all say the drop is allowed. */
async function expectAllowed(page: Page, target: Locator, announced: RegExp = /allowed\./): Promise<void> {
  await expect(target).toHaveAttribute('data-drop', 'allowed');
  await expect(page.getByTestId('drop-hint')).toContainText('Allowed');
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText(announced);
}

test.afterEach(async ({ emulator }) => {
  await emulator.patchSettings({ attachDelayMs: 1000 });
});

for (const via of GESTURES) {
  test(`a secondary IP with its EIP moved to a free slot of web-2 is reassigned with AllowReassignment, EIP and all, by ${via}`, async ({
    emulator,
    console: ui,
    page,
    drag,
  }) => {
    const { enis, eips } = await emulator.names();
    await ui.open();
    const slot = page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`);
    await drag.moveTo(ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }), slot, via, {
      whileOver: async () => {
        await expectAllowed(page, slot);
        await shot(page, `ip-over-${via}`);
      },
    });
    await shot(page, `ip-plan-${via}`);
    await ui.confirmPlan(via, {
      cli: [
        /assign-private-ip-addresses --network-interface-id \S+ --private-ip-addresses 10\.0\.1\.11 --allow-reassignment/,
      ],
    });

    const calls = await emulator.appliedRequests();
    expect(calls.map((c) => c.action)).toEqual(['AssignPrivateIpAddresses']);
    expect(calls[0]!.parameters).toMatchObject({
      NetworkInterfaceId: enis['web-2/eth0'],
      'PrivateIpAddress.1': '10.0.1.11',
      AllowReassignment: 'true',
    });
    const moved = ui.eni(enis['web-2/eth0']!).getByTestId('ip-10.0.1.11');
    await expect(moved).toBeVisible();
    await expect(moved.getByTestId(`eip-${eips['tls-shop']}`)).toBeVisible();
    await expect(ui.eni(enis['web-1/eth0']!).getByTestId('ip-10.0.1.11')).toHaveCount(0);
  });

  test(`a secondary IP taken to Unassign is unassigned and its EIP goes idle, by ${via}`, async ({
    emulator,
    console: ui,
    page,
    drag,
  }) => {
    const { enis, eips } = await emulator.names();
    await ui.open();
    // The dock appears once the drag starts and sits below everything: by keyboard, Down jumps line by line to it.
    const zone = page.getByTestId('drop-unassign');
    const presses = await drag.moveTo(ui.ip('10.0.1.12').getByRole('button', { name: '10.0.1.12' }), zone, via, {
      key: 'ArrowDown',
      whileOver: async () => {
        await expect(zone).toBeVisible();
        await expectAllowed(page, zone);
        await shot(page, `unassign-over-${via}`);
      },
    });
    if (via === 'keyboard') expect(presses).toBeLessThan(30);
    await ui.confirmPlan(via, {
      cli: [
        new RegExp(
          `unassign-private-ip-addresses --network-interface-id ${enis['web-1/eth0']} --private-ip-addresses 10\\.0\\.1\\.12`,
        ),
      ],
    });

    const calls = await emulator.appliedRequests();
    expect(calls.map((c) => c.action)).toEqual(['UnassignPrivateIpAddresses']);
    expect(calls[0]!.parameters).toMatchObject({
      NetworkInterfaceId: enis['web-1/eth0'],
      'PrivateIpAddress.1': '10.0.1.12',
    });
    await expect(ui.ip('10.0.1.12')).toHaveCount(0);
    await expect(page.getByTestId('pool-eips').getByTestId(`eip-${eips['tls-blog']}`)).toBeVisible();
  });

  test(`a secondary ENI taken to the ENI pool is detached, by ${via}`, async ({
    emulator,
    console: ui,
    page,
    drag,
  }) => {
    await emulator.patchSettings({ attachDelayMs: 200 });
    const { instances, enis } = await emulator.names();
    const eni = enis['app-1-data']!;
    await ui.open();
    const pool = page.getByTestId('pool-enis');
    // The rail comes before the canvas in reading order: by keyboard, Left walks back to it.
    await drag.moveTo(ui.eni(eni).locator('button').first(), pool, via, {
      key: 'ArrowLeft',
      whileOver: async () => {
        await expectAllowed(page, pool);
        await shot(page, `detach-over-${via}`);
      },
    });
    await ui.confirmPlan(via, { cli: [/detach-network-interface --attachment-id eni-attach-/] });

    const calls = await emulator.appliedRequests();
    expect(calls.map((c) => c.action)).toEqual(['DetachNetworkInterface']);
    expect(calls[0]!.parameters.AttachmentId).toMatch(/^eni-attach-/);
    await expect(pool.getByTestId(`eni-${eni}`)).toBeVisible();
    await expect(ui.instance(instances['app-1']!).getByTestId(`eni-${eni}`)).toHaveCount(0);
  });

  test(`an idle EIP taken onto a private IP without one is associated with exactly that address, by ${via}`, async ({
    emulator,
    console: ui,
    page,
    drag,
  }) => {
    const { enis, eips } = await emulator.names();
    const eip = eips['spare-1']!;
    await ui.open();
    const target = ui.ip('10.0.1.21');
    await expect(target.locator('[data-testid^="eip-"]')).toHaveCount(0);
    await drag.moveTo(page.getByTestId('pool-eips').getByTestId(`eip-${eip}`), target, via, {
      whileOver: async () => {
        await expectAllowed(page, target);
        await shot(page, `eip-over-${via}`);
      },
    });
    await ui.confirmPlan(via, {
      cli: [
        new RegExp(
          `associate-address --allocation-id ${eip} --network-interface-id ${enis['web-2/eth0']} --private-ip-address 10\\.0\\.1\\.21`,
        ),
      ],
    });

    const calls = await emulator.appliedRequests();
    expect(calls.map((c) => c.action)).toEqual(['AssociateAddress']);
    expect(calls[0]!.parameters).toMatchObject({
      AllocationId: eip,
      NetworkInterfaceId: enis['web-2/eth0'],
      PrivateIpAddress: '10.0.1.21',
    });
    await expect(ui.ip('10.0.1.21').getByTestId(`eip-${eip}`)).toBeVisible();
    await expect(page.getByTestId('pool-eips').getByTestId(`eip-${eip}`)).toHaveCount(0);
  });

  test(`an EIP taken to the EIP pool is disassociated and stays allocated, by ${via}`, async ({
    emulator,
    console: ui,
    page,
    drag,
  }) => {
    const { eips } = await emulator.names();
    const eip = eips['tls-api']!;
    await ui.open();
    const pool = page.getByTestId('pool-eips');
    await drag.moveTo(ui.ip('10.0.1.13').getByTestId(`eip-${eip}`), pool, via, {
      key: 'ArrowLeft',
      whileOver: async () => {
        await expectAllowed(page, pool);
        await shot(page, `disassociate-over-${via}`);
      },
    });
    await ui.confirmPlan(via, { cli: [/disassociate-address --association-id eipassoc-/] });

    const calls = await emulator.appliedRequests();
    expect(calls.map((c) => c.action)).toEqual(['DisassociateAddress']);
    expect(calls[0]!.parameters.AssociationId).toMatch(/^eipassoc-/);
    await expect(pool.getByTestId(`eip-${eip}`)).toBeVisible();
    await expect(ui.ip('10.0.1.13').getByTestId(`eip-${eip}`)).toHaveCount(0);
  });

  test(`an ENI moved to a free slot of another instance detaches, waits, and attaches at that device index, by ${via}`, async ({
    emulator,
    console: ui,
    page,
    drag,
  }) => {
    const { instances, enis } = await emulator.names();
    const eni = enis['app-1-data']!;
    await ui.open();
    const slot = page.getByTestId(`eni-slot-${instances['app-2']}-2`);
    await drag.moveTo(ui.eni(eni).locator('button').first(), slot, via, {
      whileOver: async () => {
        await expectAllowed(page, slot, /Over eth2 of app-2: allowed\./);
        await shot(page, `eni-over-${via}`);
      },
    });
    // The default 1 s per attach/detach transition, like EC2, leaves time to see the ENI applying.
    await ui.confirmPlan(via, {
      steps: 2,
      whileApplying: () => expect(ui.eni(eni)).toHaveAttribute('data-applying', 'true'),
    });

    const calls = await emulator.appliedRequests();
    expect(calls.map((c) => c.action)).toEqual(['DetachNetworkInterface', 'AttachNetworkInterface']);
    expect(calls[1]!.parameters).toMatchObject({
      NetworkInterfaceId: eni,
      InstanceId: instances['app-2'],
      DeviceIndex: '2',
    });
    await expect(page.getByTestId(`eni-slot-${instances['app-2']}-2`).getByTestId(`eni-${eni}`)).toBeVisible();
    await expect(ui.instance(instances['app-1']!).getByTestId(`eni-${eni}`)).toHaveCount(0);
  });
}
