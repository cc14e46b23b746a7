import { expect, type Locator, type Page } from '@playwright/test';

/** The Payouts page as a person sees it: the filters, the table and its rows, the pager. */
export class PayoutsPage {
  readonly table: Locator;
  /** Body rows, each named by state, amount, date and id ("Completed USD 1.00, 2026-12-01, payout <id>"). */
  readonly rows: Locator;
  readonly status: Locator;
  readonly pageSize: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly next: Locator;
  readonly previous: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Payouts' });
    this.rows = this.table.getByRole('row', { name: /, payout \S+$/ });
    this.status = page.getByLabel('Status');
    this.pageSize = page.getByRole('combobox', { name: 'Rows per page' });
    this.from = page.getByLabel('From');
    this.to = page.getByLabel('To');
    const pager = page.getByRole('navigation', { name: 'Payout pages' });
    this.next = pager.getByRole('button', { name: /^(Next|Keep searching)$/ });
    this.previous = pager.getByRole('button', { name: 'Previous' });
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/payouts${search ? `?${search}` : ''}`);
    await expect(this.rows.first()).toBeVisible();
  }

  /** The payout ids shown, top to bottom. */
  async ids(): Promise<string[]> {
    const labels = await this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    return labels.map((label) => /payout (\S+)$/.exec(label)?.[1] ?? label);
  }

  async filterStatus(label: string): Promise<void> {
    await this.status.selectOption({ label });
  }

  async setRange(from: string, to: string): Promise<void> {
    await this.from.fill(from);
    await this.to.fill(to);
  }

  row(payoutId: string): Locator {
    return this.table.getByRole('row', { name: new RegExp(`, payout ${payoutId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }
}
