import { requireApiSession } from '@/lib/auth/session';
import { exportJobSystem } from '@/lib/exports/job-system';
import { startExportJob } from '@/lib/exports/jobs';
import { apiRoute, json } from '@/lib/http/handler';

// POST /api/connections/:id/exports/transactions?<list filters>&<export options>: starts an export job (202).
export const POST = apiRoute<{ connectionId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  const job = await startExportJob(await exportJobSystem(), user, (await params).connectionId, request.nextUrl.searchParams);
  return json(job, { status: 202, headers: { Location: `/api/exports/jobs/${job.id}` } });
});
