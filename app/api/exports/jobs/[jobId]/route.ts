import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { exportJobSystem } from '@/lib/exports/job-system';
import { readJobDto } from '@/lib/exports/jobs';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

const querySchema = z.strictObject({});

// GET /api/exports/jobs/:id: one job's status and progress (its author or an admin).
export const GET = apiRoute<{ jobId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  parseQuery(querySchema, request.nextUrl.searchParams);
  return json(await readJobDto(await exportJobSystem(), user, (await params).jobId));
});
