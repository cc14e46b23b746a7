import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { as, formatted } from './support';
import { TransactionsPage } from './transactions-page';

test.use(as('finance@acme.test'));

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Exact decimal sum of 2-decimal strings, as a decimal string (bigint cents, never a float). */
function sum(values: readonly string[]): string {
  const cents = values.reduce((total, value) => {
    const negative = value.startsWith('-');
    const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
    const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
    return total + (negative ? -minor : minor);
  }, 0n);
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

test('the totals of a filtered set equal the sums of its exported rows, per currency', async ({ page }) => {
  const transactions = new TransactionsPage(page);
  await transactions.open(`type=payment,refund&from=${daysAgo(30)}&limit=50`);
  await expect(transactions.totals).toBeVisible();
  const status = page.getByRole('region', { name: 'Sums for these filters' }).getByRole('status');
  await expect(status).toHaveText(/^[\d,]+ transactions$/, { timeout: 45_000 });

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export transactions' });
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const [header, ...records] = parse(await readFile(await (await downloading).path()), { bom: true }) as string[][];
  await dialog.getByRole('button', { name: 'Close' }).click();
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const [amount, fee, net, currency] = ['amount', 'fee', 'net', 'currency'].map(column);
  expect([amount, fee, net, currency].every((index) => index !== undefined && index >= 0)).toBe(true);

  expect(await status.innerText()).toBe(`${records.length.toLocaleString('en-US')} transactions`);
  const currencies = [...new Set(records.map((r) => r[currency!] ?? ''))].sort();
  const rows = transactions.totals.getByRole('row');
  await expect(rows).toHaveCount(currencies.length + 1);
  for (const code of currencies) {
    const mine = records.filter((r) => r[currency!] === code);
    const row = transactions.totals.getByRole('row', { name: new RegExp(`^${code} `) });
    const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.replace(/\s/g, ' '));
    expect(cells).toEqual([
      mine.length.toLocaleString('en-US'),
      formatted(sum(mine.map((r) => r[amount!] ?? '')), code),
      formatted(sum(mine.map((r) => r[fee!] ?? '')), code),
      formatted(sum(mine.map((r) => r[net!] ?? '')), code),
    ]);
  }
});
