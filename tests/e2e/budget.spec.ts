import { expect, test } from '@playwright/test';
import { demoAccounts, SANDBOX_URL, signIn } from './support';

type Stats = { accounts: Record<string, { requests: number; rateLimited: number }> };
const stats = async (): Promise<Stats> => (await fetch(`${SANDBOX_URL}/__sandbox/stats`)).json() as Promise<Stats>;
const escape = (text: string) => text.replace(/[()]/g, '\\$&');

test('the overview under a burst of SHOPLINE traffic waits for SHOPLINE, then shows balances, not errors; the sandbox sends no 429', async ({ page }) => {
  await fetch(`${SANDBOX_URL}/__sandbox/stats`, { method: 'DELETE' });
  await signIn(page, 'finance@acme.test');
  await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();
  const { connections } = (await (await page.request.get('/api/connections')).json()) as {
    connections: { id: string; provider: string; label: string }[];
  };
  const shopline = connections.find((c) => c.provider === 'shopline' && !c.label.startsWith('TEST ONLY'));
  if (!shopline) throw new Error('no SHOPLINE demo connection');

  // 40 transaction pages at once spend the store's whole budget; the overview's SHOPLINE call waits its turn.
  const burst = Promise.all(
    Array.from({ length: 40 }, () => page.request.get(`/api/connections/${shopline.id}/transactions?limit=50`, { timeout: 60_000 })),
  );
  // Once the store has served the budget's burst, the rest of the pages are queued behind it.
  await expect.poll(async () => (await stats()).accounts['shopline:acme']?.requests ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(15);
  await page.getByRole('button', { name: 'Refresh' }).click();
  // The other accounts answer at once; SHOPLINE's call waits its turn, and the page says so instead of failing.
  await expect(page.getByRole('status').filter({ hasText: /Waiting for SHOPLINE Payments…/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/overview-waiting.png', fullPage: true });
  await expect(page.getByRole('status').filter({ hasText: /Waiting for/ })).toBeHidden({ timeout: 30_000 });

  for (const account of demoAccounts('acme')) {
    await expect(page.getByRole('row', { name: new RegExp(escape(account.label)) }).first()).toBeVisible({ timeout: 30_000 });
  }
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/Figures as of/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/overview-after-burst.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/overview-after-burst-390.png' });

  const pages = await burst;
  expect(pages.map((r) => r.status())).toEqual(Array.from({ length: 40 }, () => 200));
  const store = (await stats()).accounts['shopline:acme'];
  expect(store?.rateLimited).toBe(0);
  expect(store?.requests).toBeGreaterThanOrEqual(41);
});

