// Playwright fixtures: an SDK client and a control-plane handle on the e2e emulator, and a page object for
// the console. Refuses to run against anything but a loopback endpoint.
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import {
  appliedRequests,
  EmulatorControl,
  type LoggedRequest,
  mutatingRequests,
} from '../lib/testing/emulator-control';
import { domIds } from '../components/topology/dom-ids';
import { E2E_CONTROL_TOKEN, E2E_EMULATOR_PORT } from '../playwright.config';

export const emulatorUrl = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(emulatorUrl)) {
  throw new Error(`e2e tests only run against a local emulator, not ${emulatorUrl}`);
}

/** The two gestures a move can be made by: each move kind is tested once per gesture, with one test body. */
export const GESTURES = ['mouse', 'keyboard'] as const;
export type Gesture = (typeof GESTURES)[number];
type ArrowKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp';

export class Emulator extends EmulatorControl {
  readonly ec2 = new EC2Client({
    region: 'us-east-1',
    endpoint: emulatorUrl,
    credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' },
  });

  constructor() {
    super(emulatorUrl, E2E_CONTROL_TOKEN);
  }

  /** Back to `scenario`, with an empty request log. */
  override async reset(scenario = 'showcase'): Promise<void> {
    await super.reset(scenario);
    await this.clearRequests();
  }

  /** EC2 calls that change state (everything but Describe*), DryRun checks included. */
  async mutatingRequests(): Promise<LoggedRequest[]> {
    return mutatingRequests(await this.requests());
  }

  /** The state-changing calls that were applied, not only checked (no DryRun). */
  async appliedRequests(): Promise<LoggedRequest[]> {
    return appliedRequests(await this.requests());
  }

  /** Ids by Name tag, as the scenario names them: instances, ENIs (primary ENIs as "<instance>/eth0") and EIPs. */
  async names(): Promise<{
    instances: Record<string, string>;
    enis: Record<string, string>;
    eips: Record<string, string>;
  }> {
    const [reservations, enis, addresses] = await Promise.all([
      this.ec2.send(new DescribeInstancesCommand({})),
      this.ec2.send(new DescribeNetworkInterfacesCommand({})),
      this.ec2.send(new DescribeAddressesCommand({})),
    ]);
    const nameOf = (tags?: { Key?: string; Value?: string }[]) => tags?.find((t) => t.Key === 'Name')?.Value;
    const instances: Record<string, string> = {};
    for (const i of (reservations.Reservations ?? []).flatMap((r) => r.Instances ?? []))
      instances[nameOf(i.Tags) ?? i.InstanceId!] = i.InstanceId!;
    const byId = Object.fromEntries(Object.entries(instances).map(([n, id]) => [id, n]));
    const eniNames: Record<string, string> = {};
    for (const e of enis.NetworkInterfaces ?? []) {
      const name = nameOf(e.TagSet);
      if (name) eniNames[name] = e.NetworkInterfaceId!;
      const owner = e.Attachment?.InstanceId ? byId[e.Attachment.InstanceId] : undefined;
      if (owner) eniNames[`${owner}/eth${e.Attachment!.DeviceIndex}`] = e.NetworkInterfaceId!;
    }
    const eips: Record<string, string> = {};
    for (const a of addresses.Addresses ?? []) eips[nameOf(a.Tags) ?? a.PublicIp!] = a.AllocationId!;
    return { instances, enis: eniNames, eips };
  }
}

/**
 * Drags through the real input devices: the mouse (press, move in steps past the activation distance, release)
 * and the keyboard (Space to pick up, arrows until the wanted target is the one the drag is over, Space to drop).
 */
export class DragDriver {
  constructor(readonly page: Page) {}

