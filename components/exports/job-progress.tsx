'use client';

import { formatCount } from '@/lib/format/numbers';
import type { ExportJobDto } from '@/lib/exports/job-schema';
import { countRows, formatBytes, formatSecondsLeft } from '@/lib/exports/job-format';

/** A job's state in words: progress while it runs, size when ready, why when it failed. */
export function JobProgress({ job }: { job: ExportJobDto }) {
  switch (job.status) {
    case 'queued':
      return (
        <div role="status" className="muted">
          Queued: it starts in a moment, or when one of your running exports ends if you have several.
        </div>
      );
    case 'running': {
      const left = job.secondsLeft;
      return (
        <div role="status" aria-live="polite" className="stack" style={{ gap: 4 }}>
          <progress aria-label="Export progress" max={100} value={job.done === null ? undefined : Math.round(job.done * 100)} style={{ width: '100%' }} />
          <span>
            {countRows(job.rows)} written · {formatCount(job.pages)} {job.pages === 1 ? 'page' : 'pages'}
            <span className="muted">
              {' · '}
              {left !== null ? formatSecondsLeft(left) : job.pages === 0 ? 'waiting for the first page' : 'time left unknown (no start date to measure against)'}
            </span>
          </span>
        </div>
      );
    }
    case 'ready':
      return (
        <div role="status">
          Ready: {countRows(job.rows)}, {formatBytes(job.bytes)}.
        </div>
      );
    case 'cancelled':
      return (
        <div role="status" className="muted">
          Cancelled after {countRows(job.rows)}. No file was kept.
        </div>
      );
    case 'failed':
      return (
        <div role="alert" aria-label="Export failed" className="alert alert-danger">
          <div>
            <div className="alert-title">Export failed{job.rows > 0 ? ` after ${countRows(job.rows)}` : ''}</div>
            <p>{job.error?.message ?? 'The export stopped.'}</p>
            <p>No file was kept: a partial export is never offered as a download.</p>
            {job.error?.traceId && <p className="mono faint">Trace id: {job.error.traceId}</p>}
          </div>
        </div>
      );
    default: {
      const unreachable: never = job.status;
      return unreachable;
    }
  }
}
