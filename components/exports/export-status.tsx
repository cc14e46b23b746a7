'use client';

import styles from './export-dialog.module.css';
import type { ExportRunState } from './use-export-run';

const count = (rows: number) => `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}

/** How the export is going or how it ended; a failure is an alert and says no file was saved. */
export function ExportStatus({ state }: { state: Exclude<ExportRunState, { status: 'idle' }> }) {
  switch (state.status) {
    case 'running':
      return (
        <div role="status" aria-live="polite" className={styles.progress}>
          <span className="spin" aria-hidden="true" />
          <span>
            {count(state.rows)} written <span className="muted">· {megabytes(state.bytes)}</span>
          </span>
        </div>
      );
    case 'completed':
      return (
        <div role="status" className={styles.success}>
          Exported {count(state.rows)} to <span className={`mono ${styles.fileName}`}>{state.fileName}</span>.
        </div>
      );
    case 'cancelled':
      return (
        <div role="status" className="alert alert-warning">
          <div>
            <div className="alert-title">Export cancelled</div>
            <p>Stopped after {count(state.rows)}. No file was saved.</p>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div role="alert" aria-label="Export failed" className="alert alert-danger">
          <div>
            <div className="alert-title">Export failed{state.rows > 0 ? ` after ${count(state.rows)}` : ''}</div>
            <p>{state.message}</p>
            <p>No file was saved: a partial export is never offered as a download.</p>
            {state.traceId && <p className="mono faint">Trace id: {state.traceId}</p>}
          </div>
        </div>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
