import { TableSkeleton } from '@/components/ui/data-table';

/** `rowsOnly` when the filters are already on screen and only the table is waiting. */
export function PayoutsSkeleton({ rowsOnly = false }: { rowsOnly?: boolean }) {
  const table = <TableSkeleton rows={8} className="list-skeleton" />;
  return (
    <div className="stack" aria-busy="true" aria-label="Loading payouts">
      {!rowsOnly && (
        <div className="toolbar payouts-filters">
          {[220, 160, 150, 150, 130].map((width, i) => (
            <div className="skeleton" key={i} style={{ width, height: 56 }} />
          ))}
        </div>
      )}
      {table}
    </div>
  );
}

export function PayoutDetailSkeleton() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading payout">
      <div className="card card-body">
        <div className="states">
          {[0, 1, 2, 3].map((i) => (
            <div className="skeleton" key={i} style={{ height: 58 }} />
          ))}
        </div>
      </div>
      <div className="skeleton" style={{ height: 48 }} />
      <TableSkeleton rows={6} className="list-skeleton" />
    </div>
  );
}
