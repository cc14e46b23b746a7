'use client';

import { DataTable, TableSkeleton as ListSkeleton, type TableColumn } from '@/components/ui/data-table';
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
      rowLabel={(row) => `Transaction ${row.id}`}
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
