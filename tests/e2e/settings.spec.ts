import { expect, test, type Page } from '@playwright/test';
import { SettingsPage } from './settings-page';
import { accountOf, SANDBOX_URL, signIn } from './support';

const SHOTS = 'test-results/screenshots';
const COLLEAGUE = 'colleague@globex.test';
const COLLEAGUE_PASSWORD = 'a long colleague password';
const LABEL = 'Globex CN store (SHOPLINE)';

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1360.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1360, height: 900 });
}

test('an admin connects a SHOPLINE store, invites a colleague as finance, then demotes them to viewer', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const store = accountOf('cnstore', 'shopline');
  await signIn(page, 'admin@globex.test');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const settings = new SettingsPage(page);

  // Connect from the form: a wrong token is refused by the test, the right one passes, then it can be saved.
  await settings.fillNewConnection('SHOPLINE Payments', LABEL, {
    'Store handle': store.handle,
    'Access token': 'not-the-token',
    'Base URL': `${SANDBOX_URL}/shopline/${store.handle}`,
  });
  await expect(settings.saveConnection).toBeDisabled();
  await settings.testConnection.click();
  await expect(page.getByText(/refused the credentials \(401\)/)).toBeVisible();
  await expect(settings.saveConnection).toBeDisabled();
  await page.getByLabel('Access token').fill(store.accessToken);
  await settings.testConnection.click();
  await expect(page.getByText(/^Connected: SHOPLINE Payments answered with balances in/)).toBeVisible();
  await settings.saveConnection.click();
  const card = settings.connection(LABEL, 'SHOPLINE Payments');
  await expect(card).toBeVisible();
  await expect(card.getByText(/^Set, last changed on/)).toBeVisible();
  await expect(card.getByText(store.accessToken)).toHaveCount(0);
  await shoot(page, 'settings-connections');

  // Its balances on the overview.
  await page.getByRole('link', { name: 'Balances' }).click();
  await expect(page.getByText(LABEL).first()).toBeVisible();

  // Invite a colleague as finance; with no SMTP the link is shown to copy.
  await settings.open('members');
  const link = await settings.invite(COLLEAGUE, 'finance');
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
  await expect(settings.pendingInvitations).toContainText(COLLEAGUE);
  await shoot(page, 'settings-members');

  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole('heading', { name: 'Join Globex Trading' })).toBeVisible();
  await colleague.getByLabel('Your name').fill('Casey Colleague');
  await colleague.getByLabel('Choose a password').fill(COLLEAGUE_PASSWORD);
  await colleague.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(colleague.getByRole('heading', { name: 'Balances' })).toBeVisible();
  await colleague.getByRole('link', { name: 'Transactions' }).click();
  const rows = colleague.getByRole('table', { name: 'Balance transactions' }).getByRole('row', { name: /, transaction \S+$/ });
  await expect(rows.first()).toBeVisible();

  // The link works once.
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This invitation was already used' })).toBeVisible();
  await again.close();

  // Demote to viewer: the colleague's open transactions page stops working at its next request.
  await page.reload();
  await settings.roleOf(COLLEAGUE).selectOption('viewer');
  await expect(settings.roleOf(COLLEAGUE)).toHaveValue('viewer');
  await colleague.getByRole('button', { name: 'Next' }).click();
  await expect(colleague.getByRole('alert', { name: 'Transactions could not be loaded' })).toContainText('Your role does not allow this.');
  await colleague.reload();
  await expect(colleague.getByText('That page needs the finance or admin role')).toBeVisible();
  await colleagueContext.close();

  // The last admin is protected; clean up what this test added.
  await settings.roleOf('admin@globex.test').selectOption('viewer');
  await expect(page.getByText(/needs at least one admin/)).toBeVisible();
  await settings.removeMember(COLLEAGUE);
  await expect(page.getByText(COLLEAGUE)).toHaveCount(0);
  await settings.open('connections');
  await settings.removeConnection(LABEL, 'SHOPLINE Payments');
  await settings.open('audit');
  await expect(page.getByRole('cell', { name: /connection\.create/ })).toBeVisible();
  await shoot(page, 'settings-audit');
});

test('a form with bad values keeps what was typed and says what is wrong next to each field', async ({ page }) => {
  await signIn(page, 'admin@globex.test');
  const settings = new SettingsPage(page);
  await settings.open('connections');
  await settings.fillNewConnection('NeoX Global Collections', 'Kept label', { 'Base URL': 'https://gc.neox.example/v2' });
  await settings.testConnection.click();
  const subMerchant = page.getByLabel('Sub-merchant id');
  await expect(subMerchant).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Base URL')).toHaveAccessibleDescription(/Leave the API path "\/v2" out/);
  await expect(page.getByLabel('Label')).toHaveValue('Kept label');
  await shoot(page, 'settings-connection-errors');
});

test('an admin sets the time zone; My account lists sessions and ends another one', async ({ browser, page }) => {
  await signIn(page, 'admin@acme.test');
  const settings = new SettingsPage(page);
  await settings.open('organization');
  await settings.setTimeZone('Mars/Olympus');
  await expect(settings.timeZone).toHaveAccessibleDescription(/Choose a time zone from the list/);
  await settings.setTimeZone('Asia/Tokyo');
  await expect(settings.saved).toBeVisible();
  await page.reload();
  await expect(settings.timeZone).toHaveValue('Asia/Tokyo');
  await shoot(page, 'settings-organization');
  await settings.setTimeZone('America/New_York');
  await expect(settings.saved).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'admin@acme.test');
  await settings.open('account');
  const { sessions, endSessionButtons: ends } = settings;
  await expect(ends.first()).toBeVisible();
  await expect(sessions.getByText('This session')).toHaveCount(1);
  await shoot(page, 'settings-account');
  // Every other session of this user ends (earlier specs may have signed in as this user too).
  for (let left = await ends.count(); left > 0; left -= 1) {
    await ends.first().click();
    await expect(ends).toHaveCount(left - 1);
  }
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  await other.goto('/settings/account');
  await expect(other).toHaveURL(/\/sign-in/);
});

test('a connection whose label names its provider is not read with the provider twice', async ({ page }) => {
  await signIn(page, 'admin@acme.test');
  await page.goto('/settings/connections');
  // The demo's labels name their provider: "Acme Outfitters (SHOPLINE Payments)".
  const card = page.getByRole('article', { name: 'Acme Outfitters (SHOPLINE Payments)', exact: true });
  await expect(card.getByRole('button', { name: 'Test Acme Outfitters (SHOPLINE Payments)', exact: true })).toBeVisible();
});
