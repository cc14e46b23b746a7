'use client';

import { formatCount } from '@/lib/format/numbers';
import { useQuery } from '@tanstack/react-query';
import { DataTable, type TableColumn } from '@/components/ui/data-table';
import { ExportStateBadge } from '@/components/ui/status-badge';
import { LocalTime } from '@/components/ui/time';
import { describeFilters } from '@/lib/exports/describe';
import { formatBytes } from '@/lib/exports/job-format';
import type { ExportJobDto } from '@/lib/exports/job-schema';
import { isSettled, jobPath } from '@/lib/exports/job-status';
import { fetchJson } from '@/lib/query/fetch-json';
import { JobProgress } from './job-progress';
import { FOLLOW_MS, useJobAction } from './use-export-job';

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

function columns(showUser: boolean): TableColumn<ExportJobDto>[] {
  return [
    { id: 'started', header: 'Started', className: 'num', cell: (job) => <LocalTime iso={job.createdAt} withDate /> },
    ...(showUser ? [{ id: 'user', header: 'User', cell: (job: ExportJobDto) => job.user.email }] : []),
    {
      id: 'account',
      header: 'Account and filters',
      cell: (job) => (
        <>
          {job.account.label} · {describeFilters(job.filters)}
          <div className="faint mono">{job.fileName}</div>
        </>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      className: 'export-status',
      cell: (job) => (
        <>
          <ExportStateBadge state={job.status} />
          {job.status !== 'ready' && <JobProgress job={job} />}
        </>
      ),
    },
    { id: 'rows', header: 'Rows', align: 'right', className: 'num', cell: (job) => formatCount(job.rows) },
    { id: 'size', header: 'Size', align: 'right', className: 'num', cell: (job) => (job.status === 'ready' ? formatBytes(job.bytes) : '') },
    { id: 'actions', header: <span className="visually-hidden">Actions</span>, cell: (job) => <Actions job={job} /> },
  ];
}

/** The user's exports (an admin's: the organization's), followed while any has not ended. */
export function MyExports({ initial, showUser }: { initial: readonly ExportJobDto[]; showUser: boolean }) {
  const { data } = useQuery({
    queryKey: ['export-jobs'],
    queryFn: () => fetchJson('/api/exports/jobs', () => import('@/lib/exports/job-schema').then((m) => m.exportJobListSchema)),
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
      <DataTable name="Exports, newest first" regionName="My exports" columns={columns(showUser)} rows={data.items} rowKey={(job) => job.id} rowLabel={(job) => job.fileName} />
      <p className="faint">Files are kept for 7 days after they are started, then deleted.</p>
    </div>
  );
}
