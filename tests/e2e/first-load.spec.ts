import { expect, test, type Page } from '@playwright/test';
import { openPayoutDetail, PAGES } from './pages';
import { as } from './support';

test.use(as('admin@acme.test'));

/**
 * The first Intl call of a page starts the browser's ICU: 25–50 ms of one main-thread task here, 100–200 ms on
 * Lighthouse's phone. The dashboard pages format money, counts and dates without it while they load and
 * hydrate (lib/format/numbers, lib/domain/zone-offsets, lib/flows/format); a chart drawn later may use it.
 */
function countIntl() {
  const calls: string[] = [];
  (globalThis as unknown as { __intlCalls: string[] }).__intlCalls = calls;
  const intl = Intl as unknown as Record<string, unknown>;
  for (const name of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter', 'DisplayNames']) {
    const original = intl[name];
    if (typeof original !== 'function') continue;
    intl[name] = new Proxy(original, {
      construct(target, args, newTarget) {
        calls.push(`new Intl.${name}`);
        return Reflect.construct(target, args, newTarget);
      },
      apply(target, self, args) {
        calls.push(`Intl.${name}()`);
        return Reflect.apply(target, self, args);
      },
    });
  }
  const methods: [object, string][] = [
    [Number.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleDateString'],
    [Date.prototype, 'toLocaleTimeString'],
    [String.prototype, 'localeCompare'],
  ];
  for (const [proto, name] of methods) {
    const record = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = record[name]!;
    record[name] = function (this: unknown, ...args: unknown[]) {
      calls.push(name);
      return original.apply(this, args);
    };
  }
}

/**
 * Waits until the page has loaded, React has hydrated it and the browser has been idle (what waits for idle,
 * as the charts do, has run), and returns the Intl calls made by then. Sections that hydrate when scrolled to
 * or touched (HydrateOnView) are not opened.
 */
async function intlCallsOnceIdle(page: Page, ready: ReturnType<(typeof PAGES)[number]['ready']>): Promise<string[]> {
  await expect(ready).toBeVisible();
  const main = page.locator('main');
  await expect.poll(() => main.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber')))).toBe(true);
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        requestIdleCallback(() => requestIdleCallback(() => resolve([...(globalThis as unknown as { __intlCalls: string[] }).__intlCalls]))),
      ),
  );
}

test.describe('pages load and hydrate without starting Intl', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(countIntl);
  });

  for (const { name, path, ready } of PAGES.filter((p) => !p.path.startsWith('/settings'))) {
    test(`${name}`, async ({ page }) => {
      await page.goto(path);
      expect(await intlCallsOnceIdle(page, ready(page))).toEqual([]);
    });
  }

  test('a payout’s detail', async ({ page }) => {
    await openPayoutDetail(page);
    await page.reload();
    expect(await intlCallsOnceIdle(page, page.getByRole('heading', { name: 'Payout figures' }))).toEqual([]);
  });
});
