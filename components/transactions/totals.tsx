'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { Money } from '@/components/ui/money';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { AUTO_STEPS, useAutoSteps } from '@/components/ui/use-auto-steps';
import type { TransactionsQuery } from '@/lib/list-query/transactions';
import { transactionTotalsQueryOptions } from '@/lib/transactions/queries';

/** Count and per-currency sums of every row the filters keep, summed on the server; partial until the walk ends. */
export function TransactionTotals({ accountId, query }: { accountId: string; query: TransactionsQuery }) {
  const totals = useInfiniteQuery(transactionTotalsQueryOptions(accountId, query));
  const steps = useAutoSteps(totals);
  const { isFetchingNextPage, isError, fetchNextPage } = totals;

  const latest = totals.data?.pages.at(-1);
  const counting = !latest || (!latest.complete && (isFetchingNextPage || steps < AUTO_STEPS)) || totals.isFetching;
  return (
    <section className="card totals" aria-labelledby="totals-title" aria-busy={counting}>
      <div className="totals-head">
        <h2 id="totals-title">Sums for these filters</h2>
        <span className="muted" role="status">
          {isError
            ? 'The sums could not be counted.'
            : !latest
              ? 'Counting…'
              : latest.complete
                ? `${latest.count.toLocaleString('en-US')} ${latest.count === 1 ? 'transaction' : 'transactions'}`
                : `Partial: ${latest.count.toLocaleString('en-US')} so far, ${latest.scannedRows.toLocaleString('en-US')} rows searched${counting ? ', still counting…' : ''}`}
        </span>
        {latest && !latest.complete && !counting && (
          <button type="button" className="btn btn-small" onClick={() => void fetchNextPage()}>
            Keep counting
          </button>
        )}
      </div>
      <ScrollRegion label="Sums of the filtered rows, scrollable">
        <table className="data totals-table" aria-label="Sums by currency">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" className="right">Rows</th>
              <th scope="col" className="right">Amount</th>
              <th scope="col" className="right">Fee</th>
              <th scope="col" className="right">Net</th>
            </tr>
          </thead>
          <tbody>
            {(latest?.currencies ?? []).map((row) => (
              <tr key={row.currency}>
                <th scope="row">{row.currency}</th>
                <td className="right num">{row.count.toLocaleString('en-US')}</td>
                <td className="right"><Money amount={row.amount} currency={row.currency} /></td>
                <td className="right"><Money amount={row.fee} currency={row.currency} /></td>
                <td className="right"><Money amount={row.net} currency={row.currency} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
