import { expect, type Page } from '@playwright/test';

/** Every signed-in page, with what shows it has loaded; the payout detail opens the first payout of the list. */
export const PAGES = [
  { name: 'overview', path: '/', ready: (page: Page) => page.getByRole('region', { name: 'USD', exact: true }) },
  { name: 'transactions', path: '/transactions', ready: (page: Page) => page.getByRole('row', { name: /^Transaction / }).first() },
  { name: 'payouts', path: '/payouts', ready: (page: Page) => page.getByRole('table', { name: 'Payouts' }).getByRole('link').first() },
  { name: 'flows', path: '/flows', ready: (page: Page) => page.getByRole('heading', { name: /Money in and out per/ }) },
  { name: 'exports', path: '/exports', ready: (page: Page) => page.getByRole('heading', { level: 1 }) },
] as const;

export async function openPayoutDetail(page: Page): Promise<void> {
  await page.goto('/payouts');
  await page.getByRole('table', { name: 'Payouts' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Payout figures' })).toBeVisible();
}

/** The page's own width against the window's: a page-level sideways scroll shows as a difference. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}
