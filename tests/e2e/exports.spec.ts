import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { as, clearFaults, injectFault, pageAs } from './support';

test.use(as('finance@acme.test'));

const SHOPLINE_LABEL = 'Acme Outfitters (SHOPLINE Payments)';

interface ApiRow {
  id: string;
  amount: string;
  fee: string;
  net: string;
  currency: string;
}

async function shoplineAccountId(page: Page): Promise<string> {
  const body = (await (await page.request.get('/api/connections')).json()) as { connections: { id: string; label: string }[] };
  const account = body.connections.find((c) => c.label === SHOPLINE_LABEL);
  if (!account) throw new Error('no SHOPLINE account');
  return account.id;
}

/** Every row the transactions API lists for the filters, following its cursors. */
async function apiRows(page: Page, accountId: string, filters: string): Promise<ApiRow[]> {
  const rows: ApiRow[] = [];
  let cursor = '';
  for (let i = 0; i < 100; i += 1) {
    const response = await page.request.get(`/api/connections/${accountId}/transactions?${filters}&limit=1000${cursor}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { items: ApiRow[]; nextCursor: string | null };
    rows.push(...body.items);
    if (body.nextCursor === null) return rows;
    cursor = `&cursor=${encodeURIComponent(body.nextCursor)}`;
  }
  throw new Error('too many pages');
}

const cents = (amount: string) => {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};
const total = (values: string[]) => values.reduce((sum, value) => sum + cents(value), 0n);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function openExportDialog(page: Page, search: string) {
  await page.goto(`/transactions?${search}`);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.afterEach(clearFaults);

test('Export CSV downloads every row matching the filters, equal to the API row for row and cent for cent', async ({ page }) => {
  await page.goto('/');
  const accountId = await shoplineAccountId(page);
  const filters = `type=payment,refund&from=${daysAgo(40)}`;
  const dialog = await openExportDialog(page, `account=${accountId}&${filters}&limit=50`);
  await expect(dialog).toContainText('Types: payment, refund');
  await dialog.getByRole('combobox', { name: 'Delimiter' }).selectOption('semicolon');
  await dialog.getByRole('radio', { name: 'UTC', exact: true }).check();
  await page.screenshot({ path: 'test-results/screenshots/export-dialog.png' });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^acme-outfitters-shopline-payments_payment\+refund_from-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
  expect(header).toEqual(['id', 'transaction_time', 'type', 'amount', 'fee', 'net', 'currency', 'payout_id', 'payout_status', 'source_order_id']);

  const expected = await apiRows(page, accountId, filters);
  expect(expected.length).toBeGreaterThan(100);
  await expect(dialog.getByRole('status')).toContainText(`Exported ${expected.length.toLocaleString('en-US')} rows`);
  expect(records.map((r) => r[0]?.replace(/^'/, ''))).toEqual(expected.map((r) => r.id));
  expect(records.every((r) => /^'\d{27}$/.test(r[0] ?? ''))).toBe(true);
  for (const [index, key] of [[3, 'amount'], [4, 'fee'], [5, 'net']] as const) {
    expect(records.map((r) => r[index])).toEqual(expected.map((r) => r[key]));
    expect(total(records.map((r) => r[index] ?? ''))).toBe(total(expected.map((r) => r[key])));
  }

  // The choices are remembered in this browser.
  await page.reload();
  const again = await openExportDialog(page, `account=${accountId}`);
  await expect(again.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('semicolon');
  await expect(again.getByRole('radio', { name: 'UTC', exact: true })).toBeChecked();
});

test('Export CSV on a payout’s page downloads exactly that payout’s transactions', async ({ page }) => {
  await page.goto('/');
  const accountId = await shoplineAccountId(page);
  const payouts = (await (await page.request.get(`/api/connections/${accountId}/payouts?status=completed&limit=25`)).json()) as {
    items: { id: string }[];
  };
  const payoutId = payouts.items[0]?.id;
  if (!payoutId) throw new Error('no completed payout');
  await page.goto(`/payouts/${payoutId}?account=${accountId}`);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog).toContainText(`Payout ${payoutId}`);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toContain(`_payout-${payoutId}_`);
  const [header = [], ...records] = parse(await readFile(await download.path()), { bom: true }) as string[][];
  const column = (name: string) => header.indexOf(name);
  const expected = await apiRows(page, accountId, `payout_id=${payoutId}`);
  expect(records.map((r) => r[column('id')]?.replace(/^'/, ''))).toEqual(expected.map((r) => r.id));
  expect(new Set(records.map((r) => r[column('payout_id')]?.replace(/^'/, '')))).toEqual(new Set([payoutId]));
  expect(total(records.map((r) => r[column('net')] ?? ''))).toBe(total(expected.map((r) => r.net)));
});

test('cancelling an export midway stops it, saves no file, and the audit says cancelled', async ({ browser, page }) => {
  await page.goto('/');
  const accountId = await shoplineAccountId(page);
  const dialog = await openExportDialog(page, `account=${accountId}`);
  // After the page's own list request, so the export's first provider page is the one held up.
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'delay', delayMs: 8_000, times: 1 });
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('written');
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByRole('status')).toContainText('Export cancelled');
  await expect(dialog).toContainText('No file was saved');

  const admin = await pageAs(browser, 'admin@acme.test');
  await admin.goto('/');
  await expect
    .poll(async () => {
      const body = (await (await admin.request.get('/api/exports?limit=5')).json()) as { items: { outcome: string; user: { email: string } }[] };
      return body.items.find((item) => item.user.email === 'finance@acme.test')?.outcome;
    })
    .toBe('cancelled');
  await admin.goto('/exports');
  await expect(admin.getByRole('heading', { name: 'Exports' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /finance@acme\.test/ }).first()).toContainText('Cancelled');
  await admin.screenshot({ path: 'test-results/screenshots/exports-audit.png', fullPage: true });
  expect(downloads).toBe(0);
});

test('a provider failure is unmistakable: the dialog says so with the provider’s detail and saves nothing', async ({ page }) => {
  await page.goto('/');
  const accountId = await shoplineAccountId(page);
  const dialog = await openExportDialog(page, `account=${accountId}`);
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const failure = dialog.getByRole('alert', { name: 'Export failed' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('unavailable');
  await expect(failure).toContainText('No file was saved');
  await page.screenshot({ path: 'test-results/screenshots/export-failed.png' });
  expect(downloads).toBe(0);
});

test('only finance and admin may export, and only admins see the audit', async ({ browser }) => {
  const viewer = await pageAs(browser, 'viewer@acme.test');
  await viewer.goto('/');
  const finance = await pageAs(browser, 'finance@acme.test');
  await finance.goto('/');
  const accountId = await shoplineAccountId(finance);

  const refused = await viewer.request.get(`/api/connections/${accountId}/exports/transactions`);
  expect(refused.status()).toBe(403);
  expect((await finance.request.get('/api/exports')).status()).toBe(403);
  const bad = await finance.request.get(`/api/connections/${accountId}/exports/transactions?columns=id,secret`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('"columns"');
  await finance.goto('/exports');
  await expect(finance).toHaveURL(/denied=1/);
});
