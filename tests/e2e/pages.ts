import { expect, type Page } from '@playwright/test';

/** Every signed-in page (Settings as an admin sees them), with what shows it has loaded; the payout detail opens the first payout of the list. */
export const PAGES = [
  { name: 'overview', path: '/', ready: (page: Page) => page.getByRole('region', { name: 'USD', exact: true }) },
  { name: 'transactions', path: '/transactions', ready: (page: Page) => page.getByRole('row', { name: /, transaction \S+$/ }).first() },
  { name: 'payouts', path: '/payouts', ready: (page: Page) => page.getByRole('table', { name: 'Payouts' }).getByRole('link').first() },
  { name: 'flows', path: '/flows', ready: (page: Page) => page.getByRole('heading', { name: /Money in and out per/ }) },
  { name: 'exports', path: '/exports', ready: (page: Page) => page.getByRole('heading', { level: 1 }) },
  { name: 'settings: connections', path: '/settings/connections', ready: (page: Page) => page.getByRole('heading', { name: 'Add a connection' }) },
  { name: 'settings: members', path: '/settings/members', ready: (page: Page) => page.getByRole('heading', { name: 'Invite a colleague' }) },
  { name: 'settings: organization', path: '/settings/organization', ready: (page: Page) => page.getByRole('region', { name: 'Organization' }) },
  { name: 'settings: my account', path: '/settings/account', ready: (page: Page) => page.getByRole('heading', { name: 'Sessions' }) },
  { name: 'settings: audit log', path: '/settings/audit', ready: (page: Page) => page.getByRole('heading', { name: 'Audit log', level: 2 }) },
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
