// The console as `npm start` serves a team: nobody gets in without signing in, and a viewer sees everything and
// can change nothing — no drag handle, no Undo — with their name and role in the header.
import { expect, test } from '@playwright/test';
import { E2E_TEAM_PORT } from '../playwright.config';
import { teamAccounts } from '../lib/testing/team-accounts';

test.use({ baseURL: `http://127.0.0.1:${E2E_TEAM_PORT}` });

test('a page load without a session lands on the sign-in page, and the API answers 401', async ({ page, request }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const audit = await request.get('/api/audit');
  expect(audit.status()).toBe(401);
  expect(await audit.json()).toMatchObject({ ok: false, code: 'unauthenticated' });
});

test('a wrong password is refused with a message and recorded', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-username').fill(teamAccounts.viewer.name);
  await page.getByTestId('sign-in-password').fill('not the password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong user name or password.');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a viewer signs in, sees the topology with no drag handle and no Undo, the header names them, and signs out', async ({
  page,
}) => {
  const { name, password } = teamAccounts.viewer;
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-username').fill(name);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('account-name')).toHaveText(name);
  await expect(page.getByTestId('account-role')).toHaveText('viewer');
  await expect(page.getByTestId('read-only-notice')).toContainText('change nothing');

  const topology = page.getByTestId('topology');
  await expect(topology.locator('[data-testid^="eni-eni-"]').first()).toBeVisible();
  // dnd-kit marks every draggable activator; a viewer's page has none, nor the grab cursor, nor Undo.
  await expect(page.locator('[aria-roledescription="draggable"]')).toHaveCount(0);
  await expect(page.locator('.cursor-grab')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toHaveCount(0);

  // The record shows the sign-in (the Activity tab of the side rail).
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(
    page.getByTestId('activity-panel').getByTestId('audit-entry').filter({ hasText: 'signed in' }).first(),
  ).toContainText(name);
  await page.screenshot({ path: 'e2e/artifacts/team-viewer.png' });

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an operator gets drag handles and Undo', async ({ page }) => {
  const { name, password } = teamAccounts.operator;
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-username').fill(name);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('account-role')).toHaveText('operator');
  await expect(page.locator('[aria-roledescription="draggable"]').first()).toBeAttached();
  await expect(page.getByTestId('undo')).toBeVisible();
  await expect(page.getByTestId('read-only-notice')).toHaveCount(0);
});
