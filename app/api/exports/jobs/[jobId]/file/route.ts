import { requireApiSession } from '@/lib/auth/session';
import { exportJobSystem } from '@/lib/exports/job-system';
import { downloadJob } from '@/lib/exports/jobs';
import { apiRoute } from '@/lib/http/handler';

// GET /api/exports/jobs/:id/file: the finished file (same tenant, finance or admin, its author or an admin).
export const GET = apiRoute<{ jobId: string }>(async (_request, { params }) => {
  const user = await requireApiSession('finance');
  return downloadJob(await exportJobSystem(), user, (await params).jobId);
});
