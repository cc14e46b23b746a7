import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './support';

const origin = () => `http://localhost:${process.env.E2E_APP_PORT ?? 3311}`;
const send = (request: APIRequestContext, method: string, url: string, data: unknown = {}, headers = { Origin: origin() }) =>
  request.fetch(url, { method, data, headers });

async function connectionIds(page: Page): Promise<string[]> {
  const response = await page.request.get('/api/settings/connections');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { id: string }[]).map((c) => c.id);
}

test('a revoked session’s next API call is 401 (sign out everywhere)', async ({ browser }) => {
  const first = await browser.newPage();
  const second = await (await browser.newContext()).newPage();
  // A user whose session no other spec keeps (see SIGNED_IN_USERS): signing out everywhere ends them all.
  await signIn(first, 'admin@globex.test');
  await signIn(second, 'admin@globex.test');
  expect((await second.request.get('/api/connections')).status()).toBe(200);
  expect((await send(first.request, 'POST', '/api/settings/account/sign-out-everywhere')).status()).toBe(204);
  expect((await second.request.get('/api/connections')).status()).toBe(401);
  expect((await first.request.get('/api/connections')).status()).toBe(401);
});

test('settings routes: admins only, own organization only, same origin only', async ({ browser }) => {
  const globexAdmin = await browser.newPage();
  await signIn(globexAdmin, 'admin@globex.test');
  const [globexConnection] = await connectionIds(globexAdmin);
  const members = await globexAdmin.request.get('/api/settings/connections');
  expect(members.status()).toBe(200);

  const acmeAdmin = await (await browser.newContext()).newPage();
  await signIn(acmeAdmin, 'admin@acme.test');
  const id = globexConnection ?? 'conn_missing';
  for (const [method, url, data] of [
    ['PATCH', `/api/settings/connections/${id}`, { label: 'Taken over' }],
    ['DELETE', `/api/settings/connections/${id}`, {}],
    ['PUT', `/api/settings/connections/${id}/credentials`, { credentials: { accessToken: 'x' } }],
    ['POST', `/api/settings/connections/${id}/test`, {}],
  ] as const) {
    const response = await send(acmeAdmin.request, method, url, data);
    expect(response.status(), `${method} ${url}`).toBe(404);
  }
  expect(await connectionIds(globexAdmin)).toContain(id);
  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, 'finance@acme.test');
  expect((await finance.request.get('/api/settings/connections')).status()).toBe(403);
  expect((await send(finance.request, 'PATCH', '/api/settings/organization', { name: 'X', timezone: 'UTC' })).status()).toBe(403);
  expect((await send(acmeAdmin.request, 'PATCH', '/api/settings/organization', { name: 'Acme Outfitters', timezone: 'Mars/Olympus' })).status()).toBe(400);
  const crossSite = await send(acmeAdmin.request, 'PATCH', '/api/settings/organization', { name: 'X', timezone: 'UTC' }, { Origin: 'https://evil.example' });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe('cross_origin');
});
