import type { Metadata } from 'next';
import Link from 'next/link';
import { ExportAuditTable } from '@/components/exports/audit-table';
import { requirePageSession } from '@/lib/auth/session';
import { listExportAuditDtos } from '@/lib/exports/audit';
import { DEFAULT_AUDIT_LIMIT, exportAuditQuerySchema } from '@/lib/exports/audit-schema';

export const metadata: Metadata = { title: 'Exports' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ExportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageSession('admin');
  const { cursor } = await searchParams;
  // The browser's reading of the URL: a bad cursor shows the newest exports instead of an error.
  const query = exportAuditQuerySchema.safeParse({ cursor: typeof cursor === 'string' && /^\d{1,10}$/.test(cursor) ? cursor : undefined });
  const page = await listExportAuditDtos(user.organizationId, query.success ? query.data : { limit: DEFAULT_AUDIT_LIMIT });
  return (
    <>
      <header className="page-head">
        <div>
          <h1>Exports</h1>
          <p className="muted">Every CSV export of {user.organizationName}: who, when, which account and filters, and how it ended.</p>
        </div>
      </header>
      {page.items.length === 0 ? (
        <div className="card empty">
          <h2>No exports yet</h2>
          <p>Exports started from the transactions view or a payout appear here.</p>
        </div>
      ) : (
        <div className="card">
          <ExportAuditTable items={page.items} />
          {(cursor !== undefined || page.nextCursor) && (
            <nav className="pagination" aria-label="Export pages">
              {cursor !== undefined ? <Link href="/exports">Newest</Link> : <span />}
              {page.nextCursor && <Link href={`/exports?cursor=${page.nextCursor}`}>Older exports</Link>}
            </nav>
          )}
        </div>
      )}
    </>
  );
}
