import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { clearFaults, injectFault, signIn } from './support';

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
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export transactions' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.afterEach(clearFaults);

test('an export runs on the server: close the dialog, find it in My exports, download it when Ready', async ({ page }) => {
  await signIn(page, 'finance@acme.test');
  const accountId = await shoplineAccountId(page);
  const filters = `type=payment,refund&from=${daysAgo(40)}`;
  const dialog = await openExportDialog(page, `account=${accountId}&${filters}&limit=50`);
  await expect(dialog).toContainText('Types: payment, refund');
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  await dialog.getByRole('radio', { name: 'UTC', exact: true }).check();
  await page.screenshot({ path: 'test-results/screenshots/export-dialog.png' });
  // The provider holds its first page for a while: the job is still running when the dialog closes.
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'delay', delayMs: 4_000, times: 1 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(/Queued|written/);
  // Shown only while the job has not ended: the dialog closes on a job still in progress.
  await expect(dialog).toContainText('you may close this dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'My exports' }).click();
  await expect(page.getByRole('heading', { name: 'My exports', level: 1 })).toBeVisible();
  const row = page.getByRole('row', { name: /payment\+refund/ }).first();
  // Still going or, on a busy machine, already done when the page opens; never ended by closing the dialog.
  await expect(row).toContainText(/Queued|Running|Ready/);
  await expect(row).not.toContainText(/Failed|Cancelled/);
  await page.screenshot({ path: 'test-results/screenshots/my-exports-running.png', fullPage: true });
  const download = row.getByRole('link', { name: /^Download/ });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText('Ready');
  await page.screenshot({ path: 'test-results/screenshots/my-exports-ready.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/my-exports-390.png', fullPage: true });
  await page.setViewportSize({ width: 1360, height: 900 });

  const downloading = page.waitForEvent('download');
  await download.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^acme-outfitters-shopline-payments_payment\+refund_from-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await file.path());
  const [header, ...records] = parse(bytes, { bom: true }) as string[][];
  expect(header).toEqual(['id', 'transaction_time', 'type', 'amount', 'fee', 'net', 'currency', 'payout_id', 'payout_status', 'source_order_id']);
  const expected = await apiRows(page, accountId, filters);
  expect(expected.length).toBeGreaterThan(100);
  await expect(row).toContainText(expected.length.toLocaleString('en-US'));
  // Plain ids by default: a CSV is for programs.
  expect(records.map((r) => r[0])).toEqual(expected.map((r) => r.id));
  for (const [index, key] of [[3, 'amount'], [4, 'fee'], [5, 'net']] as const) {
    expect(records.map((r) => r[index])).toEqual(expected.map((r) => r[key]));
    expect(total(records.map((r) => r[index] ?? ''))).toBe(total(expected.map((r) => r[key])));
  }
});

test('after Export, focus is on the progress, which is read out; closing at once leaves a toast that says when the file is ready, with its download', async ({ page }) => {
  await signIn(page, 'finance@acme.test');
  const accountId = await shoplineAccountId(page);
  const dialog = await openExportDialog(page, `account=${accountId}&type=payment&from=${daysAgo(20)}`);
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'delay', delayMs: 2_000, times: 1 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const progress = dialog.getByRole('status');
  await expect(progress).toContainText(/Queued|written|Ready/);
  // The Export button is gone: focus is not dropped to the page but kept on what replaced it.
  await expect.poll(() => progress.evaluate((status) => status.parentElement === document.activeElement)).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();

  const toast = page.getByRole('status').filter({ hasText: 'Export ready' });
  await expect(toast).toContainText(/Export ready: acme-outfitters-shopline-payments_payment_from-.*\.csv, [\d,]+ rows\./, { timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await toast.getByRole('link', { name: 'Download' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^acme-outfitters-shopline-payments_payment_from-/);
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('an export whose dialog is closed before the server answered is still followed to its toast, which fits the screen', async ({ page }) => {
    await signIn(page, 'finance@acme.test');
    const accountId = await shoplineAccountId(page);
    const dialog = await openExportDialog(page, `account=${accountId}&type=refund&from=${daysAgo(20)}`);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    const toast = page.getByRole('status').filter({ hasText: 'Export ready' });
    await expect(toast).toContainText(/Export ready: .*refund.*, [\d,]+ rows?\./, { timeout: 30_000 });
    await expect(toast.getByRole('link', { name: 'Download' })).toBeVisible();
    const box = await toast.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844, JSON.stringify(box)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/screenshots/export-toast-390.png' });
  });
});

test('a small export downloads by itself; the semicolon CSV writes decimal commas; the choices are remembered', async ({ page }) => {
  await signIn(page, 'finance@acme.test');
  const accountId = await shoplineAccountId(page);
  const dialog = await openExportDialog(page, `account=${accountId}&type=refund`);
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  await dialog.getByRole('combobox', { name: 'Delimiter' }).selectOption('semicolon');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await downloading;
  await expect(dialog.getByRole('status')).toContainText('Ready');
  const [header = [], ...records] = parse(await readFile(await file.path()), { bom: true, delimiter: ';' }) as string[][];
  const expected = await apiRows(page, accountId, 'type=refund');
  const amount = header.indexOf('amount');
  expect(records.map((r) => r[amount])).toEqual(expected.map((r) => r.amount.replace('.', ',')));

  await page.reload();
  const again = await openExportDialog(page, `account=${accountId}`);
  await expect(again.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('semicolon');
});

test('an XLSX opened by a spreadsheet reader keeps every 27-digit id exactly, and amounts as numbers', async ({ page }) => {
  await signIn(page, 'finance@acme.test');
  const accountId = await shoplineAccountId(page);
  const dialog = await openExportDialog(page, `account=${accountId}`);
  await dialog.getByRole('radio', { name: /Excel workbook/ }).check();
  await expect(dialog).toContainText('ids stay exact text');
  await page.screenshot({ path: 'test-results/screenshots/export-dialog-xlsx.png' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const expected = await apiRows(page, accountId, '');
  expect(sheet.rowCount - 1).toBe(expected.length);
  const ids: unknown[] = [];
  const amounts: string[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    ids.push(row.getCell(header.indexOf('id') + 1).value);
    const amount = row.getCell(header.indexOf('amount') + 1).value;
    amounts.push(typeof amount === 'number' ? amount.toFixed(2) : `not a number: ${String(amount)}`);
  });
  expect(ids).toEqual(expected.map((r) => r.id));
  expect(ids.every((id) => typeof id === 'string' && /^\d{27}$/.test(id))).toBe(true);
  expect(amounts).toEqual(expected.map((r) => r.amount));
});

test('cancelling a running export stops it, keeps no file, and the audit says cancelled', async ({ browser, page }) => {
  await signIn(page, 'finance@acme.test');
  const accountId = await shoplineAccountId(page);
  const dialog = await openExportDialog(page, `account=${accountId}`);
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'delay', delayMs: 8_000, times: 1 });
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByRole('status')).toContainText('Cancelled');
  await expect(dialog).toContainText('No file was kept');

  const admin = await browser.newPage();
  await signIn(admin, 'admin@acme.test');
  await expect
    .poll(async () => {
      const body = (await (await admin.request.get('/api/exports?limit=5')).json()) as { items: { outcome: string; user: { email: string } }[] };
      return body.items.find((item) => item.user.email === 'finance@acme.test')?.outcome;
    })
    .toBe('cancelled');
  await admin.goto('/exports');
  await expect(admin.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /finance@acme\.test/ }).first()).toContainText('Cancelled');
  await admin.screenshot({ path: 'test-results/screenshots/exports-audit.png', fullPage: true });
  expect(downloads).toBe(0);
});

