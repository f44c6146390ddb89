// axe-core with the WCAG 2.2 AA rule set on every view, dialog and panel of the console, in light and dark mode:
// no violation allowed (contrast, ARIA, landmarks…).
import AxeBuilder from '@axe-core/playwright';
import { AssociateAddressCommand } from '@aws-sdk/client-ec2';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { eniHandle, eniSlot, ipHandle, ipSlot, openConsole, pickChange } from './steps';

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
      const { instances, enis, eips } = await openConsole(emulator, ui);
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
        ['ENI', () => eniHandle(ui, enis['app-1-data']!).click()],
        ['private IP', () => ipHandle(ui, '10.0.1.11').click()],
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
      const { enis } = await openConsole(emulator, ui);
      await drag.moveTo(ipHandle(ui, '10.0.1.11'), ipSlot(page, enis['web-2/eth0']!, 2), 'keyboard');
      await expect(page.getByTestId('plan-dialog')).toBeVisible();
      await expectClean(page, 'plan dialog');
    });

    test('the context menu, the change forms, Move to…, a refused drop’s toast, the apply progress, the changes panel and the Activity tab pass axe', async ({
      emulator,
      console: ui,
      page,
      drag,
    }) => {
      const { instances, enis, eips } = await openConsole(emulator, ui);
      const dialog = page.getByTestId('change-dialog');

      await ipHandle(ui, '10.0.1.12').click({ button: 'right' });
      await expect(page.getByTestId('change-menu')).toBeVisible();
      await expectClean(page, 'context menu');
      await page.keyboard.press('Escape');

      const forms: [string, string][] = [
        [`instance-${instances['app-2']}`, 'create-attach-eni'],
        [`instance-${instances['app-2']}`, 'stop-instance'],
        [`eni-${enis['spare-a']}`, 'set-tags'],
        [`eni-${enis['spare-a']}`, 'set-security-groups'],
        ['pool-eips', 'allocate-eip'],
        [`eip-${eips['tls-shop']}`, 'release-eip'],
      ];
      for (const [testId, action] of forms) {
        await pickChange(page, testId, action);
        await expectClean(page, `change form ${action}`);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      }
      // A form with a refused value: the rule and its explanation.
      await pickChange(page, `eni-${enis['spare-a']}`, 'assign-ips');
      await dialog.getByTestId('change-mode-addresses').check();
      await dialog.getByTestId('change-addresses').fill('10.0.1.50');
      await expect(dialog.getByTestId('change-rule')).toHaveText(['same-subnet']);
      await expectClean(page, 'change form assign-ips, refused');
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await ipHandle(ui, '10.0.1.12').focus();
      await page.keyboard.press('m');
      await expect(page.getByTestId('move-to-dialog')).toBeVisible();
      await page.getByTestId('move-to-input').fill('web-2');
      await expect(page.getByTestId('move-to-option').first()).toBeVisible();
      await expectClean(page, 'Move to…');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('move-to-dialog')).toHaveCount(0);

      // A pool ENI in us-east-1b dropped on app-2 in us-east-1a: refused, with a toast.
      await drag.mouseDrag(eniHandle(ui, enis['spare-b']!), eniSlot(page, instances['app-2']!, 1));
      await expect(page.locator('[data-testid="toast"][data-tone="refused"]').first()).toBeVisible();
      await expectClean(page, 'a refused drop’s toast');

      // Slow attachments, so the apply progress stays on screen while axe reads it.
      await emulator.patchSettings({ attachDelayMs: 8000 });
      try {
        await drag.mouseDrag(eniHandle(ui, enis['app-1-data']!), eniSlot(page, instances['app-2']!, 2));
        await page.getByTestId('plan-confirm').click();
        await expect(page.getByTestId('apply-progress')).toContainText('Detaching…');
        await expectClean(page, 'apply progress');
        await expect(page.getByTestId('apply-progress')).toContainText('Applied', { timeout: 40_000 });
      } finally {
        await emulator.patchSettings({ attachDelayMs: 1000 });
      }

      // Behind the console's back, then a refresh: the changes panel lists it.
      await emulator.ec2.send(
        new AssociateAddressCommand({
          AllocationId: eips['spare-1'],
          NetworkInterfaceId: enis['web-2/eth0'],
          PrivateIpAddress: '10.0.1.21',
        }),
      );
      await page.getByTestId('refresh').click();
      await expect(page.getByTestId('changes-panel')).toBeVisible({ timeout: 30_000 });
      await expectClean(page, 'changes panel');

      await page.getByRole('tab', { name: 'Activity' }).click();
      await expect(page.getByTestId('activity-panel')).toBeVisible();
      await expectClean(page, 'Activity tab');
    });

    test('the unfinished operations banner and the guest OS dialog pass axe', async ({
      emulator,
      console: ui,
      page,
    }) => {
      const { enis, instances } = await emulator.names();
      // Only a console stopped mid-apply leaves an operation unfinished (e2e/crash-and-race.spec.ts kills one, which
      // takes minutes): here the list is answered from the page, shaped as the route answers, so axe reads the banner.
      await page.route(
        (url) => url.pathname === '/api/operations' && url.searchParams.get('unfinished') === '1',
        (route) =>
          route.fulfill({
            json: {
              ok: true,
              operations: [
                {
                  id: 'op-a11y',
                  user: 'demo',
                  startedAt: new Date().toISOString(),
                  plan: {
                    summary: `Move ${enis['app-1-data']} to app-2`,
                    steps: [
                      {
                        description: `Detach ${enis['app-1-data']} from app-1.`,
                        cli: 'aws ec2 detach-network-interface',
                      },
                      {
                        description: `Attach ${enis['app-1-data']} to app-2.`,
                        cli: 'aws ec2 attach-network-interface',
                      },
                    ],
                  },
                  steps: [
                    {
                      report: {
                        index: 1,
                        action: 'DetachNetworkInterface',
                        description: 'Detach',
                        outcome: 'done',
                        requestId: 'req-1',
                        note: null,
                      },
                      at: new Date().toISOString(),
                    },
                  ],
                  observed: [{ resource: enis['app-1-data'], state: 'available' }],
                  observedError: null,
                  scope: null,
                },
              ],
            },
          }),
      );
      await ui.open();
      await expect(page.getByTestId('unfinished-operations')).toBeVisible();
      await expectClean(page, 'unfinished operations banner');

      await ui.instance(instances['app-1']!).locator('header button').first().click();
      await page.getByTestId('guest-os-section').getByTestId('guest-os-open').click();
      await expect(page.getByTestId('guest-config-dialog').getByTestId('guest-config-text')).toBeVisible();
      await expectClean(page, 'guest OS dialog');
    });

    test('the failover dialog and a walkthrough’s panel pass axe', async ({ emulator, console: ui, page }) => {
      await emulator.reset('ha-failover');
      const { instances } = await emulator.names();
      await emulator.failInstance(instances['ha-primary']!);
      await ui.open();
      await ui.instance(instances['ha-primary']!).locator('header button').first().click();
      await expect(page.getByTestId('failover-section')).toContainText('impaired');
      await expectClean(page, 'failover section of an impaired instance');
      await page.getByTestId('failover-section').getByTestId('failover-candidate').first().click();
      const dialog = page.getByTestId('failover-dialog');
      await expect(dialog.getByTestId('plan-step')).toHaveCount(2);
      await expectClean(page, 'failover dialog');
      await dialog.getByTestId('failover-rehearse').click();
      await expect(dialog.getByTestId('failover-rehearsal')).toContainText('Nothing was changed');
      await expectClean(page, 'failover dialog, rehearsed');
      await dialog.getByTestId('failover-confirm').click();
      await expect(dialog.getByTestId('failover-done')).toBeVisible({ timeout: 30_000 });
      await expectClean(page, 'failover dialog, done');
      await dialog.getByTestId('failover-close').click();
      await expect(dialog).toHaveCount(0);

      await page.getByTestId('demo-walkthrough').selectOption('ha-failover');
      await expect(page.getByTestId('walkthrough')).toBeVisible();
      await expectClean(page, 'walkthrough panel');
      await emulator.reset('showcase');
    });

    test('the account and region picker of a multi-account scenario passes axe', async ({
      emulator,
      console: ui,
      page,
    }) => {
      await ui.open();
      await page.getByTestId('demo-scenario').selectOption('multi-account');
      await page.getByTestId('demo-reset').click();
      try {
        await expect(page.getByTestId('demo-reset')).toHaveText('Reset', { timeout: 90_000 });
        await expect(page.getByTestId('account-switcher')).toHaveValue('prod', { timeout: 20_000 });
        await page.getByTestId('account-switcher').focus();
        await expectClean(page, 'account and region picker');
      } finally {
        await emulator.reset('showcase');
      }
    });

    test('the narrow layout (rail tabs for pools and details) passes axe', async ({ emulator, console: ui, page }) => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await ui.open();
      await expectClean(page, 'narrow, pools tab');
      await ipHandle(ui, '10.0.1.11').click();
      await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
      await expectClean(page, 'narrow, details tab');
      void emulator;
    });
  });
}
