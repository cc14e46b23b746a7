'use client';

import { formatCount } from '@/lib/format/numbers';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Money } from '@/components/ui/money';
import { type TableColumn } from '@/components/ui/data-table';
import { TotalsCard } from '@/components/ui/totals-card';
import { AUTO_STEPS, useAutoSteps } from '@/components/ui/use-auto-steps';
import { PayoutStatusBadge } from '@/components/ui/status-badge';
import type { PayoutsQuery } from '@/lib/list-query/payouts-url';
import { payoutTotalsQueryOptions } from '@/lib/payouts/queries';
import type { PayoutRangeTotalsDto } from '@/lib/payouts/totals-schema';

type StatusSums = PayoutRangeTotalsDto['groups'][number];

const COLUMNS: readonly TableColumn<StatusSums>[] = [
  { id: 'status', header: 'Status', rowHeader: true, cell: (group) => <PayoutStatusBadge status={group.status} /> },
  { id: 'currency', header: 'Currency', cell: (group) => group.currency },
  { id: 'count', header: 'Payouts', align: 'right', className: 'num', cell: (group) => formatCount(group.count) },
  { id: 'amount', header: 'Amount', align: 'right', cell: (group) => <Money amount={group.amount} currency={group.currency} /> },
];

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
    <TotalsCard
      title={`Sums by payout state, ${range}`}
      busy={!latest?.complete}
      failed={isError}
      summary={
        !latest
          ? null
          : latest.complete
            ? `${formatCount(latest.groups.reduce((n, g) => n + g.count, 0))} payouts`
            : `Partial: ${formatCount(latest.scannedRows)} payouts searched so far`
      }
      onKeepCounting={latest && !latest.complete && !isFetchingNextPage && steps >= AUTO_STEPS ? () => void fetchNextPage() : undefined}
      sums={{
        name: 'Payout sums',
        regionName: 'Payout sums per currency, scrollable',
        columns: COLUMNS,
        rows: latest?.groups ?? [],
        rowKey: (group) => `${group.status ?? 'none'}-${group.currency}`,
      }}
    />
  );
}
