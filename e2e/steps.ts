// Steps the e2e specs take the same way: open the console knowing the seeded names, and the handles and free
// slots a move test drags between (a new file, so e2e/fixtures.ts stays the shared page objects).
import type { Locator, Page } from '@playwright/test';
import { domIds } from '../components/topology/dom-ids';
import { type ConsolePage, type Emulator, expect } from './fixtures';

/** Opens the console; answers the seeded names (instances, ENIs, EIPs) that test ids are built from. */
export async function openConsole(emulator: Emulator, ui: ConsolePage): ReturnType<Emulator['names']> {
  const names = await emulator.names();
  await ui.open();
  return names;
}

/** A private IP's drag handle: the button named by its address. */
export function ipHandle(ui: ConsolePage, address: string): Locator {
  return ui.ip(address).getByRole('button', { name: address });
}

/** An ENI's drag handle: the first button of its card. */
export function eniHandle(ui: ConsolePage, eniId: string): Locator {
  return ui.eni(eniId).locator('button').first();
}

/** The free private-IP slot `n` of an ENI. */
export function ipSlot(page: Page, eniId: string, n: number): Locator {
  return page.getByTestId(domIds.ipSlot(eniId, n));
}

/** The free ENI slot of an instance at a device index. */
export function eniSlot(page: Page, instanceId: string, deviceIndex: number): Locator {
  return page.getByTestId(domIds.eniSlot(instanceId, deviceIndex));
}

/** Right-clicks a resource and picks a change from its context menu; the change's form opens. */
export async function pickChange(page: Page, testId: string, action: string): Promise<void> {
  const el = page.getByTestId(testId).first();
  await el.scrollIntoViewIfNeeded();
  await el.click({ button: 'right', position: { x: 8, y: 8 } });
  await page.getByTestId('change-menu').getByTestId(`change-action-${action}`).click();
  await expect(page.getByTestId('change-dialog')).toBeVisible();
}
