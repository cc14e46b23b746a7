import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { exportJobSystem } from '@/lib/exports/job-system';
import { listJobDtos } from '@/lib/exports/jobs';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

const querySchema = z.strictObject({});

// GET /api/exports/jobs: My exports, newest first (an admin sees the organization's).
export const GET = apiRoute(async (request) => {
  const user = await requireApiSession('finance');
  parseQuery(querySchema, request.nextUrl.searchParams);
  return json({ items: await listJobDtos(await exportJobSystem(), user) });
});
