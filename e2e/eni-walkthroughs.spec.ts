// The walkthroughs of what ENIs are for, each run start to finish by a presenter in the built console: every change
// goes through the plan dialog and is confirmed there, every refusal sends nothing, and the account shows the result.
// Also: a move-eni dragged between instances shows its steps live (detaching… available, attaching… attached).
import type { Locator, Page } from '@playwright/test';
import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { type Emulator, expect, test } from './fixtures';
import { eniHandle, eniSlot, openConsole } from './steps';

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/walkthrough-${name}.png` });

/** What each step does, as the presenter sees it: a reset, a plan to confirm, a refusal, the guest OS, a look. */
type Kind = 'reset' | 'plan' | 'refused' | 'guest' | 'look';

async function attachmentOf(emulator: Emulator, eniId: string) {
  const out = await emulator.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }));
  const a = out.NetworkInterfaces?.[0]?.Attachment;
  return { instance: a?.InstanceId, deviceIndex: a?.DeviceIndex };
}

/** Runs a walkthrough's steps; answers each step's title and the whole run's duration. */
async function present(page: Page, emulator: Emulator, id: string, kinds: Kind[]) {
  await page.getByTestId('demo-walkthrough').selectOption(id);
  const panel = page.getByTestId('walkthrough');
  await expect(panel).toBeVisible();
  const titles: string[] = [];
  const stepMs: number[] = [];
  const started = Date.now();
  for (const [i, kind] of kinds.entries()) {
    const t0 = Date.now();
    titles.push((await panel.getByTestId('walkthrough-title').textContent()) ?? '');
    await panel.getByTestId('walkthrough-do').click();
    if (kind === 'plan') {
      const dialog = page.getByTestId('plan-dialog');
      await expect(dialog).toBeVisible();
      await shot(page, `${id}-${i + 1}-plan`);
      await dialog.getByTestId('plan-confirm').click();
    }
    if (kind === 'guest') {
      const guest = page.getByTestId('guest-config-dialog');
      await expect(guest.getByTestId('guest-config-text')).toBeVisible();
      await shot(page, `${id}-${i + 1}-guest`);
      await guest.getByRole('button', { name: 'Close' }).click();
    }
    const after = panel.getByTestId('walkthrough-after');
    await expect(after).toBeVisible({ timeout: 30_000 });
    if (kind === 'refused') await expect(after).toContainText('Refused, nothing sent');
    if (kind === 'plan') await expect(after).toContainText('applied and verified');
    if (kind === 'reset') await emulator.clearRequests();
    stepMs.push(Date.now() - t0);
    await shot(page, `${id}-${i + 1}`);
    if (i < kinds.length - 1) await panel.getByTestId('walkthrough-next').click();
  }
  const totalMs = Date.now() - started;
  console.log(`walkthrough ${id}: ${totalMs} ms; steps ${stepMs.map((ms, i) => `${i + 1}:${ms}`).join(' ')} ms`);
  return { panel, titles, totalMs };
}

/** Back shows the step before as it was done (nothing is redone); Restart starts over; Finish closes. */
async function stepBackRestartFinish(panel: Locator, first: string) {
  await panel.getByTestId('walkthrough-back').click();
  await expect(panel.getByTestId('walkthrough-after')).toBeVisible();
  await panel.getByTestId('walkthrough-next').click();
  await panel.getByTestId('walkthrough-restart').click();
  await expect(panel.getByTestId('walkthrough-title')).toHaveText(first);
  await expect(panel.getByTestId('walkthrough-do')).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
}

/** A walkthrough run start to finish: its steps' kinds and titles, what the account shows after, the one change sent. */
type Presented = {
  title: string;
  scenario: string;
  kinds: Kind[];
  titles: string[];
  applied: string[];
  /** What the account shows after the run (read from the emulator). */
  check: (emulator: Emulator, panel: Locator) => Promise<void>;
};

const presented: Presented[] = [
  {
    title:
      'management network: svc-4 gets its management ENI through the plan dialog, its guest OS routing, and a cross-AZ leg is refused',
    scenario: 'management-network',
    kinds: ['reset', 'plan', 'guest', 'refused'],
    titles: [
      'Two networks, two interfaces',
      'Give svc-4 its management leg',
      'The guest OS must route it',
      'One management subnet per AZ',
    ],
    applied: ['AttachNetworkInterface'],
    check: async (emulator, panel) => {
      await expect(panel.getByTestId('walkthrough-after')).toContainText('Availability Zone');
      const { instances, enis } = await emulator.names();
      expect(await attachmentOf(emulator, enis['svc-4-mgmt']!)).toEqual({
        instance: instances['svc-4 (no mgmt leg yet)'],
        deviceIndex: 1,
      });
    },
  },
  {
    title:
      'dual-homed tiers: the db service address moves to the replica in its subnet; onto the web tier it is refused',
    scenario: 'dual-homed-tiers',
    kinds: ['reset', 'look', 'plan', 'refused'],
    titles: [
      'A leg in the next tier',
      'Each leg brings its tier’s rules',
      'Promote the replica',
      'An address stays in its subnet',
    ],
    applied: ['AssignPrivateIpAddresses'],
    check: async (emulator) => {
      const { enis } = await emulator.names();
      const db2 = await emulator.ec2.send(
        new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [enis['db-2 (replica)/eth0']!] }),
      );
      expect(db2.NetworkInterfaces?.[0]?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress)).toContain('10.50.3.20');
    },
  },
  {
    title:
      'two VPCs in one AZ: app-2 gets a leg in shared-services; another AZ and an Elastic IP without a gateway are refused',
    scenario: 'multi-vpc',
    kinds: ['reset', 'plan', 'refused', 'refused'],
    titles: [
      'An instance with a leg in another VPC',
      'Attach app-2’s shared-services leg',
      'Not across Availability Zones',
      'No Elastic IP without an internet gateway',
    ],
    applied: ['AttachNetworkInterface'],
    check: async (emulator) => {
      const { instances, enis } = await emulator.names();
      expect(await attachmentOf(emulator, enis['app-2-shared']!)).toEqual({
        instance: instances['app-2'],
        deviceIndex: 1,
      });
    },
  },
];

for (const w of presented) {
  test(w.title, async ({ emulator, console: ui, page }) => {
    test.setTimeout(240_000);
    await ui.open();
    const run = await present(page, emulator, w.scenario, w.kinds);
    expect(run.titles).toEqual(w.titles);
    await w.check(emulator, run.panel);
    expect((await emulator.appliedRequests()).map((r) => r.action)).toEqual(w.applied);
    await stepBackRestartFinish(run.panel, w.titles[0]!);
  });
}

test('a move-eni between instances shows its steps as they happen: detaching, available, attaching, attached', async ({
  emulator,
  console: ui,
  drag,
  page,
}) => {
  await emulator.reset('showcase');
  // Slow transitions, so each state stays on screen long enough to be seen on a busy machine.
  await emulator.patchSettings({ attachDelayMs: 3000 });
  try {
    const { instances, enis } = await openConsole(emulator, ui);
    await drag.mouseDrag(eniHandle(ui, enis['app-1-data']!), eniSlot(page, instances['app-2']!, 2));
    // Every state each step shows, in order, as the page renders it (independent of how fast the test polls).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenSteps: string[] }).seenSteps = seen;
      new MutationObserver(() => {
        document.querySelectorAll('[data-testid="apply-progress-step"]').forEach((el, i) => {
          const badge = el.querySelector('[data-testid="apply-progress-badge"]')?.textContent ?? '';
          const state = `${i + 1}:${el.getAttribute('data-state')}:${badge.split(' · ')[0]}`;
          if (!seen.includes(state)) seen.push(state);
        });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByTestId('plan-confirm').click();
    const progress = page.getByTestId('apply-progress');
    const steps = progress.getByTestId('apply-progress-step');
    await expect(steps).toHaveCount(2);
    await expect(progress).toContainText('Detaching…');
    await shot(page, 'move-eni-detaching');
    await expect(progress).toContainText('Attaching…', { timeout: 10_000 });
    await shot(page, 'move-eni-attaching');
    await expect(steps.nth(1)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
    await expect(progress).toContainText('Applied');
    await shot(page, 'move-eni-attached');
    console.log(`move-eni steps: ${(await progress.getByTestId('apply-progress-badge').allTextContents()).join(', ')}`);
    await expect(progress).toBeHidden({ timeout: 10_000 });
    const seen = await page.evaluate(() => (window as unknown as { seenSteps: string[] }).seenSteps);
    // Step 1 ran, then showed the ENI available; step 2 waited, ran, then showed it attached.
    expect(seen).toEqual(
      expect.arrayContaining(['1:running:', '1:done:available', '2:waiting:', '2:running:', '2:done:attached']),
    );
    expect(seen.indexOf('1:done:available')).toBeLessThan(seen.indexOf('2:running:'));
    expect(await attachmentOf(emulator, enis['app-1-data']!)).toEqual({ instance: instances['app-2'], deviceIndex: 2 });
  } finally {
    await emulator.patchSettings({ attachDelayMs: 1000 }); // the emulator's default, which the other specs expect
  }
});