test('a provider failure is unmistakable: the dialog says so with the provider’s detail and keeps no file', async ({ page }) => {
  await signIn(page, 'finance@acme.test');
  const accountId = await shoplineAccountId(page);
  const dialog = await openExportDialog(page, `account=${accountId}`);
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const failure = dialog.getByRole('alert', { name: 'Export failed' });
  // The job retries the provider with backoff for a bounded time before it gives up.
  await expect(failure).toBeVisible({ timeout: 45_000 });
  await expect(failure).toContainText('unavailable');
  await expect(failure).toContainText('Trace id');
  await expect(failure).toContainText('No file was kept');
  await page.screenshot({ path: 'test-results/screenshots/export-failed.png' });
  expect(downloads).toBe(0);
});

test('only finance and admin may export; a file is served only to its author or an admin of its organization', async ({ browser }) => {
  const viewer = await browser.newPage();
  await signIn(viewer, 'viewer@acme.test');
  const finance = await browser.newPage();
  await signIn(finance, 'finance@acme.test');
  const accountId = await shoplineAccountId(finance);

  expect((await viewer.request.post(`/api/connections/${accountId}/exports/transactions`)).status()).toBe(403);
  expect((await finance.request.get('/api/exports')).status()).toBe(403);
  const bad = await finance.request.post(`/api/connections/${accountId}/exports/transactions?columns=id,secret`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('"columns"');
  await viewer.goto('/exports');
  await expect(viewer).toHaveURL(/denied=1/);

  const started = await finance.request.post(`/api/connections/${accountId}/exports/transactions?type=refund`);
  expect(started.status()).toBe(202);
  const job = (await started.json()) as { id: string };
  await expect.poll(async () => ((await (await finance.request.get(`/api/exports/jobs/${job.id}`)).json()) as { status: string }).status).toBe('ready');
  const file = await finance.request.get(`/api/exports/jobs/${job.id}/file`);
  expect(file.status()).toBe(200);
  // The length and the digest are of the bytes served (Next's drop of Content-Length is patched, see patches/).
  const served = await file.body();
  expect(file.headers()['content-length']).toBe(String(served.byteLength));
  expect(file.headers()['transfer-encoding']).toBeUndefined();
  expect(file.headers().etag).toBe(`"sha256-${createHash('sha256').update(served).digest('hex')}"`);
  const stranger = await browser.newPage();
  await signIn(stranger, 'admin@globex.test');
  expect((await stranger.request.get(`/api/exports/jobs/${job.id}/file`)).status()).toBe(404);
  const admin = await browser.newPage();
  await signIn(admin, 'admin@acme.test');
  expect((await admin.request.get(`/api/exports/jobs/${job.id}/file`)).status()).toBe(200);
});

test('an organization with no exports yet is told so in My exports and in the audit log, not shown a bare heading', async ({ page }) => {
  // No spec exports for Globex.
  await signIn(page, 'admin@globex.test');
  await page.goto('/exports');
  await expect(page.getByRole('heading', { name: 'No exports yet' })).toBeVisible();
  const audit = page.getByRole('region', { name: 'Audit log' });
  await expect(audit).toContainText('No export has ended yet.');
});
