'use client';

import { formatCount } from '@/lib/format/numbers';
import { useInfiniteQuery } from '@tanstack/react-query';
import { moneyColumn, type TableColumn } from '@/components/ui/data-table';
import { TotalsCard } from '@/components/ui/totals-card';
import { AUTO_STEPS, useAutoSteps } from '@/components/ui/use-auto-steps';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import { transactionTotalsQueryOptions } from '@/lib/transactions/queries';
import type { TransactionTotalsDto } from '@/lib/transactions/totals-schema';

type CurrencySums = TransactionTotalsDto['currencies'][number];

const COLUMNS: readonly TableColumn<CurrencySums>[] = [
  { id: 'currency', header: 'Currency', rowHeader: true, cell: (row) => row.currency },
  { id: 'rows', header: 'Rows', align: 'right', className: 'num', cell: (row) => formatCount(row.count) },
  moneyColumn('amount', 'Amount', (row) => row.amount),
  moneyColumn('fee', 'Fee', (row) => row.fee),
  moneyColumn('net', 'Net', (row) => row.net),
];

/** Count and per-currency sums of every row the filters keep, summed on the server; partial until the walk ends. */
export function TransactionTotals({ accountId, query }: { accountId: string; query: TransactionsQuery }) {
  const totals = useInfiniteQuery(transactionTotalsQueryOptions(accountId, query));
  const steps = useAutoSteps(totals);
  const { isFetchingNextPage, isError, fetchNextPage } = totals;

  const latest = totals.data?.pages.at(-1);
  const counting = !latest || (!latest.complete && (isFetchingNextPage || steps < AUTO_STEPS)) || totals.isFetching;
  return (
    <TotalsCard
      title="Sums for these filters"
      busy={counting}
      failed={isError}
      summary={
        !latest
          ? null
          : latest.complete
            ? `${formatCount(latest.count)} ${latest.count === 1 ? 'transaction' : 'transactions'}`
            : `Partial: ${formatCount(latest.count)} so far, ${formatCount(latest.scannedRows)} rows searched${counting ? ', still counting…' : ''}`
      }
      onKeepCounting={latest && !latest.complete && !counting ? () => void fetchNextPage() : undefined}
      sums={{
        name: 'Sums by currency',
        regionName: 'Sums of the filtered rows, scrollable',
        columns: COLUMNS,
        rows: latest?.currencies ?? [],
        rowKey: (row) => row.currency,
      }}
    />
  );
}