  private async center(locator: Locator): Promise<{ x: number; y: number }> {
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    if (!box) throw new Error('element has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /**
   * The gesture-neutral move: picks up `handle`, brings it over `target` and drops it there, by `via`. Mouse: press,
   * move in steps, release. Keyboard: focus, Space, `key` until `target` is the one the drag is over, Space. Before
   * dropping it waits until the drop target (`over`, default `target`) is the one the drag is over and calls
   * `whileOver` (to look at the hint). Returns the key presses it took (0 by mouse).
   */
  async moveTo(
    handle: Locator,
    target: Locator,
    via: Gesture,
    opts: { key?: ArrowKey; over?: Locator; whileOver?: () => Promise<void> } = {},
  ): Promise<number> {
    if (via === 'mouse') {
      await this.mouseDrag(handle, target, opts);
      return 0;
    }
    const over = opts.over ?? target;
    const presses = await this.keyboardReach(handle, over, opts.key);
    await expect(over).toHaveAttribute('data-over', 'true');
    if (opts.whileOver) await opts.whileOver();
    await this.page.keyboard.press('Space');
    return presses;
  }

  /**
   * Presses on `handle`, moves onto `target`, waits until the drop target (`over`, default `target`) is the one
   * the drag is over, and calls `whileOver` before releasing (to look at the hint). A target that only appears
   * once a drag starts (the Unassign dock) is scrolled to after the pick-up.
   */
  async mouseDrag(
    handle: Locator,
    target: Locator,
    opts: { over?: Locator; whileOver?: () => Promise<void> } = {},
  ): Promise<void> {
    // In the middle of its list, away from the edges where a drag scrolls the list under the pointer.
    if ((await target.count()) > 0) await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const from = await this.center(handle);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 12, from.y + 8, { steps: 4 });
    const to = await this.center(target);
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await expect(opts.over ?? target).toHaveAttribute('data-over', 'true');
    if (opts.whileOver) await opts.whileOver();
    await this.page.mouse.up();
  }

  /**
   * Focuses `handle`, picks it up with Space and presses `key` until `target` is the one the drag is over. After
   * each press it waits for the drag's "over" target to change (React renders it a moment after the key), so a
   * press is never judged by the previous press's target. Returns the number of presses.
   */
  async keyboardReach(
    handle: Locator,
    target: Locator,
    key: ArrowKey = 'ArrowRight',
    maxPresses = 60,
  ): Promise<number> {
    const overId = () =>
      this.page
        .locator('[data-over="true"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-drop-id')).join(' '));
    await handle.focus();
    await this.page.keyboard.press('Space');
    for (let i = 1; i <= maxPresses; i++) {
      const before = await overId();
      await this.page.keyboard.press(key);
      await expect
        .poll(overId, { timeout: 2_000 })
        .not.toBe(before)
        .catch(() => undefined);
      if ((await target.getAttribute('data-over').catch(() => null)) === 'true') return i;
    }
    throw new Error(`the keyboard never reached the target in ${maxPresses} presses of ${key}`);
  }
}

export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('topology')).toBeVisible({ timeout: 30_000 });
  }

  instance(id: string): Locator {
    return this.page.getByTestId(domIds.instance(id));
  }
  eni(id: string): Locator {
    return this.page.getByTestId(domIds.eni(id));
  }
  ip(address: string): Locator {
    return this.page.getByTestId(domIds.ip(address));
  }
  eip(allocationId: string): Locator {
    return this.page.getByTestId(domIds.eip(allocationId));
  }

  /** Confirms the open plan by `via`: Enter on the Confirm button, which has the focus, or a click on it. */
  async confirm(via: Gesture): Promise<void> {
    const confirm = this.page.getByTestId('plan-dialog').getByTestId('plan-confirm');
    if (via === 'mouse') return confirm.click();
    await expect(confirm).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  /**
   * The plan dialog is open with these CLI fragments (and `steps` steps); confirms it by `via`, calls
   * `whileApplying` once the dialog has closed, and waits for the success toast.
   */
  async confirmPlan(
    via: Gesture,
    plan: { cli?: RegExp[]; steps?: number; whileApplying?: () => Promise<void>; toast?: RegExp },
  ): Promise<void> {
    const dialog = this.page.getByTestId('plan-dialog');
    await expect(dialog).toBeVisible();
    for (const line of plan.cli ?? [])
      await expect(dialog.getByTestId('plan-cli').filter({ hasText: line })).toHaveCount(1);
    if (plan.steps !== undefined) await expect(dialog.getByTestId('plan-step')).toHaveCount(plan.steps);
    await this.confirm(via);
    await expect(dialog).toBeHidden();
    if (plan.whileApplying) await plan.whileApplying();
    await expect(
      this.page
        .getByTestId('toast')
        .filter({ hasText: plan.toast ?? /^Done/ })
        .last(),
    ).toBeVisible({ timeout: 20_000 });
  }
}

export const test = base.extend<{ emulator: Emulator; console: ConsolePage; drag: DragDriver }>({
  emulator: async ({}, use) => {
    const emulator = new Emulator();
    await emulator.reset();
    await use(emulator);
    emulator.ec2.destroy();
  },
  console: async ({ page }, use) => {
    await use(new ConsolePage(page));
  },
  drag: async ({ page }, use) => {
    await use(new DragDriver(page));
  },
});

export { expect };
