import { exportJobSystem } from '@/lib/exports/job-system';
import { downloadJob } from '@/lib/exports/jobs';
import { apiRoute } from '@/lib/http/handler';
import { exportIdPath } from '@/lib/http/params';
import { noQuery } from '@/lib/http/query';

// GET /api/exports/jobs/:id/file: the finished file (same tenant, finance or admin, its author or an admin).
export const GET = apiRoute({ role: 'finance', query: noQuery, params: { jobId: exportIdPath } }, async ({ user, params }) =>
  downloadJob(await exportJobSystem(), user, params.jobId),
);
