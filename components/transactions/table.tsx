'use client';

import { ScrollRegion } from '@/components/ui/scroll-region';
import { useRovingRows } from '@/components/ui/use-roving-rows';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { COLUMNS } from './columns';

export function TransactionsTable({
  rows,
  visible,
  timeZone,
  accountId,
  busy,
  onOpen,
}: {
  rows: readonly TransactionDto[];
  visible: readonly string[];
  timeZone: string;
  accountId: string;
  busy: boolean;
  onOpen: (row: TransactionDto) => void;
}) {
  const columns = COLUMNS.filter((c) => visible.includes(c.id));
  const { body, rowProps } = useRovingRows(rows.length, (index) => rows[index] && onOpen(rows[index]));
  return (
    <ScrollRegion
      label="Balance transactions, scrollable"
      className={busy ? 'is-busy' : undefined}
      aria-busy={busy}
      aria-describedby="transactions-keys"
      focusable={false}
    >
      <p id="transactions-keys" className="visually-hidden">
        Up and Down arrows move between rows, Enter opens one.
      </p>
      <table className="data" aria-label="Balance transactions">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.align}>
                {column.id === 'time' ? `Time (${timeZone})` : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, index) => (
            <tr key={row.id} className="clickable" aria-label={`Transaction ${row.id}`} {...rowProps(index)}>
              {columns.map((column) => (
                <td key={column.id} className={column.align}>
                  {column.render(row, { timeZone, accountId })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Holds the table's place while the first page loads, so nothing below it moves when it arrives. */
export function TableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div className="card table-skeleton" aria-busy="true" aria-label="Loading transactions">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 22 }} />
      ))}
    </div>
  );
}
