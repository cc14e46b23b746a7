import { exportJobSystem } from '@/lib/exports/job-system';
import { readJobDto } from '@/lib/exports/jobs';
import { apiRoute, json } from '@/lib/http/handler';
import { exportIdPath } from '@/lib/http/params';
import { noQuery } from '@/lib/http/query';

// GET /api/exports/jobs/:id: one job's status and progress (its author or an admin).
export const GET = apiRoute({ role: 'finance', query: noQuery, params: { jobId: exportIdPath } }, async ({ user, params }) =>
  json(await readJobDto(await exportJobSystem(), user, params.jobId)),
);
