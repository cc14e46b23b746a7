import { expect, test, type Page } from '@playwright/test';
import { bucketTitle } from '@/lib/flows/format';
import { formatCount } from '@/lib/format/numbers';
import type { FlowsDto } from '@/lib/flows/schema';
import { SERIES_KEYS } from '@/lib/flows/series';
import { cellTexts, FlowsPage } from './flows-page';
import { as, clearFaults, formatted, injectFault, pageAs } from './support';

test.use(as('finance@acme.test'));

const isZero = (decimal: string) => /^-?0(\.0+)?$/.test(decimal);

async function api(page: Page, search: string): Promise<FlowsDto> {
  const response = await page.request.get(`/api/flows?${search}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as FlowsDto;
}

test('the Flows page draws the sandbox’s money flow, and its tables hold the API’s exact numbers', async ({ page }) => {
  const search = 'period=30d&currency=USD&account=all';
  const flows = new FlowsPage(page);
  await flows.open(search);
  await flows.expectBars(/Money in and out per day in USD/);
  await expect(flows.figure(/Where the period's USD came from/).getByTestId('sankey-link').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/flows.png', fullPage: true });

  const data = await api(page, search);
  expect(data.totals.count).toBeGreaterThan(0);
  // The status line is one text once settled, so a screen reader speaks it as one phrase, not in pieces.
  const status = page.getByText(/ cut in .* transactions/);
  await expect(status).toHaveText(new RegExp(` · Days cut in ${data.timeZone.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · ${formatCount(data.totals.count)} transactions`));
  await expect.poll(() => status.evaluate((p) => [...p.childNodes].map((node) => node.nodeName))).toEqual(['#text']);

  // The first view is a picture of the same bars, named for screen readers, drawn without chart code.
  await expect(flows.figure(/per day in USD/).getByRole('img', { name: /^Bar chart of money in and out per day in USD/ })).toBeVisible();
  // Tooltips show the bucket's exact amounts; legend entries hide and show their series.
  const bars = flows.bars(/per day in USD/);
  await flows.wakeChart(/per day in USD/);
  await bars.nth(3).hover();
  const tooltip = page.getByRole('group', { name: /^Details of / }).first();
  await expect(tooltip).toContainText('Net');
  await page.screenshot({ path: 'test-results/screenshots/flows-tooltip.png' });
  const nets = data.buckets.map((bucket) => `Net${formatted(bucket.net, 'USD')}`.replace(/\s/g, ''));
  expect(nets).toContain((await tooltip.getByTestId('tooltip-net').innerText()).replace(/\s/g, ''));
  const payouts = flows.seriesShown.getByRole('button', { name: 'Payouts' });
  const before = await bars.count();
  await payouts.click();
  await expect(payouts).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => bars.count()).toBeLessThan(before);
  await payouts.click();
  await expect.poll(() => bars.count()).toBe(before);

  await flows.tableView.click();

  const used = SERIES_KEYS.filter((key) => !isZero(data.totals.series[key]));
  const buckets = flows.table('Money in and out per day (USD)');
  for (const bucket of data.buckets) {
    const row = buckets.getByRole('row', { name: bucketTitle(bucket), exact: false }).first();
    expect(await cellTexts(row)).toEqual([
      bucketTitle(bucket),
      formatted(bucket.in, 'USD'),
      formatted(bucket.out, 'USD'),
      formatted(bucket.net, 'USD'),
      String(bucket.count),
      ...used.map((key) => formatted(bucket.series[key], 'USD')),
    ]);
  }

  const typeRows = flows.bodyRows('Transactions by type (USD)');
  await expect(typeRows).toHaveCount(data.byType.length);
  for (const [i, type] of data.byType.entries()) {
    const cells = await cellTexts(typeRows.nth(i));
    expect(cells.slice(1)).toEqual([String(type.count), formatted(type.amount, 'USD'), formatted(type.fee, 'USD'), formatted(type.net, 'USD')]);
  }
  expect((await cellTexts(flows.totalsRow('Transactions by type (USD)'))).slice(1)).toEqual([
    String(data.typeTotals.count),
    formatted(data.typeTotals.amount, 'USD'),
    formatted(data.typeTotals.fee, 'USD'),
    formatted(data.typeTotals.net, 'USD'),
  ]);

  const flow = flows.bodyRows('Flow of the period (USD)');
  await expect(flow).toHaveCount(data.sankey.links.length);
  const labels = new Map(data.sankey.nodes.map((node) => [node.key, node.label]));
  for (const [i, link] of data.sankey.links.entries()) {
    expect(await cellTexts(flow.nth(i))).toEqual([labels.get(link.source), labels.get(link.target), formatted(link.value, 'USD')]);
  }
  await page.screenshot({ path: 'test-results/screenshots/flows-table.png', fullPage: true });
});

test('switching currency and period updates the URL and the chart', async ({ page }) => {
  const flows = new FlowsPage(page);
  await flows.open('period=30d&currency=USD&account=all');
  await flows.expectBars(/in USD/);

  await flows.currency.selectOption('CAD');
  await expect(page).toHaveURL(/[?&]currency=CAD(&|$)/);
  await flows.expectBars(/Money in and out per day in CAD/);
  const cad = await api(page, 'period=30d&currency=CAD&account=all');
  await expect(page.getByRole('region', { name: 'Money in and out per day' })).toContainText(`net ${formatted(cad.totals.net, 'CAD')}`);

  await flows.period('90 days').click();
  await expect(page).toHaveURL(/[?&]period=90d(&|$)/);
  await expect(page).toHaveURL(/[?&]currency=CAD(&|$)/);
  await flows.expectBars(/Money in and out per week in CAD/);
  const weekly = await api(page, 'period=90d&currency=CAD&account=all');
  expect(weekly.granularity).toBe('week');
  await expect(page.getByRole('region', { name: /Money in and out per week/ })).toContainText(`net ${formatted(weekly.totals.net, 'CAD')}`);
  await page.screenshot({ path: 'test-results/screenshots/flows-90d-cad.png', fullPage: true });

  await page.goBack();
  await expect(page).toHaveURL(/[?&]period=30d(&|$)/);
  await flows.expectBars(/per day in CAD/);
  await page.goForward();
  await expect(page).toHaveURL(/[?&]period=90d(&|$)/);
  await flows.expectBars(/per week in CAD/);
});

test('a period without transactions suggests a wider one', async ({ page }) => {
  await new FlowsPage(page).open('from=2020-01-01&to=2020-01-31&currency=USD&account=all');
  await expect(page.getByRole('heading', { name: /No USD transactions from Jan 1 – 31, 2020/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/flows-empty.png' });
  await page.getByRole('button', { name: /Show the year up to Jan 31, 2020/ }).click();
  await expect(page).toHaveURL(/from=2019-01-31&to=2020-01-31/);
});

test('the overview shows the money flow below the balances, for finance but not for viewers', async ({ page, browser }) => {
  await page.goto('/');
  const widget = page.getByRole('region', { name: 'Money flow' });
  await expect(widget).toBeVisible();
  await expect(page.getByRole('region', { name: 'USD', exact: true })).toBeVisible();
  // The chart is drawn once it scrolls into view.
  await widget.scrollIntoViewIfNeeded();
  await new FlowsPage(page).expectBars(/Money in and out per day/);
  await expect(widget.getByRole('link', { name: /Open Flows/ })).toHaveAttribute('href', /\/flows\?period=30d&currency=USD&account=all/);
  await page.screenshot({ path: 'test-results/screenshots/overview-flows.png', fullPage: true });

  const viewer = await pageAs(browser, 'viewer@acme.test');
  await viewer.goto('/');
  await expect(viewer.getByRole('heading', { name: 'Balances' })).toBeVisible();
  await expect(viewer.getByRole('region', { name: 'Money flow' })).toHaveCount(0);
  expect((await viewer.request.get('/api/flows')).status()).toBe(403);
});

test("the overview's money flow takes its first click while the page is still fetching code", async ({ page }) => {
  await page.goto('/');
  // Every script asked for from here is a second and a half late, as on a slow phone network: a widget whose code
  // came only when it hydrates (a lazy import) lost this click; hydrated from code already there, it lands.
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const table = page.getByRole('region', { name: 'Money flow' }).getByRole('button', { name: 'Table' });
  await table.click();
  await expect(table).toHaveAttribute('aria-pressed', 'true');
});

test('a wrong flows parameter is a 400 naming it', async ({ page }) => {
  await page.goto('/');
  const response = await page.request.get('/api/flows?period=14d');
  expect(response.status()).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toContain('"period"');
});

test('"all accounts" with a failing account names it with its trace id, and Retry brings the totals back', async ({ page }) => {
  await injectFault({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
  try {
    await page.goto('/');
    const data = await api(page, 'period=30d&account=all');
    expect(data.failures).toHaveLength(1);
    const [failed] = data.failures;
    expect(failed).toMatchObject({ providerName: 'SHOPLINE Payments', status: 503, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });

    const flows = new FlowsPage(page);
    await flows.open('period=30d&account=all');
    const alert = page.getByRole('alert', { name: `${failed?.label ?? ''} failed to load` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('transactions could not be loaded');
    await expect(alert).toContainText('HTTP 503');
    await expect(alert).toContainText(/Trace ID [0-9a-f]{32}/);
    // Acme has one transaction-capable account, so nothing is left to total; the page itself still works.
    await expect(page.getByText('No account could be read, so there are no totals to show.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show the last 90 days' })).toHaveCount(0);
    await expect(flows.heading).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/flows-partial.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/screenshots/flows-partial-390.png', fullPage: true });
    await page.setViewportSize({ width: 1360, height: 900 });

    await clearFaults();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toBeHidden();
    await flows.expectBars(/Money in and out per day/);
  } finally {
    await clearFaults();
  }
});
