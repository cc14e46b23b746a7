import { z } from 'zod';
import { loadOverview } from '@/lib/balances/service';
import { listOrganizationConnections } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';

const querySchema = z.strictObject({ refresh: z.literal('1').optional() });

// GET /api/balances[?refresh=1]: every balance of the signed-in organization, per account and per currency;
// from the short-lived cache unless refresh=1 asks for fresh figures.
export const GET = apiRoute({ role: 'viewer', query: querySchema }, async ({ user, query }) => {
  const connections = await listOrganizationConnections(user.organizationId);
  return json(await loadOverview(user.organizationId, connections, { refresh: query.refresh === '1' }));
});
