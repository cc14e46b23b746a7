import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type TableColumn } from '@/components/ui/data-table';
import { Pager, type PagedList } from '@/components/ui/pager';
import { accountViewCodec } from '@/components/ui/use-url-state';
import { parsePayoutsSearchParams, toPayoutsSearchParams } from '@/lib/list-query/payouts-url';
import { parseTransactionsSearchParams, toSearchParams } from '@/lib/list-query/transactions-url';

const page = (over: Partial<PagedList>): PagedList => ({
  items: [1, 2],
  nextCursor: null,
  previousCursor: null,
  searching: false,
  scannedRows: 0,
  ...over,
});
const pager = (list: PagedList, busy = false) =>
  renderToStaticMarkup(createElement(Pager, { page: list, busy, label: 'Pages', noun: { one: 'row', other: 'rows' }, onCursor: () => undefined }));

describe('Pager', () => {
  it('says how many rows the page holds, and that the list ends when there is no next cursor', () => {
    const html = pager(page({ previousCursor: 'p' }));
    expect(html).toContain('aria-label="Pages"');
    expect(html).toContain('2 rows on this page. End of the list.');
    expect(html).toMatch(/<button[^>]*aria-disabled="false"[^>]*>.*Previous/);
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Next/);
  });

  it('offers Keep searching while the server stopped at its budget, with the rows checked so far', () => {
    const html = pager(page({ items: [], nextCursor: 'n', searching: true, scannedRows: 12_500 }));
    expect(html).toContain('Still searching: none found yet, 12,500 rows checked.');
    expect(html).toMatch(/<button[^>]*class="btn btn-primary"[^>]*aria-disabled="false"[^>]*>Keep searching/);
  });

  it('keeps both buttons focusable but inert while a page loads', () => {
    const html = pager(page({ nextCursor: 'n', previousCursor: 'p' }), true);
    expect(html).toContain('Loading…');
    expect(html.match(/aria-disabled="true"/g)).toHaveLength(2);
    expect(html).not.toContain(' disabled=');
  });

  it('takes its own words where Previous and Next would mislead', () => {
    const html = renderToStaticMarkup(
      createElement(Pager, {
        page: page({ previousCursor: 'newest', nextCursor: '41' }),
        busy: false,
        label: 'Audit pages',
        noun: { one: 'export', other: 'exports' },
        labels: { previous: 'Newest', next: 'Older exports' },
        onCursor: () => undefined,
      }),
    );
    expect(html).toContain('2 exports on this page.');
    expect(html).toMatch(/<span aria-hidden="true">←<\/span> Newest<\/button>/);
    expect(html).toMatch(/>Older exports <span aria-hidden="true">→<\/span><\/button>/);
  });

  it('renders nothing when there is nothing to page and nothing found', () => {
    expect(pager(page({ items: [] }))).toBe('');
  });
});

interface Row {
  id: string;
  amount: string;
}
const columns: TableColumn<Row>[] = [
  { id: 'id', header: 'Id', rowHeader: true, cell: (row) => row.id },
  { id: 'amount', header: 'Amount', align: 'right', cell: (row, place) => `${place}:${row.amount}` },
];
const table = (props: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(
    createElement(DataTable<Row>, {
      name: 'Things',
      columns,
      rows: [
        { id: 'a', amount: '1' },
        { id: 'b', amount: '2' },
      ],
      rowKey: (row) => row.id,
      ...props,
    }),
  );

describe('DataTable', () => {
  it('names the table by its caption and its scroll region, which takes focus when rows do not', () => {
    const html = table({ regionName: 'Things, scrollable' });
    expect(html).toContain('<caption class="visually-hidden">Things</caption>');
    expect(html).toMatch(/<div[^>]*role="region"[^>]*aria-label="Things, scrollable"[^>]*tabindex="0"/);
    expect(html).toContain('<th scope="row">a</th><td class="right">body:1</td>');
    expect(html).not.toMatch(/<tr[^>]*tabindex/);
  });

  it('with onOpen is one tab stop: only the first row is tabbable, the region is not, and the keys are described', () => {
    const html = table({ onOpen: () => undefined, rowLabel: (row) => `Thing ${row.id}` });
    expect(html).not.toMatch(/role="region"[^>]*tabindex/);
    // The tab stop carries the keys' hint (a screen reader reads it when a keyboard arrives); the others do not.
    const hintId = /<p id="([^"]+)" class="visually-hidden">Up and Down arrows move between rows, Enter opens one\.<\/p>/.exec(html)?.[1];
    expect(hintId).toBeDefined();
    expect(html).toContain(`<tr class="clickable" aria-label="Thing a" tabindex="0" aria-describedby="${hintId}">`);
    expect(html).toMatch(/<tr class="clickable" aria-label="Thing b" tabindex="-1">/);
    expect(html).not.toMatch(/role="region"[^>]*aria-describedby/);
  });

  it('draws the totals row through the same columns, marked as the footer', () => {
    const html = table({ footer: { id: 'Total', amount: '3' } });
    expect(html).toContain('<tfoot><tr><th scope="row">Total</th><td class="right">foot:3</td></tr></tfoot>');
  });

  it('shows the empty state instead of an empty table', () => {
    const html = table({ rows: [], empty: createElement('p', null, 'Nothing here yet') });
    expect(html).toBe('<p>Nothing here yet</p>');
  });
});

describe('accountViewCodec', () => {
  const transactions = accountViewCodec(parseTransactionsSearchParams, toSearchParams);
  const payouts = accountViewCodec(parsePayoutsSearchParams, toPayoutsSearchParams);

  it('writes the account first, then the list query in its stable order without defaults', () => {
    const url = transactions.write({ account: 'conn_1', query: { limit: 100, type: ['refund', 'payment'], payout_status: 'completed' } });
    expect(url.toString()).toBe('account=conn_1&type=refund%2Cpayment&payout_status=completed');
    expect(payouts.write({ account: null, query: { limit: 50 } }).toString()).toBe('');
  });

  it('reads a deep link back to the same view, and bad values fall back to their defaults', () => {
    const read = transactions.read(new URLSearchParams('account=conn_1&limit=99999&payout_status=bogus&type=payment,refund&cursor=abc'));
    expect(read).toEqual({ account: 'conn_1', query: { limit: 100, cursor: 'abc', type: ['payment', 'refund'] } });
    expect(transactions.read(transactions.write(read))).toEqual(read);
    expect(payouts.read(new URLSearchParams('status=failed&limit=25'))).toEqual({ account: null, query: { limit: 25, status: 'failed' } });
  });
});
