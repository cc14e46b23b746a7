import { expect, test, type Page } from '@playwright/test';
import { horizontalOverflow, openPayoutDetail, PAGES } from './pages';
import { as } from './support';

test.use({ ...as('admin@acme.test'), viewport: { width: 390, height: 844 } });

// The narrowest phones in use (360 px) and the common one (390 px).
for (const width of [360, 390]) {
  test.describe(`every page at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const { name, path, ready } of PAGES) {
      test(`${name} does not scroll sideways, under a top bar of one line`, async ({ page }) => {
        await page.goto(path);
        await expect(ready(page)).toBeVisible();
        const { scrollWidth, innerWidth } = await horizontalOverflow(page);
        expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
        // A page shorter than the screen once stretched the bar to 135 px of blank space.
        const bar = await page.getByRole('complementary').boundingBox();
        expect(bar?.height).toBeLessThanOrEqual(64);
        if (width === 360) await page.screenshot({ path: `test-results/screenshots/${name.replace(/\W+/g, '-')}-360.png`, fullPage: true });
      });
    }
  });
}

test.describe('on a phone (390 × 844)', () => {
  test('a payout’s detail does not scroll sideways', async ({ page }) => {
    await openPayoutDetail(page);
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  test('the members table scrolls in its own named region that a keyboard can focus, not the page', async ({ page }) => {
    await page.goto('/settings/members');
    const table = page.getByRole('table', { name: 'Members' });
    await expect(table.getByRole('row', { name: /admin@acme\.test/ })).toBeVisible();
    const region = page.getByRole('region', { name: 'Members, scrollable' });
    await expect(region).toHaveAttribute('tabindex', '0');
    await expect(region.getByRole('table', { name: 'Members' })).toBeVisible();
    await region.focus();
    await expect(region).toBeFocused();
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  test('the navigation folds behind a Menu button that keyboards and screen readers can use', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Transactions' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await nav.getByRole('link', { name: 'Payouts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
    await expect(nav).toBeHidden();
  });

  test('the export dialog fits, its Export button on screen', async ({ page }) => {
    await page.goto('/transactions');
    await expect(PAGES[1].ready(page)).toBeVisible();
    await page.getByRole('button', { name: /^Export/ }).click();
    const dialog = page.getByRole('dialog');
    const button = dialog.getByRole('button', { name: /^Export/ });
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  // With one type chosen, the Type button is narrow enough to sit at the right of the Payout ID field.
  for (const [name, search] of [[/^Type/, '?type=refund'], [/^Type/, ''], [/^Columns/, '']] as const) {
    test(`the ${name.source.slice(1)} menu opens inside the screen${search ? ` (${search})` : ''}`, async ({ page }) => {
      await page.goto(`/transactions${search}`);
      await expect(PAGES[1].ready(page)).toBeVisible();
      const button = page.getByRole('button', { name });
      await button.click();
      const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"] fieldset`);
      await expect(panel).toBeVisible();
      const box = await panel.boundingBox();
      await page.screenshot({ path: `test-results/screenshots/menu-${name.source.slice(1).toLowerCase()}${search ? '-chosen' : ''}-390.png` });
      expect(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box)).toBe(true);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    });
  }
});

test.describe('on a wide screen (1,440 px)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('Flows as a table stays inside the page; its tables scroll in their own focusable region', async ({ page }) => {
    await page.goto('/flows?period=90d&currency=USD&account=all');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const region = page.getByRole('region', { name: 'Money in and out per week (USD)' });
    await expect(region).toBeVisible();
    await expect(region).toHaveAttribute('tabindex', '0');
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});

/** Cells of the overview's balance tables whose content runs past their own edge (into the next column, or out of the card). */
async function overflowingBalanceCells(page: Page): Promise<string[]> {
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'USD balances by account' })).toBeVisible();
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('table.balances-table th, table.balances-table td')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.textContent ?? ''),
  );
}

for (const width of [390, 1280]) {
  test.describe(`the overview at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('every balance figure, heading and account name stays inside its column (the table scrolls instead)', async ({ page }) => {
      expect(await overflowingBalanceCells(page)).toEqual([]);
    });
  });
}
