import { requireApiSession } from '@/lib/auth/session';
import { exportJobSystem } from '@/lib/exports/job-system';
import { cancelJob } from '@/lib/exports/jobs';
import { apiRoute, json } from '@/lib/http/handler';

// POST /api/exports/jobs/:id/cancel: stops a queued or running job; its file is deleted.
export const POST = apiRoute<{ jobId: string }>(async (_request, { params }) => {
  const user = await requireApiSession('finance');
  return json(await cancelJob(await exportJobSystem(), user, (await params).jobId));
});
