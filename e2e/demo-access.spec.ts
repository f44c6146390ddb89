// Demo mode stays one command: no sign-in, the header says Demo and names the demo operator; a stale session
// cookie from an earlier sign-in on the same address is explained and can be dropped.
import { expect, test } from './fixtures';

test('the demo needs no sign-in and says it is the demo', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('account')).toContainText('Demo');
  await expect(page.getByTestId('account-name')).toHaveText('Demo operator');
  await expect(page.getByTestId('account-role')).toHaveText('operator');
  await expect(page.getByTestId('sign-out')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeVisible();
});

test('a stale session cookie is not the demo operator; the page says so and drops it', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: 'eni-console.session_token', value: 'from-an-earlier-sign-in', url: baseURL! }]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId('stale-session')).toContainText('earlier sign-in');
  await page.getByRole('button', { name: 'Drop it and continue as the demo operator' }).click();
  await expect(page.getByTestId('account-name')).toHaveText('Demo operator');
});
