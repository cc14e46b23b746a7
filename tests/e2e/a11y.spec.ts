import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { openPayoutDetail, PAGES } from './pages';
import { as } from './support';

test.use(as('admin@acme.test'));

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const { name, path, ready } of PAGES) {
      test(`${name} has no serious or critical violations`, async ({ page }) => {
        await page.goto(path);
        await expect(ready(page)).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('a payout’s detail has no serious or critical violations', async ({ page }) => {
      await openPayoutDetail(page);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the flows table view has no serious or critical violations', async ({ page }) => {
      await page.goto('/flows');
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await expect(page.getByRole('table', { name: /Money in and out per/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sign-in has no serious or critical violations, light and dark', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/sign-in');
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
});
