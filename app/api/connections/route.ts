import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';
import { listConnectionDtos } from '@/lib/transactions/connections';

const querySchema = z.object({}).strict();

// GET /api/connections: the organization's connected accounts and their capabilities, no credentials.
export const GET = apiRoute(async (request) => {
  const user = await requireApiSession('viewer');
  parseQuery(querySchema, request.nextUrl.searchParams);
  return json(await listConnectionDtos(user.organizationId));
});
