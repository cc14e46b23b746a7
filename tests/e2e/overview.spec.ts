import { expect, test } from '@playwright/test';
import { as, clearFaults, demoAccounts, formatted, genpaymentBalance, injectFault, normalizeSpaces, pageAs } from './support';

test.use(as('finance@acme.test'));

test.afterEach(clearFaults);

test('the overview shows each account as the sandbox holds it, one card per currency', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();

  for (const key of ['acme-genpayment-us', 'acme-genpayment-jp']) {
    const held = await genpaymentBalance(key);
    const card = page.getByRole('region', { name: held.currency, exact: true });
    const row = card.getByRole('row', { name: new RegExp(held.label.replace(/[()]/g, '\\$&')) });
    const text = normalizeSpaces(await row.innerText());
    expect(text).toContain(formatted(held.settlingAmount, held.currency));
    expect(text).toContain(formatted(held.settlementedAmount, held.currency));
  }

  const labels = demoAccounts('acme').map((a) => a.label);
  for (const label of labels) await expect(page.getByRole('row', { name: new RegExp(label.replace(/[()]/g, '\\$&')) }).first()).toBeVisible();
  await expect(page.getByRole('alert', { name: /failed to load/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/overview.png', fullPage: true });
});

test('a failing provider shows on its own account while the others render, and Retry recovers it', async ({ page }) => {
  await injectFault({ provider: 'genpayment', account: 'acme-us', kind: 'status', status: 503 });
  await page.goto('/');
  // Balances seen in the last 30 s come from the cache; Refresh asks the providers again.
  await page.getByRole('button', { name: 'Refresh' }).click();

  const failure = page.getByRole('alert', { name: /Acme Outfitters US \(GenPayment\) failed to load/ });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('unavailable');
  const japan = await genpaymentBalance('acme-genpayment-jp');
  const jpyCard = page.getByRole('region', { name: 'JPY', exact: true });
  await expect(jpyCard).toContainText('Acme Outfitters Japan');
  expect(normalizeSpaces(await jpyCard.innerText())).toContain(formatted(japan.settlementedAmount, 'JPY'));
  await page.screenshot({ path: 'test-results/screenshots/overview-failure.png', fullPage: true });

  await clearFaults();
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(failure).toBeHidden();
  const us = await genpaymentBalance('acme-genpayment-us');
  const usCard = page.getByRole('region', { name: 'USD', exact: true });
  await expect(usCard).toContainText(/Acme Outfitters US/);
  expect(normalizeSpaces(await usCard.innerText())).toContain(formatted(us.settlementedAmount, 'USD'));
});

test('a currency card whose NeoX balance total is not available + frozen is flagged on the card and on the row', async ({ browser }) => {
  const page = await pageAs(browser, 'finance@globex.test');
  await page.goto('/');
  const card = page.getByRole('region', { name: 'GBP', exact: true });
  await expect(card).toBeVisible();
  const flag = card.getByRole('note', { name: 'GBP total mismatch' });
  await expect(flag).toContainText('Total ≠ available + frozen.');
  await expect(flag).toContainText('Globex Trading (NeoX Global Collections)');
  await expect(card.getByText('1 mismatch', { exact: true })).toBeVisible();
  await expect(card.getByRole('row', { name: /Total ≠ available \+ frozen/ })).toHaveCount(1);
  // Cards without a mismatch carry no flag.
  await expect(page.getByRole('region', { name: 'EUR', exact: true }).getByRole('note')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/overview-mismatch.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.screenshot({ path: 'test-results/screenshots/overview-mismatch-390.png' });
});
