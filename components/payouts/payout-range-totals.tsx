'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { Money } from '@/components/ui/money';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { AUTO_STEPS, useAutoSteps } from '@/components/ui/use-auto-steps';
import { PayoutStatusBadge } from '@/components/ui/status-badge';
import type { PayoutsQuery } from '@/lib/list-query/payouts';
import { payoutTotalsQueryOptions } from '@/lib/payouts/queries';

/** Per status and currency, the range's payouts counted and summed on the server; partial until its walk ends. */
export function PayoutRangeTotals({ accountId, query }: { accountId: string; query: PayoutsQuery }) {
  const totals = useInfiniteQuery(payoutTotalsQueryOptions(accountId, query));
  const steps = useAutoSteps(totals);
  const { isFetchingNextPage, isError, fetchNextPage } = totals;
  const latest = totals.data?.pages.at(-1);
  // Worded without "from", "to" or "status", so the filters' labels stay unique on the page.
  const range =
    query.from && query.to ? `${query.from} – ${query.to}` : query.from ? `since ${query.from}` : query.to ? `until ${query.to}` : 'all dates';
  return (
    <section className="card totals" aria-labelledby="payout-totals-title" aria-busy={!latest?.complete}>
      <div className="totals-head">
        <h2 id="payout-totals-title">Sums by payout state, {range}</h2>
        <span className="muted" role="status">
          {isError
            ? 'The sums could not be counted.'
            : !latest
              ? 'Counting…'
              : latest.complete
                ? `${latest.groups.reduce((n, g) => n + g.count, 0).toLocaleString('en-US')} payouts`
                : `Partial: ${latest.scannedRows.toLocaleString('en-US')} payouts searched so far`}
        </span>
        {latest && !latest.complete && !isFetchingNextPage && steps >= AUTO_STEPS && (
          <button type="button" className="btn btn-small" onClick={() => void fetchNextPage()}>
            Keep counting
          </button>
        )}
      </div>
      <ScrollRegion label="Payout sums per currency, scrollable">
        <table className="data totals-table" aria-label="Payout sums">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Currency</th>
              <th scope="col" className="right">Payouts</th>
              <th scope="col" className="right">Amount</th>
            </tr>
          </thead>
          <tbody>
            {(latest?.groups ?? []).map((group) => (
              <tr key={`${group.status ?? 'none'}-${group.currency}`}>
                <th scope="row">
                  <PayoutStatusBadge status={group.status} />
                </th>
                <td>{group.currency}</td>
                <td className="right num">{group.count.toLocaleString('en-US')}</td>
                <td className="right"><Money amount={group.amount} currency={group.currency} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
