'use client';

import { DataTable, TableSkeleton as ListSkeleton, type TableColumn } from '@/components/ui/data-table';
import { formatMoney } from '@/components/ui/format-money';
import { transactionTypeLabel } from '@/components/ui/labels';
import { formatZoned } from '@/components/ui/zoned-date';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { COLUMNS } from './columns';

export function TransactionsTable({
  rows,
  visible,
  timeZone,
  accountId,
  busy,
  empty,
  onOpen,
}: {
  rows: readonly TransactionDto[];
  visible: readonly string[];
  timeZone: string;
  accountId: string;
  busy: boolean;
  empty: React.ReactNode;
  onOpen: (row: TransactionDto) => void;
}) {
  const columns = COLUMNS.filter((c) => visible.includes(c.id)).map(
    (column): TableColumn<TransactionDto> => ({
      id: column.id,
      align: column.align,
      header: column.id === 'time' ? `Time (${timeZone})` : column.header,
      cell: (row) => column.render(row, { timeZone, accountId }),
    }),
  );
  return (
    <DataTable
      name="Balance transactions"
      regionName="Balance transactions, scrollable"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      rowLabel={(row) => transactionRowLabel(row, timeZone)}
      onOpen={onOpen}
      empty={empty}
      busy={busy}
    />
  );
}

/** Holds the table's place while the first page loads, so nothing below it moves when it arrives. */
export function TableSkeleton() {
  return <ListSkeleton label="Loading transactions" />;
}

/**
 * What a screen reader says on a row: what it is and how much first, its id last ("Payment USD 325.00, net
 * USD 315.27, 2026-12-01 17:53:49, transaction 2010…"); a bare 27-digit id told nothing (heard with Orca).
 */
export function transactionRowLabel(row: TransactionDto, timeZone: string): string {
  const amount = formatMoney(row.amount, row.currency);
  const net = formatMoney(row.net, row.currency);
  return `${transactionTypeLabel(row)} ${amount}${net === amount ? '' : `, net ${net}`}, ${formatZoned(row.transactionTime, timeZone, true)}, transaction ${row.id}`;
}
