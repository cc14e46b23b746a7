import { expect, test, type Page } from '@playwright/test';
import { as, clearFaults, injectFault } from './support';
import { TransactionsPage } from './transactions-page';

test.use(as('finance@acme.test'));

const table = (page: Page) => new TransactionsPage(page).table;
const bodyRows = (page: Page) => new TransactionsPage(page).rows;
const rowIds = (page: Page) => new TransactionsPage(page).rowIds();

test.describe('transactions', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Transactions' }).click();
    await expect(bodyRows(page).first()).toBeVisible();
  });

  test('a row is named by what it is, how much and when, its id last, so a screen reader says more than a number', async ({ page }) => {
    const name = await bodyRows(page).first().getAttribute('aria-label');
    expect(name).toMatch(/^[A-Z][a-z].* -?[A-Z]{3}\u00a0[\d,]+(\.\d+)?(, net -?[A-Z]{3}\u00a0[\d,.]+)?, \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}, transaction \S+$/);
    const cells = await bodyRows(page).first().getByRole('cell').allInnerTexts();
    expect(cells.join(' ')).toContain(/, (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}),/.exec(name ?? '')?.[1] ?? 'no time in the name');
  });

  test('filtering by payout status shows only those rows, is kept in the URL and survives a reload', async ({ page }) => {
    await page.getByRole('combobox', { name: 'Payout status' }).selectOption({ label: 'Completed' });
    await expect(page).toHaveURL(/payout_status=completed/);
    await expect(table(page).getByRole('cell', { name: 'In progress' })).toHaveCount(0);
    const statuses = table(page).getByRole('row', { name: /, transaction \S+$/ }).getByText(/^(Completed|In progress|Accepted by bank|Failed|Retrying)$/);
    await expect(statuses.first()).toBeVisible();
    expect(new Set(await statuses.allInnerTexts())).toEqual(new Set(['Completed']));

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Payout status' })).toHaveValue('completed');
    expect(new Set(await statuses.allInnerTexts())).toEqual(new Set(['Completed']));
    await page.screenshot({ path: 'test-results/screenshots/transactions.png', fullPage: false });
  });

  test('a page size set in the URL outside the usual ones is the one the select shows, as on payouts', async ({ page }) => {
    await page.goto('/transactions?limit=37');
    await expect(bodyRows(page)).toHaveCount(37);
    const size = page.getByRole('combobox', { name: 'Rows per page' });
    await expect(size).toHaveValue('37');
    await expect(size.getByRole('option')).toHaveText(['37', '50', '100', '250', '1000']);
  });

  test('Next and Previous follow the cursor and come back to the same rows', async ({ page }) => {
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
    await expect(bodyRows(page)).toHaveCount(50);
    const first = await rowIds(page);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect.poll(async () => (await rowIds(page))[0]).not.toBe(first[0]);
    const second = await rowIds(page);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(BigInt(second[0]!)).toBeLessThan(BigInt(first.at(-1)!));

    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => rowIds(page)).toEqual(first);
    await page.goBack();
    await expect.poll(() => rowIds(page)).toEqual(second);
  });

  test('a row opens a panel with every field, and Escape closes it', async ({ page }) => {
    const [id] = await rowIds(page);
    await bodyRows(page).first().press('Enter');
    const panel = page.getByRole('dialog');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(id!);
    for (const label of ['Transaction ID', 'Source type', 'Fee', 'Settlement', 'Exchange rate', 'Payout status', 'Order ID', 'Payment ID']) {
      await expect(panel.getByText(label, { exact: true })).toBeVisible();
    }
    await expect(panel.getByRole('button', { name: 'Copy Transaction ID' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/transaction-detail.png' });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  test('a type and date filter walks the provider pages and keeps only matches', async ({ page }) => {
    await page.getByText('All types').click();
    const types = page.getByRole('group', { name: 'Filters' });
    // The boxes follow the URL: each is checked once the navigation it starts has landed.
    await types.getByRole('checkbox', { name: 'Refund', exact: true }).click();
    await expect(types.getByRole('checkbox', { name: 'Refund', exact: true })).toBeChecked();
    await types.getByRole('checkbox', { name: 'Chargeback', exact: true }).click();
    await expect(types.getByRole('checkbox', { name: 'Chargeback', exact: true })).toBeChecked();
    await expect(page).toHaveURL(/type=refund%2Cchargeback/);
    await page.getByLabel('From').fill('2020-01-01');
    await expect(page).toHaveURL(/from=2020-01-01/);
    await expect(bodyRows(page).first()).toBeVisible();
    const shown = await bodyRows(page).evaluateAll((rows) => rows.map((row) => row.children[1]?.textContent ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((type) => type !== 'Refund' && type !== 'Chargeback')).toEqual([]);
  });
});

test('a provider failure while paging shows the error with its trace id, and the rows on screen stay', async ({ page }) => {
  await page.goto('/transactions');
  await expect(bodyRows(page).first()).toBeVisible();
  const shown = await rowIds(page);
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
  try {
    await page.getByRole('button', { name: 'Next' }).click();
    const alert = page.getByRole('alert', { name: 'Transactions could not be loaded' });
    await expect(alert).toContainText('unavailable');
    await expect(alert).toContainText(/Trace ID [0-9a-f]{32}/);
    expect(await rowIds(page)).toEqual(shown);
    await clearFaults();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toBeHidden();
    await expect.poll(async () => (await rowIds(page))[0]).not.toBe(shown[0]);
  } finally {
    await clearFaults();
  }
});

test.describe('as a viewer', () => {
  test.use(as('viewer@acme.test'));

  test('a viewer cannot open transactions, by page or by API', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Transactions' })).toHaveCount(0);
    await page.goto('/transactions');
    await expect(page).toHaveURL(/\/\?denied=1/);
    await expect(page.getByText('That page needs the finance or admin role')).toBeVisible();
    const accounts = (await (await page.request.get('/api/connections')).json()) as { connections: { id: string }[] };
    const response = await page.request.get(`/api/connections/${accounts.connections[0]!.id}/transactions`);
    expect(response.status()).toBe(403);
  });
});
