import { requireApiSession } from '@/lib/auth/session';
import { exportJobSystem } from '@/lib/exports/job-system';
import { retryJob } from '@/lib/exports/jobs';
import { apiRoute, json } from '@/lib/http/handler';

// POST /api/exports/jobs/:id/retry: a failed or cancelled export again, as a new job (202).
export const POST = apiRoute<{ jobId: string }>(async (_request, { params }) => {
  const user = await requireApiSession('finance');
  const job = await retryJob(await exportJobSystem(), user, (await params).jobId);
  return json(job, { status: 202, headers: { Location: `/api/exports/jobs/${job.id}` } });
});
