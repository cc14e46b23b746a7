'use client';

import type { TransactionDto } from '@/lib/transactions/schema';
import { COLUMNS } from './columns';

export function TransactionsTable({
  rows,
  visible,
  timeZone,
  busy,
  onOpen,
}: {
  rows: readonly TransactionDto[];
  visible: readonly string[];
  timeZone: string;
  busy: boolean;
  onOpen: (row: TransactionDto) => void;
}) {
  const columns = COLUMNS.filter((c) => visible.includes(c.id));
  return (
    <div className={`table-wrap ${busy ? 'is-busy' : ''}`} aria-busy={busy}>
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
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className="clickable"
              tabIndex={0}
              aria-label={`Transaction ${row.id}`}
              onClick={() => onOpen(row)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(row);
                }
              }}
            >
              {columns.map((column) => (
                <td key={column.id} className={column.align}>
                  {column.render(row, timeZone)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="card card-body stack" aria-busy="true" aria-label="Loading transactions">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 22 }} />
      ))}
    </div>
  );
}
