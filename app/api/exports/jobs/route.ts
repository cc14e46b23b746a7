import { exportJobSystem } from '@/lib/exports/job-system';
import { listJobDtos } from '@/lib/exports/jobs';
import { apiRoute, json } from '@/lib/http/handler';
import { noQuery } from '@/lib/http/query';

// GET /api/exports/jobs: My exports, newest first (an admin sees the organization's).
export const GET = apiRoute({ role: 'finance', query: noQuery }, async ({ user }) =>
  json({ items: await listJobDtos(await exportJobSystem(), user) }),
);
