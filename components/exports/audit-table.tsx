'use client';

import { formatCount } from '@/lib/format/numbers';
import { ExportStateBadge } from '@/components/ui/status-badge';
import { LocalTime } from '@/components/ui/time';
import { ZoneLabel } from '@/components/ui/zone-label';
import type { ExportAuditDto } from '@/lib/exports/audit-schema';
import { describeFilters } from '@/lib/exports/describe';
import { DataTable, type TableColumn } from '@/components/ui/data-table';

function duration(startedAt: string, finishedAt: string | null): string {
  if (finishedAt === null) return '';
  const seconds = Math.max(0, (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000);
  return seconds < 90 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}

const COLUMNS: readonly TableColumn<ExportAuditDto>[] = [
  {
    id: 'started',
    header: (
      <>
        Started <ZoneLabel />
      </>
    ),
    className: 'num',
    cell: (item) => <LocalTime iso={item.startedAt} withDate />,
  },
  { id: 'user', header: 'User', cell: (item) => item.user.email },
  { id: 'account', header: 'Account', cell: (item) => item.account.label },
  {
    id: 'filters',
    header: 'Filters',
    cell: (item) => (
      <>
        {describeFilters(item.filters)}
        <div className="faint mono" title="File name">
          {item.fileName}
        </div>
      </>
    ),
  },
  { id: 'format', header: 'Format', cell: (item) => item.options.format.toUpperCase() },
  { id: 'rows', header: 'Rows', align: 'right', className: 'num', cell: (item) => formatCount(item.rows) },
  { id: 'duration', header: 'Duration', align: 'right', className: 'num', cell: (item) => duration(item.startedAt, item.finishedAt) },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: (item) => (
      <>
        <ExportStateBadge state={item.outcome} />
        {item.error && (
          <div className="faint" style={{ maxWidth: 280 }}>
            {item.error.message}
            {item.error.traceId && <span className="mono"> · {item.error.traceId}</span>}
          </div>
        )}
      </>
    ),
  },
];

/** The export audit: who exported which account's rows, with which filters and format, how long it took and how it ended. */
export function ExportAuditTable({ items, busy }: { items: readonly ExportAuditDto[]; busy: boolean }) {
  return <DataTable name="Exports, newest first" regionName="CSV exports" columns={COLUMNS} rows={items} rowKey={(item) => item.id} busy={busy} />;
}
