// axe-core with the WCAG 2.2 AA rule set on every view, dialog and panel of the console, in light and dark mode:
// no violation allowed (contrast, ARIA, landmarks…).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The violations axe finds on the page as it is now, one readable line per failing element. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
  );
}

async function expectClean(page: Page, what: string): Promise<void> {
  expect.soft(await violations(page), what).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    // axe walks the whole DOM once per view: on a shared 2-core machine a dozen views take minutes.
    test.setTimeout(240_000);

    test('the topology, the pools, the search results and every kind of details pass axe (WCAG 2.2 AA)', async ({
      emulator,
      console: ui,
      page,
    }) => {
      const { instances, enis, eips } = await emulator.names();
      await ui.open();
      await expectClean(page, 'topology with nothing selected');

      await page.getByTestId('filter-state').selectOption('stopped');
      await page.getByTestId('filter-free-eni').check();
      await expect(page.getByTestId('filter-count')).toContainText(' of ');
      await expectClean(page, 'filtered view');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByTestId('density-compact').click();
      await expectClean(page, 'compact density');
      await page.getByTestId('density-cards').click();

      await page.keyboard.press('/');
      await page.keyboard.type('10.0.1');
      await expect(page.getByTestId('search-results')).toBeVisible();
      await expectClean(page, 'search results');
      await page.keyboard.type('zzz');
      await expect(page.getByTestId('search-results')).toContainText('No match');
      await expectClean(page, 'search with no match');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      const details: [string, () => Promise<void>][] = [
        ['instance', () => ui.instance(instances['web-1']!).getByRole('button', { name: /web-1/ }).first().click()],
        ['ENI', () => ui.eni(enis['app-1-data']!).locator('button').first().click()],
        ['private IP', () => ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }).click()],
        ['Elastic IP', () => ui.eip(eips['tls-shop']!).click()],
        [
          'subnet',
          () =>
            page
              .locator('[id^="subnet-row-"] button')
              .filter({ hasText: /public-a/ })
              .first()
              .click(),
        ],
        [
          'VPC',
          () =>
            page
              .locator('[id^="vpc-row-"] button')
              .filter({ hasText: /prod|showcase/ })
              .first()
              .click(),
        ],
      ];
      for (const [what, open] of details) {
        await open();
        await expect(page.getByTestId('detail-panel').getByRole('button', { name: 'Close details' })).toBeVisible();
        await expectClean(page, `details of a ${what}`);
      }
    });

    test('the plan dialog passes axe', async ({ emulator, console: ui, page, drag }) => {
      const { enis } = await emulator.names();
      await ui.open();
      await drag.moveTo(
        ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }),
        page.getByTestId(`ip-slot-${enis['web-2/eth0']}-2`),
        'keyboard',
      );
      await expect(page.getByTestId('plan-dialog')).toBeVisible();
      await expectClean(page, 'plan dialog');
    });

    test('the narrow layout (rail tabs for pools and details) passes axe', async ({ emulator, console: ui, page }) => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await ui.open();
      await expectClean(page, 'narrow, pools tab');
      await ui.ip('10.0.1.11').getByRole('button', { name: '10.0.1.11' }).click();
      await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
      await expectClean(page, 'narrow, details tab');
      void emulator;
    });
  });
}
