import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { loadOverview } from '@/lib/balances/service';
import { listOrganizationConnections } from '@/lib/connections/load';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

const querySchema = z.object({}).strict();

// GET /api/balances: every balance of the signed-in organization, per account and per currency.
export const GET = apiRoute(async (request) => {
  const user = await requireApiSession('viewer');
  parseQuery(querySchema, request.nextUrl.searchParams);
  return json(await loadOverview(user.organizationId, await listOrganizationConnections(user.organizationId)));
});
