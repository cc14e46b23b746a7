import { expect, test, type Page } from '@playwright/test';
import type { PayoutDetailDto, PayoutsPageDto } from '@/lib/payouts/schema';
import type { ConnectionsResponseDto } from '@/lib/connections/schema';
import { PayoutsPage } from './payouts-page';
import { as, clearFaults, formatted, injectFault, normalizeSpaces } from './support';

test.use(as('finance@acme.test'));

test.afterEach(clearFaults);

async function payoutsAccountId(page: Page): Promise<string> {
  const { connections } = (await (await page.request.get('/api/connections')).json()) as ConnectionsResponseDto;
  const account = connections.find((connection) => connection.capabilities.payouts);
  if (!account) throw new Error('no account lists payouts');
  return account.id;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const negate = (amount: string) => (amount.startsWith('-') ? amount.slice(1) : `-${amount}`);

test('a finance user filters payouts by status; the URL keeps the filter across a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payouts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  const payouts = new PayoutsPage(page);
  await expect(payouts.rows).toHaveCount(50);
  await page.screenshot({ path: 'test-results/screenshots/payouts.png', fullPage: true });

  const accountId = await payoutsAccountId(page);
  const failed = await apiJson<PayoutsPageDto>(page, `/api/connections/${accountId}/payouts?status=failed`);
  expect(failed.items.length).toBeGreaterThan(0);

  await payouts.filterStatus('Failed');
  await expect(page).toHaveURL(/[?&]status=failed(&|$)/);
  await expect.poll(() => payouts.ids()).toEqual(failed.items.map((p) => p.id));
  for (const text of await payouts.rows.allInnerTexts()) {
    expect(text).toContain('Failed');
    expect(text).not.toMatch(/Completed|In progress|Accepted by bank|Retrying/);
  }

  await page.reload();
  await expect(payouts.status).toHaveValue('failed');
  await expect.poll(() => payouts.ids()).toEqual(failed.items.map((p) => p.id));

  await payouts.setRange('2001-01-01', '2001-01-31');
  await expect(page).toHaveURL(/from=2001-01-01&to=2001-01-31/);
  await expect(page.getByRole('heading', { name: 'No payouts match these filters' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/payouts-empty.png' });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/status=|from=|to=/);
  await expect(payouts.rows).toHaveCount(50);

  // Back goes through each filter the URL held, Forward returns.
  await page.goBack();
  await expect(page).toHaveURL(/from=2001-01-01&to=2001-01-31/);
  await expect(page.getByRole('heading', { name: 'No payouts match these filters' })).toBeVisible();
  await page.goForward();
  await expect(payouts.rows).toHaveCount(50);
});

test('Next and Previous follow the cursor, and back/forward show the same pages', async ({ page }) => {
  const payouts = new PayoutsPage(page);
  await payouts.open();
  await payouts.pageSize.selectOption('25');
  await expect(page).toHaveURL(/limit=25/);
  await expect(payouts.rows).toHaveCount(25);
  const { previous, next } = payouts;
  await expect(previous).toBeDisabled();
  const firstPage = await payouts.ids();

  await next.click();
  await expect(page).toHaveURL(/cursor=/);
  await expect.poll(() => payouts.ids()).not.toEqual(firstPage);
  const secondPage = await payouts.ids();
  expect(secondPage).toHaveLength(25);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);

  await previous.click();
  await expect.poll(() => payouts.ids()).toEqual(firstPage);
  await expect(previous).toBeDisabled();

  await page.goBack();
  await expect.poll(() => payouts.ids()).toEqual(secondPage);
  await page.goForward();
  await expect.poll(() => payouts.ids()).toEqual(firstPage);
  await page.goBack();
  await page.reload();
  await expect.poll(() => payouts.ids()).toEqual(secondPage);
});

test('a page that fails shows the message and trace id, keeps its rows, and Retry recovers', async ({ page }) => {
  // A page size no other test asks for: payout lists are cached for a minute, and the fault must meet the provider.
  const payouts = new PayoutsPage(page);
  await payouts.open('limit=24');
  await expect(payouts.rows).toHaveCount(24);
  const firstPage = await payouts.ids();

  await injectFault({ provider: 'shopline', account: 'acme', path: 'payouts.json', kind: 'status', status: 503 });
  await payouts.next.click();
  const alert = page.getByRole('alert', { name: 'Payouts could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('Trace ID');
  await expect(alert.getByRole('button', { name: 'Copy trace ID' })).toBeVisible();
  expect(await payouts.ids()).toEqual(firstPage);
  await page.screenshot({ path: 'test-results/screenshots/payouts-error.png' });

  await clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toBeHidden();
  await expect.poll(() => payouts.ids()).not.toEqual(firstPage);
  await expect(payouts.rows).toHaveCount(24);
});

test('opening a payout from the list with the keyboard shows it reconciled on sandbox data', async ({ page }) => {
  await page.goto('/');
  const accountId = await payoutsAccountId(page);
  const payouts = new PayoutsPage(page);
  await payouts.open('status=completed');
  const [payoutId = ''] = await payouts.ids();
  const detail = await apiJson<PayoutDetailDto>(page, `/api/connections/${accountId}/payouts/${payoutId}`);

  // The table is one tab stop: the first row takes it, Down moves to the second and Up back, Enter opens.
  await payouts.rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(payouts.rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(payouts.row(payoutId)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/payouts/${payoutId}\\?account=${accountId}&list=status%3Dcompleted`));
  const reconciliation = page.getByRole('region', { name: 'Reconciliation' });
  await expect(reconciliation).toContainText('Reconciled');
  expect(normalizeSpaces(await reconciliation.innerText())).toContain(formatted(detail.payout.amount, detail.payout.currency));
  await expect(page.getByRole('table', { name: 'Payout transactions' }).getByRole('row')).toHaveCount(
    Math.min(detail.transactions.length, 100) + 1,
  );
  await expect(page.getByRole('link', { name: 'Open in Transactions' })).toHaveAttribute(
    'href',
    `/transactions?account=${accountId}&payout_id=${payoutId}`,
  );
  // The count and its sentence are one text, so a screen reader speaks them as one phrase (Orca spoke a lone "20." when
  // the count was a text node of its own).
  const count = detail.transactions.length;
  const note = page.getByText(new RegExp(`^${count} transactions?, newest first, times in `));
  await expect(note).toBeVisible();
  expect(await note.evaluate((p) => [...p.childNodes].map((node) => node.nodeName))).toEqual(['#text']);
  await page.screenshot({ path: 'test-results/screenshots/payout-detail.png', fullPage: true });

  await page.getByRole('link', { name: 'All payouts' }).click();
  await expect(page).toHaveURL(new RegExp(`/payouts\\?account=${accountId}&status=completed$`));
  await expect(payouts.status).toHaveValue('completed');
});

test('a failed payout says so first, says where the money went, and is never shown as reconciled', async ({ page }) => {
  await page.goto('/');
  const accountId = await payoutsAccountId(page);
  const [failed] = (await apiJson<PayoutsPageDto>(page, `/api/connections/${accountId}/payouts?status=failed&limit=25`)).items;
  if (!failed) throw new Error('the sandbox has no failed payout');
  await page.goto(`/payouts/${failed.id}?account=${accountId}`);

  const state = page.getByRole('region', { name: /^Failed: the money never reached your bank/ });
  await expect(state).toBeVisible();
  await expect(state).toContainText('returned to the account’s balance');
  const heading = page.getByRole('heading', { level: 2 }).first();
  await expect(heading).toHaveText(/^Failed/);
  const reconciliation = page.getByRole('region', { name: 'Reconciliation' });
  await expect(reconciliation).toContainText('back in the balance, not in the bank');
  // No piece of it that a screen reader stops on alone, saying only ':' (Orca did, on a hidden colon).
  await expect(reconciliation.getByText(':', { exact: true })).toHaveCount(0);
  await expect(reconciliation).not.toContainText('Reconciled');
  await expect(page.getByText('✓ Reconciled')).toHaveCount(0);
  // A screen reader meets the state first: the reconciliation is read after it, in page order, and is not a
  // live region that would be announced (before the state) as it appears.
  const stateFirst = await state.evaluate(
    (stateElement, other) => Boolean(other && stateElement.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING),
    await reconciliation.elementHandle(),
  );
  expect(stateFirst).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'back in the balance' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/payout-failed.png', fullPage: true });
});

test('a transaction the provider drops shows as the exact difference', async ({ page }) => {
  await page.goto('/');
  const accountId = await payoutsAccountId(page);
  const [payout] = (await apiJson<PayoutsPageDto>(page, `/api/connections/${accountId}/payouts?status=completed&limit=25`)).items;
  if (!payout) throw new Error('no completed payout');
  const detailPath = `/api/connections/${accountId}/payouts/${payout.id}`;
  const complete = await apiJson<PayoutDetailDto>(page, detailPath);

  await injectFault({ provider: 'shopline', account: 'acme', kind: 'drop_transaction', payoutId: payout.id });
  const damaged = await apiJson<PayoutDetailDto>(page, detailPath);
  const kept = new Set(damaged.transactions.map((row) => row.id));
  const dropped = complete.transactions.filter((row) => !kept.has(row.id));
  expect(dropped).toHaveLength(1);
  const difference = negate(dropped[0]?.net ?? '');

  await page.goto(`/payouts/${payout.id}?account=${accountId}`);
  const reconciliation = page.getByRole('region', { name: 'Reconciliation' });
  await expect(reconciliation).toContainText('Not reconciled');
  const text = normalizeSpaces(await reconciliation.innerText());
  expect(text).toContain(`difference of ${formatted(difference, payout.currency)}`);
  expect(text).toContain(formatted(payout.amount, payout.currency));
  await page.screenshot({ path: 'test-results/screenshots/payout-detail-difference.png', fullPage: true });
});

test('an unknown payout shows a friendly not-found state', async ({ page }) => {
  await page.goto('/');
  const accountId = await payoutsAccountId(page);
  await page.goto(`/payouts/1?account=${accountId}`);
  await expect(page.getByRole('heading', { name: 'Payout not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to payouts' }).click();
  await expect(new PayoutsPage(page).rows).toHaveCount(50);
});

test.describe('as a viewer', () => {
  test.use(as('viewer@acme.test'));

  test('a viewer cannot open Payouts and the API refuses them', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payouts' })).toHaveCount(0);
    await page.goto('/payouts');
    await expect(page).toHaveURL(/\/\?denied=1$/);
    const accountId = await payoutsAccountId(page);
    await page.goto(`/payouts/1?account=${accountId}`);
    await expect(page).toHaveURL(/\/\?denied=1$/);
    expect((await page.request.get(`/api/connections/${accountId}/payouts`)).status()).toBe(403);
    expect((await page.request.get(`/api/connections/${accountId}/payouts/1`)).status()).toBe(403);
  });
});

test('a payout status the provider does not document is shown as "unknown (raw value)", and the filter offers only documented ones', async ({ page }) => {
  await injectFault({ provider: 'shopline', account: 'acme', kind: 'payout_status', value: 'on hold' });
  // A page size no other test asks for, so the list comes from the provider and not from the minute's cache.
  const payouts = new PayoutsPage(page);
  await payouts.open('limit=49');
  await expect(payouts.rows).toHaveCount(49);
  for (const text of await payouts.rows.allInnerTexts()) expect(text).toContain('unknown (on hold)');
  const options = await payouts.status.getByRole('option').allInnerTexts();
  expect(options.map((o) => o.trim())).toEqual(['Any status', 'In progress', 'Accepted by bank', 'Completed', 'Failed', 'Retrying']);

  // The last row: the first ones were opened by other specs, and a settled payout is answered from the day's cache.
  await payouts.rows.last().getByRole('link').click();
  await expect(page.getByText('unknown (on hold)').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/payout-unknown-status.png', fullPage: true });
});
