import type { Metadata } from 'next';
import { listAudit } from '@/lib/admin/audit';
import { requirePageSession } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { NoValue } from '@/components/ui/no-value';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ZonedDate } from '@/components/ui/zoned-date';

export const metadata: Metadata = { title: 'Audit log' };

/** A moment as the audit stores it (`toISOString`): shown in the organization's zone like every date. */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function Values({ value, timeZone }: { value: Record<string, unknown> | null | undefined; timeZone: string }) {
  if (!value || Object.keys(value).length === 0) return <NoValue />;
  return (
    <ul className="audit-values">
      {Object.entries(value).map(([key, item]) => (
        <li key={key}>
          <span className="muted">{key}:</span>{' '}
          {typeof item === 'string' && MOMENT.test(item) ? (
            <ZonedDate iso={item} timeZone={timeZone} withSeconds />
          ) : (
            <span className="mono">{typeof item === 'string' ? item : JSON.stringify(item)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function AuditPage() {
  const user = await requirePageSession('admin');
  const entries = await listAudit(await getDb(), user.organizationId);
  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="card-head"><h2 id="audit-title" style={{ margin: 0 }}>Audit log</h2><span className="faint">Newest first, last 100</span></div>
      {entries.length === 0 ? <p className="card-body empty">No changes yet.</p> : (
        <ScrollRegion label="Audit log, scrollable" className="card-body">
          <table className="data audit-table">
            <caption className="visually-hidden">Audit log</caption>
            <thead><tr><th scope="col">When <span className="faint">({user.organizationTimezone})</span></th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td><ZonedDate iso={e.createdAt.toISOString()} timeZone={user.organizationTimezone} withSeconds /></td>
                  <td>{e.actorEmail}</td>
                  <td>{e.action}<div className="faint">{e.target.label}</div></td>
                  <td><Values value={e.before} timeZone={user.organizationTimezone} /></td>
                  <td><Values value={e.after} timeZone={user.organizationTimezone} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
