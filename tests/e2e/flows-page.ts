import { expect, type Locator, type Page, type Route } from '@playwright/test';
import { normalizeSpaces } from './support';

/** The Money flow page as a person sees it: the controls, the charts (by role and test id), and the tables view. */
export class FlowsPage {
  readonly heading: Locator;
  readonly currency: Locator;
  readonly seriesShown: Locator;
  readonly tableView: Locator;
  /** The bar chart's tooltip: the figures of the day (or week) shown. */
  readonly tooltip: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Money flow' });
    this.currency = page.getByLabel('Currency');
    this.seriesShown = page.getByRole('group', { name: 'Series shown' });
    this.tableView = page.getByRole('button', { name: 'Table', exact: true });
    this.tooltip = page.getByRole('group', { name: /^Details of / });
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/flows${search ? `?${search}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  period(label: string): Locator {
    return this.page.getByRole('button', { name: label });
  }

  figure(name: RegExp): Locator {
    return this.page.getByRole('figure', { name });
  }

  bars(name: RegExp): Locator {
    return this.figure(name).getByTestId('flow-bar');
  }

  /**
   * Taps the chart where a finger would to see the last day that has money: in that day's column, halfway
   * up the plot. Not on its bar: a quiet day's stack can be a fraction of a pixel tall, which no finger hits.
   */
  async tapLastDay(name: RegExp): Promise<void> {
    await this.figure(name).scrollIntoViewIfNeeded();
    const boxes = (await Promise.all((await this.bars(name).all()).map((bar) => bar.boundingBox()))).filter(
      (box) => box !== null,
    );
    const plot = await this.figure(name).locator('svg.chart-static-plot').boundingBox();
    if (boxes.length === 0 || !plot) throw new Error('the chart draws no bar');
    const x = Math.max(...boxes.map((box) => box.x + box.width / 2));
    await this.page.touchscreen.tap(x, plot.y + plot.height / 2);
  }

  /** Waits until the bar chart has drawn its bars. */
  async expectBars(name: RegExp): Promise<void> {
    const figure = this.figure(name);
    await expect(figure.locator('svg').first()).toBeVisible();
    await expect(this.bars(name).first()).toBeVisible();
    expect(await this.bars(name).count()).toBeGreaterThan(5);
  }

  /**
   * Wakes the bar chart: its first view is a plain picture (role img) until a pointer comes over the figure,
   * then the interactive drawing with tooltips takes its place.
   */
  async wakeChart(name: RegExp): Promise<void> {
    const figure = this.figure(name);
    await figure.hover({ position: { x: 4, y: 4 } });
    await expect(figure.getByRole('img', { name: /^Bar chart of/ })).toHaveCount(0);
    await expect(this.bars(name).first()).toBeVisible();
  }

  /** The bar chart's first view: a picture of the bars drawn with the page, without chart code. */
  firstView(figure: Locator): Locator {
    return figure.getByRole('img', { name: /^Bar chart of/ });
  }

  /** The bar chart's interactive drawing, once its code has loaded: one tab stop, stepped with the arrow keys. */
  liveChart(figure: Locator): Locator {
    return figure.getByRole('application', { name: /^Bar chart of/ });
  }

  /** What a screen reader is told of the day the keyboard is on. */
  readout(figure: Locator): Locator {
    return figure.getByRole('status');
  }

  /**
   * Holds every script the page asks for from now on (the chart's code, once woken) until `release`, so a
   * test can act while the chart is still loading, however fast the machine.
   */
  async holdScripts(): Promise<{ held: () => number; release: () => Promise<void> }> {
    const pattern = '**/_next/static/chunks/**';
    const held: Route[] = [];
    let open = false;
    const hold = async (route: Route) => {
      if (open) await route.continue();
      else held.push(route);
    };
    await this.page.route(pattern, hold);
    return {
      held: () => held.length,
      release: async () => {
        open = true;
        await Promise.all(held.splice(0).map((route) => route.continue()));
        await this.page.unroute(pattern, hold);
      },
    };
  }

  table(name: string): Locator {
    return this.page.getByRole('table', { name });
  }

  /** Body rows of a table; rows are named by their first cell, so by position is the plain way to walk them. */
  bodyRows(name: string): Locator {
    return this.table(name).getByRole('rowgroup').nth(1).getByRole('row');
  }

  totalsRow(name: string): Locator {
    return this.table(name).getByRole('rowgroup').nth(2).getByRole('row');
  }
}

/** A row's cells, its header cell (the first) first, with spaces folded as a reader sees them. */
export async function cellTexts(row: Locator): Promise<string[]> {
  const texts = [...(await row.getByRole('rowheader').allInnerTexts()), ...(await row.getByRole('cell').allInnerTexts())];
  return texts.map((text) => normalizeSpaces(text).trim());
}
