import { expect, test, type Page } from '@playwright/test';
import { formatZoned, formatZonedDate } from '@/components/ui/zoned-date';
import { PAGES } from './pages';
import { as } from './support';

test.use(as('admin@acme.test'));

/** The organization's zone, as the transactions view states it. */
async function organizationZone(page: Page): Promise<string> {
  await page.goto('/transactions');
  const line = await page.getByText(/^Balance transactions, newest first\. Times are shown in /).innerText();
  const zone = /Times are shown in (\S+?)\.?$/.exec(line)?.[1];
  if (!zone) throw new Error(`no zone in ${JSON.stringify(line)}`);
  return zone;
}

test('every date on every page is in the organization’s zone, in one format per kind', async ({ page }) => {
  const zone = await organizationZone(page);
  for (const { name, path, ready } of PAGES) {
    await page.goto(path);
    await expect(ready(page)).toBeVisible();
    const times = await page.locator('main time').evaluateAll((elements) =>
      elements.map((element) => ({ iso: element.getAttribute('datetime'), title: element.getAttribute('title'), text: element.textContent ?? '' })),
    );
    for (const { iso, title, text } of times) {
      expect(iso, `${name}: a <time> without its moment`).not.toBeNull();
      // No tooltip of the raw instant: a screen reader would read the moment twice, once as "2026-12-01T22:53:49Z".
      expect(title, `${name}: ${iso} described again by its title`).toBeNull();
      const expected =
        text.length === 10 ? formatZonedDate(iso ?? '', zone) : formatZoned(iso ?? '', zone, text.length === 19);
      expect(text, `${name}: ${iso} shown as ${text}`).toBe(expected);
    }
    // No date written any other way ("1 Dec 2026, 20:06", "12/1/2026"): dates are <time> elements, or none.
    const body = await page.getByRole('main').innerText();
    expect(body, name).not.toMatch(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  }
});

test('the settings screens give their dates in that zone and label it', async ({ page }) => {
  const zone = await organizationZone(page);
  await page.goto('/settings/members');
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('columnheader', { name: `Last sign-in (${zone})` })).toBeVisible();
  // The admin signed in for this test run: that sign-in is a moment in the zone.
  await expect(members.getByRole('row', { name: /admin@acme\.test \(you\)/ }).locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  // An audit entry to date: the organization saved as it is (same name, same zone).
  const origin = `http://localhost:${process.env.E2E_APP_PORT ?? 3311}`;
  const saved = await page.request.fetch('/api/settings/organization', { method: 'PATCH', data: { name: 'Acme Outfitters', timezone: zone }, headers: { Origin: origin } });
  expect(saved.ok()).toBe(true);
  await page.goto('/settings/audit');
  await expect(page.getByRole('columnheader', { name: `When (${zone})` })).toBeVisible();
  // An invitation's expiry is kept as a UTC instant; it is shown as a moment in the zone too.
  const invited = await page.request.fetch('/api/settings/invitations', { method: 'POST', data: { email: 'dates@acme.test', role: 'viewer' }, headers: { Origin: origin } });
  expect(invited.ok()).toBe(true);
  await page.reload();
  const expiry = page.getByRole('listitem').filter({ hasText: /^expiresAt:/ }).first().locator('time');
  await expect(expiry).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await expect(page.getByRole('region', { name: 'Audit log, scrollable' })).toHaveAttribute('tabindex', '0');
  await page.goto('/settings/account');
  await expect(page.getByText(`Sign-in times in ${zone}.`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Signed-in sessions' }).locator('time').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
});
