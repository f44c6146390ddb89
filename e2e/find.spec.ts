// Finding and sharing: search by MAC, filters that combine and count, and a URL that reproduces the
// view in a new page, with back and forward walking through selections.
import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { expect, test } from './fixtures';
import { eniHandle, openConsole } from './steps';

test('a search by MAC address finds the ENI, highlights it and opens its details', async ({
  emulator,
  console: ui,
  page,
}) => {
  const { enis } = await emulator.names();
  const eniId = enis['app-1-data']!;
  const eni = (await emulator.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] })))
    .NetworkInterfaces![0]!;
  const mac = eni.MacAddress!;
  await ui.open();
  await page.keyboard.press('/');
  // Typed as Cisco writes it: the separators do not matter.
  const hex = mac.replace(/:/g, '');
  await page.keyboard.type(`${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`);
  await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText(`MAC ${mac}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-panel')).toContainText(mac);
  await expect(page.getByTestId('detail-panel')).toContainText(eniId);
  await expect(ui.eni(eniId)).toBeInViewport();
  await expect(eniHandle(ui, eniId)).toBeFocused();

  await page.keyboard.press('/');
  await page.keyboard.type('ff:ff:ff:ff:ff:ff');
  await expect(page.getByTestId('search-results')).toContainText('No match for “ff:ff:ff:ff:ff:ff”');
});

test('filters combine and count; a copied URL opens the same filters and selection; back and forward work', async ({
  emulator,
  console: ui,
  page,
  context,
}) => {
  const { instances } = await openConsole(emulator, ui);
  const count = page.getByTestId('filter-count');
  await expect(count).toContainText('9 instances');
  await page.getByTestId('filter-type').selectOption('t3.micro');
  await expect(count).toContainText('2 of 9 instances');
  await page.getByTestId('filter-free-eni').check();
  // bastion has room for another ENI; monitor (2 of 2) does not.
  await expect(count).toContainText('1 of 9 instances');
  await expect(ui.instance(instances['bastion']!)).toBeVisible();
  await expect(ui.instance(instances['monitor']!)).toHaveCount(0);
  await expect(ui.instance(instances['web-1']!)).toHaveCount(0);
  await ui
    .instance(instances['bastion']!)
    .getByRole('button', { name: /bastion/ })
    .first()
    .click();
  await expect(page.getByTestId('detail-panel')).toContainText(instances['bastion']!);
  await expect(page).toHaveURL(/type=t3\.micro/);
  await expect(page).toHaveURL(/sel=instance/);

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('topology')).toBeVisible({ timeout: 30_000 });
  await expect(other.getByTestId('filter-type')).toHaveValue('t3.micro');
  await expect(other.getByTestId('filter-free-eni')).toBeChecked();
  await expect(other.getByTestId('filter-count')).toContainText('1 of 9 instances');
  await expect(other.getByTestId('detail-panel')).toContainText(instances['bastion']!);
  await expect(other.getByTestId(`instance-${instances['monitor']}`)).toHaveCount(0);
  await other.close();

  // A second selection is a new history entry: back returns to bastion, forward to the stopped db-1.
  await page.getByTestId('filter-type').selectOption('');
  await page.getByTestId('filter-free-eni').uncheck();
  await page.getByTestId('filter-state').selectOption('stopped');
  await expect(count).toContainText('1 of 9 instances');
  await ui.instance(instances['db-1']!).getByRole('button', { name: /db-1/ }).first().click();
  await expect(page.getByTestId('detail-panel')).toContainText(instances['db-1']!);
  await page.goBack();
  await expect(page.getByTestId('detail-panel')).toContainText(instances['bastion']!);
  await page.goForward();
  await expect(page.getByTestId('detail-panel')).toContainText(instances['db-1']!);
  await expect(page.getByTestId('filter-state')).toHaveValue('stopped');
});

test('the compact density shows one line per instance with its slot counts, and opens in place', async ({
  emulator,
  console: ui,
  page,
}) => {
  const { instances } = await openConsole(emulator, ui);
  await page.getByTestId('density-compact').click();
  const line = page.getByTestId(`instance-line-${instances['web-1']}`);
  await expect(line).toContainText('ENIs 1/3');
  await expect(line).toContainText('IPs 4/6');
  await expect(line).toContainText('3 public · $0.015/h');
  await expect(page).toHaveURL(/density=compact/);
  // A search for an address on web-1 opens its line into the card, on the address.
  await page.keyboard.press('/');
  await page.keyboard.type('10.0.1.12');
  await page.keyboard.press('Enter');
  await expect(ui.ip('10.0.1.12')).toBeVisible();
  await expect(line).toHaveCount(0);
  await page.getByRole('button', { name: 'Fold web-1 to one line' }).click();
  await expect(line).toBeVisible();
});

test('Export JSON downloads the snapshot, or under filters the part the view shows', async ({
  emulator,
  console: ui,
  page,
}) => {
  await ui.open();
  // The same account read again: equal to what the page holds but for the time of reading.
  const {
    snapshot: { fetchedAt: _at, ...snapshot },
  } = (await (await page.request.get('/api/topology')).json()) as { snapshot: Record<string, unknown> };
  const read = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const path = await download.path();
    return JSON.parse(await (await import('node:fs/promises')).readFile(path, 'utf8')) as {
      instances: { id: string; state: string }[];
      fetchedAt: string;
    };
  };
  const { fetchedAt: _fetched, ...all } = await read();
  expect(all).toEqual(snapshot);
  await page.getByTestId('filter-state').selectOption('stopped');
  const stopped = await read();
  expect(stopped.instances.map((i) => i.state)).toEqual(['stopped']);
  void emulator;
});
