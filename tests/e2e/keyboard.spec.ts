import { expect, test, type Locator, type Page } from '@playwright/test';
import { PayoutsPage } from './payouts-page';
import { TransactionsPage } from './transactions-page';

/** Presses Tab (or Shift+Tab) until the target has focus; fails after `limit` presses, so tab stops are counted. */
async function tabTo(page: Page, target: Locator, limit = 40, key = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    const reached = await target.evaluate((element) => {
      const active = document.activeElement;
      return active === element;
    });
    if (reached) return presses;
  }
  throw new Error(`not reached with ${limit} Tabs`);
}

test('keyboard only: sign in, filter, page, open a transaction and a payout, export', async ({ page }) => {
  // A session of its own: the sign-in itself is part of the journey.
  await page.goto('/sign-in?callbackUrl=%2Ftransactions');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type('finance@acme.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('fundsight-demo');
  await page.keyboard.press('Enter');
  const transactions = new TransactionsPage(page);
  await expect(transactions.rows.first()).toBeVisible();

  // The skip link is the first stop and lands on the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Filter by type through the Type menu; Escape closes it and gives focus back to its button.
  const typeMenu = page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Type All types' });
  await tabTo(page, typeMenu);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Payment' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/type=payment/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: 'Payment' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Type Payment' })).toBeFocused();

  // The table is one tab stop, which says how to use it; arrows move between rows and Enter opens one.
  await tabTo(page, transactions.rows.first());
  await expect(transactions.rows.first()).toHaveAccessibleDescription('Up and Down arrows move between rows, Enter opens one.');
  await page.keyboard.press('ArrowDown');
  await expect(transactions.rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(transactions.rows.nth(1)).toBeFocused();
  const presses = await tabTo(page, transactions.next);
  expect(presses).toBeLessThanOrEqual(3);

  // Paging keeps focus on Next.
  const first = await transactions.rowIds();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/cursor=/);
  await expect.poll(async () => (await transactions.rowIds())[0]).not.toBe(first[0]);
  await expect(transactions.next).toBeFocused();
  // The new page's tab stop is its first row, not the row the last page was left on.
  await expect(transactions.rows.first()).toHaveAttribute('tabindex', '0');
  await expect(transactions.rows.nth(1)).toHaveAttribute('tabindex', '-1');

  // Export: the dialog opens, the small export downloads by itself, Escape closes it and focus returns to Export.
  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  await tabTo(page, exportButton, 40, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export transactions' });
  await expect(dialog).toBeVisible();
  const download = page.waitForEvent('download');
  await tabTo(page, dialog.getByRole('button', { name: 'Export', exact: true }));
  await page.keyboard.press('Enter');
  await download;
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();

  // The payouts table is one tab stop too: arrows move, the row keeps its place, Enter opens the payout.
  await page.goto('/payouts?status=completed');
  const payouts = new PayoutsPage(page);
  await expect(payouts.rows.first()).toBeVisible();
  await tabTo(page, payouts.rows.first(), 60);
  await page.keyboard.press('ArrowDown');
  await expect(payouts.rows.nth(1)).toBeFocused();
  expect(await tabTo(page, payouts.next)).toBeLessThanOrEqual(2);
  await tabTo(page, payouts.rows.nth(1), 3, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Payout figures' })).toBeVisible();
});
