'use client';

import { useQuery } from '@tanstack/react-query';
import { LocalTime } from '@/components/ui/time';
import { describeFilters } from '@/lib/exports/describe';
import { formatBytes } from '@/lib/exports/job-format';
import { exportJobListSchema, isSettled, jobPath, type ExportJobDto, type JobStatus } from '@/lib/exports/job-schema';
import { fetchJson } from '@/lib/query/fetch-json';
import { JobProgress } from './job-progress';
import { FOLLOW_MS, useJobAction } from './use-export-job';

const STATUS: Record<JobStatus, { label: string; tone: string }> = {
  queued: { label: 'Queued', tone: 'badge-info' },
  running: { label: 'Running', tone: 'badge-info' },
  ready: { label: 'Ready', tone: 'badge-success' },
  failed: { label: 'Failed', tone: 'badge-danger' },
  cancelled: { label: 'Cancelled', tone: 'badge-warning' },
};

function Actions({ job }: { job: ExportJobDto }) {
  const action = useJobAction();
  if (job.status === 'ready' && job.downloadUrl) {
    return (
      <a className="btn btn-small" href={job.downloadUrl} aria-label={`Download ${job.fileName}`}>
        Download
      </a>
    );
  }
  if (!isSettled(job.status)) {
    return (
      <button type="button" className="btn btn-small" disabled={action.isPending} onClick={() => action.mutate(`${jobPath(job.id)}/cancel`)}>
        Cancel
      </button>
    );
  }
  return (
    <button type="button" className="btn btn-small" disabled={action.isPending} onClick={() => action.mutate(`${jobPath(job.id)}/retry`)}>
      Retry
    </button>
  );
}

/** The user's exports (an admin's: the organization's), followed while any has not ended. */
export function MyExports({ initial, showUser }: { initial: readonly ExportJobDto[]; showUser: boolean }) {
  const { data } = useQuery({
    queryKey: ['export-jobs'],
    queryFn: () => fetchJson('/api/exports/jobs', exportJobListSchema),
    initialData: { items: [...initial] },
    refetchInterval: (query) => (query.state.data?.items.some((job) => !isSettled(job.status)) ? FOLLOW_MS : false),
  });
  if (data.items.length === 0) {
    return (
      <div className="card empty">
        <h2>No exports yet</h2>
        <p>Start one with Export on the transactions view or a payout; it appears here while it runs and for 7 days after.</p>
      </div>
    );
  }
  return (
    <div className="card">
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">Exports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              {showUser && <th scope="col">User</th>}
              <th scope="col">Account and filters</th>
              <th scope="col">Status</th>
              <th scope="col" className="right">
                Rows
              </th>
              <th scope="col" className="right">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((job) => (
              <tr key={job.id} aria-label={job.fileName}>
                <td className="num">
                  <LocalTime iso={job.createdAt} withDate />
                </td>
                {showUser && <td>{job.user.email}</td>}
                <td>
                  {job.account.label} · {describeFilters(job.filters)}
                  <div className="faint mono">{job.fileName}</div>
                </td>
                <td style={{ minWidth: 220 }}>
                  <span className={`badge ${STATUS[job.status].tone}`}>{STATUS[job.status].label}</span>
                  {job.status !== 'ready' && <JobProgress job={job} />}
                </td>
                <td className="right num">{job.rows.toLocaleString('en-US')}</td>
                <td className="right num">{job.status === 'ready' ? formatBytes(job.bytes) : ''}</td>
                <td>
                  <Actions job={job} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="faint">Files are kept for 7 days after they are started, then deleted.</p>
    </div>
  );
}
