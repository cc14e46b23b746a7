import type { Metadata } from 'next';
import { ExportAudit } from '@/components/exports/export-audit';
import { MyExports } from '@/components/exports/my-exports';
import { requirePageSession } from '@/lib/auth/session';
import { listExportAuditDtos } from '@/lib/exports/audit';
import { parseAuditSearchParams } from '@/lib/exports/audit-query';
import { exportJobSystem } from '@/lib/exports/job-system';
import { listJobDtos } from '@/lib/exports/jobs';

export const metadata: Metadata = { title: 'My exports' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ExportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageSession('finance');
  const admin = user.role === 'admin';
  const jobs = await listJobDtos(await exportJobSystem(), user);
  // The browser's reading of the URL: a bad cursor shows the newest exports instead of an error.
  const query = parseAuditSearchParams(await searchParams);
  const audit = admin ? await listExportAuditDtos(user.organizationId, query) : null;
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
        <section className="exports-audit stack" aria-labelledby="audit-title">
          <h2 id="audit-title">Audit log</h2>
          <p className="muted">Every ended export: who, which account and filters, the format, how many rows and how it ended.</p>
          <ExportAudit initial={audit} initialCursor={query.cursor} />
        </section>
      )}
    </>
  );
}
