import { expect, test } from '@playwright/test';
import { as } from './support';
import { TransactionsPage } from './transactions-page';

test.use(as('finance@acme.test'));

test('values in a link the page cannot use are named, with what was applied instead', async ({ page }) => {
  await page.goto('/transactions?payout_status=bogus&limit=99999');
  const notice = page.getByRole('status', { name: 'Link values not applied' });
  await expect(notice).toContainText('payout_status=bogus is not valid here; showing no filter for it instead.');
  await expect(notice).toContainText('limit=99999 is not valid here; showing limit=100 instead.');
  await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveValue('100');

  await page.goto('/payouts?status=bogus');
  await expect(page.getByRole('status', { name: 'Link values not applied' })).toContainText('status=bogus');
  await page.goto('/transactions?payout_status=completed');
  await expect(page.getByRole('row', { name: /, transaction \S+$/ }).first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Link values not applied' })).toHaveCount(0);
});

test('views that cover only some accounts say which, from the providers’ declared capabilities', async ({ page }) => {
  const connections = (await (await page.request.get('/api/connections')).json()) as {
    connections: { label: string; providerName: string; capabilities: { transactions: boolean; payouts: boolean } }[];
  };
  const capable = connections.connections.filter((c) => c.capabilities.transactions);
  const expected = `Covers ${capable.length} of ${connections.connections.length} accounts`;
  expect(capable.length).toBeLessThan(connections.connections.length);

  await page.goto('/transactions');
  const note = page.getByRole('note');
  await expect(note).toContainText(expected);
  for (const account of capable) await expect(note).toContainText(account.label);
  for (const name of new Set(connections.connections.filter((c) => !c.capabilities.transactions).map((c) => c.providerName))) {
    await expect(note).toContainText(name);
  }
  // The statement, then one text for the rest: Orca spoke a phrase per text node when each value was its own.
  expect(await note.evaluate((p) => [...p.childNodes].map((node) => node.nodeName))).toEqual(['STRONG', '#text']);
  await expect(note.locator('strong')).toHaveText(`${expected}:`);
  await page.goto('/payouts');
  await expect(page.getByRole('note')).toContainText('Covers');
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Money flow' }).getByRole('note')).toContainText(expected);
});

test('a date preset sets From and To in the organization’s zone and stays selected after a reload', async ({ page }) => {
  const transactions = new TransactionsPage(page);
  await transactions.open();
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Last 7 days' });
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const from = new URL(page.url()).searchParams.get('from') ?? '';
  const to = new URL(page.url()).searchParams.get('to') ?? '';
  expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('7d');
  await expect(page.getByLabel('From')).toHaveValue(from);
});

test('Copy says so when the clipboard refuses, and a toast explains', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.goto('/payouts');
  const copy = page.getByRole('table', { name: 'Payouts' }).getByRole('button', { name: /^Copy payout ID/ }).first();
  await copy.click();
  await expect(copy).toHaveText('Copy failed');
  await expect(page.getByRole('status').filter({ hasText: 'Could not copy the payout ID' })).toBeVisible();
});

test('the theme follows the system until one is chosen, and the choice is painted by the server', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const root = page.locator('html');
  await expect(root).not.toHaveAttribute('data-theme', /./);
  const toggle = page.getByRole('button', { name: /^Theme: System/ });
  await toggle.click();
  await expect(root).toHaveAttribute('data-theme', 'light');
  const html = await (await page.request.get('/')).text();
  expect(html).toMatch(/<html[^>]*data-theme="light"/);
  await page.getByRole('button', { name: /^Theme: Light/ }).click();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(root).toHaveAttribute('data-theme', 'dark');
});

test('the overview and Flows load without a page error (hydration included) or a failed request', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`${page.url()}: ${message.text()}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Money flow' }).getByRole('note')).toBeVisible();
  await page.goto('/flows');
  await expect(page.getByRole('figure', { name: /Money in and out per/ }).getByTestId('flow-bar').first()).toBeVisible();
  expect(problems).toEqual([]);
});
