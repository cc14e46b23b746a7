import type { Metadata } from 'next';
import { listAudit } from '@/lib/admin/audit';
import { requirePageSession } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { NoValue } from '@/components/ui/no-value';
import { ZonedDate } from '@/components/ui/zoned-date';

export const metadata: Metadata = { title: 'Audit log' };

function Values({ value }: { value: Record<string, unknown> | null | undefined }) {
  if (!value || Object.keys(value).length === 0) return <NoValue />;
  return (
    <ul className="audit-values">
      {Object.entries(value).map(([key, item]) => (
        <li key={key}>
          <span className="muted">{key}:</span> <span className="mono">{typeof item === 'string' ? item : JSON.stringify(item)}</span>
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
      <div className="card-body table-wrap">
        {entries.length === 0 ? <p className="empty">No changes yet.</p> : (
          <table className="data">
            <thead><tr><th scope="col">When <span className="faint">({user.organizationTimezone})</span></th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td><ZonedDate iso={e.createdAt.toISOString()} timeZone={user.organizationTimezone} withSeconds /></td>
                  <td>{e.actorEmail}</td>
                  <td>{e.action}<div className="faint">{e.target.label}</div></td>
                  <td><Values value={e.before} /></td>
                  <td><Values value={e.after} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
