import { LocalTime } from '@/components/ui/time';
import { ZoneLabel } from '@/components/ui/zone-label';
import type { ExportAuditDto, ExportOutcomeDto } from '@/lib/exports/audit-schema';
import { describeFilters } from '@/lib/exports/describe';
import { ScrollRegion } from '@/components/ui/scroll-region';

const OUTCOME: Record<ExportOutcomeDto, { label: string; tone: string }> = {
  running: { label: 'Running', tone: 'badge-info' },
  completed: { label: 'Completed', tone: 'badge-success' },
  failed: { label: 'Failed', tone: 'badge-danger' },
  cancelled: { label: 'Cancelled', tone: 'badge-warning' },
  interrupted: { label: 'Interrupted', tone: 'badge-danger' },
};

function duration(startedAt: string, finishedAt: string | null): string {
  if (finishedAt === null) return '';
  const seconds = Math.max(0, (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000);
  return seconds < 90 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}

/** The export audit: who exported which account's rows, with which filters and format, how long it took and how it ended. */
export function ExportAuditTable({ items }: { items: readonly ExportAuditDto[] }) {
  return (
    <ScrollRegion label="CSV exports">
      <table className="data">
        <caption className="visually-hidden">Exports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">
              Started <ZoneLabel />
            </th>
            <th scope="col">User</th>
            <th scope="col">Account</th>
            <th scope="col">Filters</th>
            <th scope="col">Format</th>
            <th scope="col" className="right">
              Rows
            </th>
            <th scope="col" className="right">
              Duration
            </th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="num">
                <LocalTime iso={item.startedAt} withDate />
              </td>
              <td>{item.user.email}</td>
              <td>{item.account.label}</td>
              <td>
                {describeFilters(item.filters)}
                <div className="faint mono" title="File name">
                  {item.fileName}
                </div>
              </td>
              <td>{item.options.format.toUpperCase()}</td>
              <td className="right num">{item.rows.toLocaleString('en-US')}</td>
              <td className="right num">{duration(item.startedAt, item.finishedAt)}</td>
              <td>
                <span className={`badge ${OUTCOME[item.outcome].tone}`}>{OUTCOME[item.outcome].label}</span>
                {item.error && (
                  <div className="faint" style={{ maxWidth: 280 }}>
                    {item.error.message}
                    {item.error.traceId && <span className="mono"> · {item.error.traceId}</span>}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
