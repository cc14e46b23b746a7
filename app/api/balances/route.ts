import { loadOverview } from '@/lib/balances/service';
import { listOrganizationConnections } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { noQuery } from '@/lib/http/params';

// GET /api/balances: every balance of the signed-in organization, per account and per currency.
export const GET = apiRoute({ role: 'viewer', query: noQuery }, async ({ user }) =>
  json(await loadOverview(user.organizationId, await listOrganizationConnections(user.organizationId))),
);
