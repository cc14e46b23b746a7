import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support';

test.describe('signing in', () => {
  test('a page without a session leads to sign-in, then back to where the person was going', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  for (const [session, cookie] of [
    ['no session', null],
    // A cookie the server no longer accepts (expired, revoked or forged): the proxy lets it pass, the page refuses it.
    ['an expired session', 'expired.session.token'],
  ] as const) {
    test(`a full page load with ${session} keeps the deep link: sign-in returns to it`, async ({ page, baseURL }) => {
      const deepLink = '/transactions?payout_id=4200000001&from=2026-11-01';
      if (cookie) await page.context().addCookies([{ name: 'next-auth.session-token', value: cookie, url: baseURL ?? '' }]);
      await page.goto(deepLink);
      await expect(page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('callbackUrl') === deepLink);
      await page.getByLabel('Email').fill('finance@acme.test');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === deepLink);
      await expect(page.getByRole('heading', { name: 'Transactions', level: 1 })).toBeVisible();
    });
  }

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('finance@globex.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('the API answers 401 without a session', async ({ request }) => {
    const response = await request.get('/api/balances');
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), requestId: expect.any(String) } });
  });

  test('a foreign callbackUrl is not followed: signing in lands on the dashboard', async ({ page }) => {
    const ours = new URL(test.info().project.use.baseURL ?? '').host;
    for (const callbackUrl of ['/\\evil.example', '//evil.example', 'https://evil.example/', '/\t/evil.example']) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel('Email').fill('finance@acme.test');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();
      expect(new URL(page.url()).host, callbackUrl).toBe(ours);
      expect(new URL(page.url()).pathname, callbackUrl).toBe('/');
    }
    // Signed in, the sign-in page itself redirects, and only to this site.
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('/\\evil.example')}`);
    await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  test('signing out leads back to sign-in and the dashboard is closed again', async ({ page }) => {
    // A user no other spec reuses: signing out may end every session of that user.
    await signIn(page, 'admin@globex.test');
    await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get('/api/balances')).status()).toBe(401);
  });
});
