import { expect, type Locator, type Page } from '@playwright/test';

/** The Transactions page as a person sees it: the table, its rows, the pager, the totals and the filters. */
export class TransactionsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly totals: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Balance transactions' });
    this.rows = this.table.getByRole('row', { name: /, transaction \S+$/ });
    const pager = page.getByRole('navigation', { name: 'Pages' });
    this.next = pager.getByRole('button', { name: /^(Next|Keep searching)$/ });
    this.previous = pager.getByRole('button', { name: 'Previous' });
    this.totals = page.getByRole('table', { name: 'Sums by currency' });
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/transactions${search ? `?${search}` : ''}`);
    await expect(this.rows.first()).toBeVisible();
  }

  async rowIds(): Promise<string[]> {
    const labels = await this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    return labels.map((label) => /transaction (\S+)$/.exec(label)?.[1] ?? label);
  }

  async filterPayoutStatus(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Payout status' }).selectOption({ label });
  }
}
