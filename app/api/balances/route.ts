import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { loadOverview } from '@/lib/balances/service';
import { listOrganizationConnections } from '@/lib/connections/load';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

const querySchema = z.object({ refresh: z.literal('1').optional() }).strict();

// GET /api/balances[?refresh=1]: every balance of the signed-in organization, per account and per currency;
// from the short-lived cache unless refresh=1 asks for fresh figures.
export const GET = apiRoute(async (request) => {
  const user = await requireApiSession('viewer');
  const query = parseQuery(querySchema, request.nextUrl.searchParams);
  const connections = await listOrganizationConnections(user.organizationId);
  return json(await loadOverview(user.organizationId, connections, { refresh: query.refresh === '1' }));
});
