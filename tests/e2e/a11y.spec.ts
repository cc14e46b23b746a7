import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPayoutDetail, PAGES } from './pages';
import { as } from './support';

test.use(as('admin@acme.test'));

/** Serious and critical WCAG 2.1 A/AA violations, as "rule: target" lines so a failure names each element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

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
