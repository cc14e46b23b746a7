import { exportJobSystem } from '@/lib/exports/job-system';
import { cancelJob } from '@/lib/exports/jobs';
import { apiRoute, json } from '@/lib/http/handler';
import { exportIdPath } from '@/lib/http/params';
import { noQuery } from '@/lib/http/query';

// POST /api/exports/jobs/:id/cancel: stops a queued or running job; its file is deleted.
export const POST = apiRoute({ role: 'finance', query: noQuery, params: { jobId: exportIdPath } }, async ({ user, params }) =>
  json(await cancelJob(await exportJobSystem(), user, params.jobId)),
);
