import { expect, test, type APIResponse } from '@playwright/test';
import { signIn } from './support';

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  // `next start` is a production server: HSTS is sent (browsers heed it only over HTTPS).
  expect(headers['strict-transport-security'], what).toContain('max-age=');
}

test.describe('security headers', () => {
  test('every kind of response carries them: pages, API, static files', async ({ page, request }) => {
    const signInPage = await request.get('/sign-in');
    expectSecurityHeaders(signInPage, 'sign-in page');
    const csp = signInPage.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(signInPage.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    expectSecurityHeaders(await request.get('/api/balances'), 'API 401');
    expectSecurityHeaders(await request.get('/icon.svg'), 'public file');
    const script = (await signInPage.text()).match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    expectSecurityHeaders(await request.get(script ?? ''), 'static chunk');

    await signIn(page, 'finance@acme.test');
    const api = await page.request.get('/api/balances', { headers: { 'x-request-id': 'e2e-request-0001' } });
    expectSecurityHeaders(api, 'API 200');
    expect(api.headers()['x-request-id']).toBe('e2e-request-0001');
  });

  test('each page gets a fresh nonce, and the page works under its CSP', async ({ page, request }) => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await request.get('/sign-in')).headers()['content-security-policy'] ?? '')?.[1];
    const [first, second] = [await nonce(), await nonce()];
    expect(first).toBeDefined();
    expect(first).not.toBe(second);

    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, 'finance@acme.test');
    // A client-side navigation (scripts running under the nonce) to a page drawn with recharts' inline styles.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Money flow' })).toBeVisible();
    await expect(page.getByRole('figure').first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('the sign-in and dashboard pages refuse to be framed', async ({ page }) => {
    await signIn(page, 'finance@acme.test');
    for (const path of ['/sign-in', '/']) {
      await page.setContent(`<iframe title="framed" src="${new URL(path, page.url()).toString()}"></iframe>`);
      const frame = page.frameLocator('iframe[title="framed"]');
      // A refused frame stays empty: none of the page's headings render inside it.
      await expect(frame.getByRole('heading')).toHaveCount(0);
    }
  });

  test('a path that is not valid URL encoding is a 400, not a 500', async ({ page }) => {
    await signIn(page, 'finance@acme.test');
    const response = await page.request.get('/api/connections/%/balances');
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: { requestId: string } }).error.requestId).toBeTruthy();
  });
});
