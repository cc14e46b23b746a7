import type { Metadata } from 'next';
import { ExportAudit } from '@/components/exports/export-audit';
import { MyExports } from '@/components/exports/my-exports';
import { requirePageSession } from '@/lib/auth/session';
import { listExportAuditDtos } from '@/lib/exports/audit';
import { DEFAULT_AUDIT_LIMIT } from '@/lib/exports/audit-query';
import { exportAuditQuerySchema } from '@/lib/exports/audit-schema';
import { exportJobSystem } from '@/lib/exports/job-system';
import { listJobDtos } from '@/lib/exports/jobs';

export const metadata: Metadata = { title: 'My exports' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ExportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageSession('finance');
  const admin = user.role === 'admin';
  const jobs = await listJobDtos(await exportJobSystem(), user);
  const { cursor } = await searchParams;
  // The browser's reading of the URL: a bad cursor shows the newest exports instead of an error.
  const query = exportAuditQuerySchema.safeParse({ cursor: typeof cursor === 'string' && /^\d{1,10}$/.test(cursor) ? cursor : undefined });
  const audit = admin ? await listExportAuditDtos(user.organizationId, query.success ? query.data : { limit: DEFAULT_AUDIT_LIMIT }) : null;
  return (
    <>
      <header className="page-head">
        <div>
          <h1>My exports</h1>
          <p className="muted">
            {admin ? `Every export of ${user.organizationName}` : 'Your exports'}: running ones with their progress, finished files to download.
          </p>
        </div>
      </header>
      <MyExports initial={jobs} showUser={admin} />
      {audit && (
        <section className="stack" aria-labelledby="audit-title">
          <h2 id="audit-title">Audit log</h2>
          <p className="muted">Every ended export: who, which account and filters, the format, how many rows and how it ended.</p>
          <ExportAudit initial={audit} initialCursor={query.success ? query.data.cursor : undefined} />
        </section>
      )}
    </>
  );
}
