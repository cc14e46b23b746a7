import { expect, test } from '@playwright/test';
import { as, demoAccounts, pageAs } from './support';

test.use(as('viewer@acme.test'));

test('a user of one merchant cannot reach another merchant’s accounts through a page or the API', async ({ browser }) => {
  const globex = await pageAs(browser, 'finance@globex.test');
  await globex.goto('/');
  const overview = (await (await globex.request.get('/api/balances')).json()) as { accounts: { connectionId: string }[] };
  const globexIds = overview.accounts.map((a) => a.connectionId);
  expect(globexIds.length).toBeGreaterThan(0);

  const acme = await pageAs(browser, 'finance@acme.test');
  await acme.goto('/');
  await expect(acme.getByRole('heading', { name: 'Balances' })).toBeVisible();
  for (const account of demoAccounts('globex')) await expect(acme.getByText(account.label)).toHaveCount(0);

  for (const id of globexIds) {
    const response = await acme.request.get(`/api/connections/${id}/balances`);
    expect(response.status()).toBe(404);
  }
  const missing = await acme.request.get('/api/connections/conn_does_not_exist/balances');
  expect(missing.status()).toBe(404);
  // The same answer as another merchant's account; only the request id differs.
  const withoutId = async (response: { json(): Promise<unknown> }) => {
    const { error } = (await response.json()) as { error: { requestId?: string } };
    delete error.requestId;
    return error;
  };
  expect(await withoutId(missing)).toEqual(await withoutId(await acme.request.get(`/api/connections/${globexIds[0]}/balances`)));
});

test('a wrong query parameter is a 400 naming it', async ({ page }) => {
  await page.goto('/');
  const response = await page.request.get('/api/balances?currency=USD');
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({
    error: { code: 'invalid_parameter', message: 'Unknown query parameter "currency".', requestId: expect.any(String) },
  });
});
