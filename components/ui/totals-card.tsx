'use client';

import { useId } from 'react';
import { DataTable, type DataTableProps } from './data-table';

/**
 * A list's sums, counted on the server step by step: a title, a status line (Counting…, the summary, or the
 * error), Keep counting when the automatic steps have stopped short of the end, and the sums table.
 */
export function TotalsCard<Row>({
  title,
  busy,
  failed,
  summary,
  onKeepCounting,
  sums,
}: {
  title: React.ReactNode;
  busy: boolean;
  failed: boolean;
  /** What the latest step says; null until one has answered. */
  summary: string | null;
  /** Given when the walk stopped short of the end and waits for the user. */
  onKeepCounting?: () => void;
  /** The sums table, one row per currency (and status). */
  sums: Pick<DataTableProps<Row>, 'name' | 'regionName' | 'columns' | 'rows' | 'rowKey'>;
}) {
  const titleId = useId();
  return (
    <section className="card totals" aria-labelledby={titleId} aria-busy={busy}>
      <div className="totals-head">
        <h2 id={titleId}>{title}</h2>
        <span className="muted" role="status">
          {failed ? 'The sums could not be counted.' : (summary ?? 'Counting…')}
        </span>
        {onKeepCounting && (
          <button type="button" className="btn btn-small" onClick={onKeepCounting}>
            Keep counting
          </button>
        )}
      </div>
      <DataTable {...sums} className="totals-table" />
    </section>
  );
}
