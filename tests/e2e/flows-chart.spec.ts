import { expect, test, type Locator, type Page } from '@playwright/test';
import { bucketTitle } from '@/lib/flows/format';
import type { FlowsDto } from '@/lib/flows/schema';
import { SERIES_KEYS } from '@/lib/flows/series';
import { seriousViolations } from './axe';
import { cellTexts, FlowsPage } from './flows-page';
import { as, normalizeSpaces } from './support';

test.use(as('finance@acme.test'));

const SEARCH = 'period=30d&currency=USD&account=all';
const CHART = /Money in and out per day in USD/;
const isZero = (decimal: string) => /^-?0(\.0+)?$/.test(decimal);
const hasBars = (bucket: FlowsDto['buckets'][number]) => SERIES_KEYS.some((key) => !isZero(bucket.series[key]));
const text = async (locator: Locator) => normalizeSpaces(await locator.innerText()).trim();

async function api(page: Page): Promise<FlowsDto> {
  const response = await page.request.get(`/api/flows?${SEARCH}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as FlowsDto;
}

/** Opens the Flows page and checks the chart is still its first view: no chart code before an interaction. */
async function openFirstView(page: Page): Promise<{ flows: FlowsPage; figure: Locator; data: FlowsDto }> {
  const flows = new FlowsPage(page);
  await flows.open(SEARCH);
  const figure = flows.figure(CHART);
  await expect(flows.firstView(figure)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(flows.firstView(figure)).toBeVisible();
  await expect(flows.liveChart(figure)).toHaveCount(0);
  return { flows, figure, data: await api(page) };
}

/** The tooltip's text and the readout's sentence for a row of the flows table (its column headers name the series). */
function expectedFigures(headers: readonly string[], cells: readonly string[]) {
  const [title, , , net, count] = cells;
  const series = cells.slice(5).flatMap((value, i) => (/[1-9]/.test(value) ? [[headers[5 + i], value] as const] : []));
  const n = Number(count);
  const transactions = `${n.toLocaleString('en-US')} ${n === 1 ? 'transaction' : 'transactions'}`;
  return {
    tooltip: [title, ...series.flat(), 'Net', net, transactions].join(' '),
    readout: `${title}: ${[...series.map(([label, value]) => `${label} ${value}`), `Net ${net}`, transactions].join('; ')}`,
  };
}

test('by keyboard the chart is one tab stop; the live chart takes the focus over and the arrow keys read each day as the table has it', async ({
  page,
}) => {
  const { flows, figure, data } = await openFirstView(page);
  const first = flows.firstView(figure);
  const live = flows.liveChart(figure);
  const legend = flows.seriesShown.getByRole('button');

  // The chart's code is held back, so the keyboard reaches the first view while it loads, however fast the machine.
  const scripts = await flows.holdScripts();
  await legend.last().focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await expect.poll(scripts.held).toBeGreaterThan(0);

  // From here on, every change to the figure is checked against where the focus is: it never leaves the figure.
  await figure.evaluate((element) => {
    const outside: string[] = [];
    Object.assign(window, { focusOutside: outside });
    const check = () => {
      if (!element.contains(document.activeElement)) outside.push(document.activeElement?.tagName ?? 'nothing');
    };
    new MutationObserver(check).observe(element, { subtree: true, childList: true, attributes: true });
    element.addEventListener('focusout', (event) => {
      const to = (event as FocusEvent).relatedTarget;
      if (!(to instanceof Node && element.contains(to))) outside.push('focusout');
    });
  });
  await scripts.release();

  await expect(live).toBeFocused();
  await expect(first).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { focusOutside: string[] }).focusOutside)).toEqual([]);

  // The live chart opens on the first day; the right arrow moves to the next, the tooltip and the readout follow.
  const [day0, day1] = data.buckets;
  if (!day0 || !day1) throw new Error('the sandbox has fewer than two days');
  await expect(flows.tooltip).toHaveAccessibleName(`Details of ${bucketTitle(day0)}`);
  await page.keyboard.press('ArrowRight');
  await expect(flows.tooltip).toHaveAccessibleName(`Details of ${bucketTitle(day1)}`);
  await expect(flows.tooltip).toBeVisible();
  await expect(flows.readout(figure)).toHaveText(new RegExp(`^${bucketTitle(day1)}: `));
  const shown = { tooltip: await text(flows.tooltip), readout: await text(flows.readout(figure)) };
  await page.screenshot({ path: 'test-results/screenshots/flows-chart-keyboard.png' });

  // Escape hides the day's figures; Tab leaves the chart, and Shift+Tab comes back to it in one step.
  await page.keyboard.press('Escape');
  await expect(flows.tooltip).toBeHidden();
  await expect(flows.readout(figure)).toHaveText('');
  await expect(live).toBeFocused();
  await page.keyboard.press('Tab');
  await expect.poll(() => figure.evaluate((element) => element.contains(document.activeElement))).toBe(false);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(live).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(legend.last()).toBeFocused();

  // The figures the keyboard showed are the flows table's for that day.
  await flows.tableView.click();
  const table = flows.table('Money in and out per day (USD)');
  const headers = (await table.getByRole('columnheader').allTextContents()).map((header) => normalizeSpaces(header).trim());
  const row = await cellTexts(table.getByRole('row', { name: bucketTitle(day1), exact: false }).first());
  expect(row[0]).toBe(bucketTitle(day1));
  expect(shown).toEqual(expectedFigures(headers, row));
});

test('the first hover over a bar shows that day’s tooltip, without a second move', async ({ page }) => {
  const { flows, figure, data } = await openFirstView(page);
  const day = data.buckets.find(hasBars);
  if (!day) throw new Error('the sandbox has no money in the period');
  const box = await flows.bars(CHART).first().boundingBox();
  if (!box) throw new Error('the first view draws no bar');

  // One move onto the first view's first bar; the live chart loads under the pointer, which then stays still.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(flows.liveChart(figure)).toBeVisible();
  await expect(flows.firstView(figure)).toHaveCount(0);
  await expect(flows.tooltip).toBeVisible();
  await expect(flows.tooltip).toHaveAccessibleName(`Details of ${bucketTitle(day)}`);
  await page.screenshot({ path: 'test-results/screenshots/flows-chart-first-hover.png' });
});

/** The first view's day labels a person sees (in the order drawn), with their boxes. */
async function shownLabels(figure: Locator): Promise<{ text: string; left: number; right: number }[]> {
  return figure.locator('svg.chart-static-plot text').evaluateAll((labels) =>
    labels
      .filter((label) => getComputedStyle(label).visibility !== 'hidden')
      .map((label) => {
        const box = label.getBoundingClientRect();
        return { text: label.textContent ?? '', left: box.left, right: box.right };
      }),
  );
}

for (const width of [390, 1440]) {
  test(`the first view's day labels, placed once its width is known, never overlap and end on the last day (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const { figure, data } = await openFirstView(page);
    // Every day keeps its label in the drawing; those that would touch a neighbour are hidden, not removed.
    await expect(figure.locator('svg.chart-static-plot text')).toHaveCount(data.buckets.length);
    const shown = await shownLabels(figure);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(data.buckets.length + 1);
    shown.slice(1).forEach((label, i) => expect(label.left, `${shown[i]?.text} / ${label.text}`).toBeGreaterThan(shown[i]?.right ?? Infinity));
    expect(shown.at(-1)?.text).toBe(await figure.locator('svg.chart-static-plot text').last().textContent());
    const plot = await figure.locator('svg.chart-static-plot').boundingBox();
    expect(shown.at(-1)?.right ?? Infinity).toBeLessThanOrEqual((plot?.x ?? 0) + (plot?.width ?? 0) + 1);
    if (width === 390) expect(shown.length).toBeLessThan(data.buckets.length);
  });
}

test.describe('on a phone (390 px, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a first tap on a day’s column shows that day’s figures', async ({ page }) => {
    const { flows, figure, data } = await openFirstView(page);
    const day = data.buckets.findLast(hasBars);
    if (!day) throw new Error('the sandbox has no money in the period');

    await flows.tapLastDay(CHART);
    await expect(flows.liveChart(figure)).toBeVisible();
    await expect(flows.tooltip).toBeVisible();
    await expect(flows.tooltip).toHaveAccessibleName(`Details of ${bucketTitle(day)}`);
    await page.screenshot({ path: 'test-results/screenshots/flows-chart-tap-390.png' });
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the live chart with a day's figures showing has no serious or critical axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const { flows, figure } = await openFirstView(page);
    await flows.firstView(figure).focus();
    await expect(flows.liveChart(figure)).toBeFocused();
    await expect(flows.tooltip).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
