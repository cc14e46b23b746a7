import { exportJobSystem } from '@/lib/exports/job-system';
import { retryJob } from '@/lib/exports/jobs';
import { apiRoute, json } from '@/lib/http/handler';
import { exportIdPath } from '@/lib/http/params';
import { noQuery } from '@/lib/http/query';

// POST /api/exports/jobs/:id/retry: a failed or cancelled export again, as a new job (202).
export const POST = apiRoute({ role: 'finance', query: noQuery, params: { jobId: exportIdPath } }, async ({ user, params }) => {
  const job = await retryJob(await exportJobSystem(), user, params.jobId);
  return json(job, { status: 202, headers: { Location: `/api/exports/jobs/${job.id}` } });
});
