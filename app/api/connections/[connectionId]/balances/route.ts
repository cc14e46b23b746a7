import { loadAccountBalances } from '@/lib/balances/service';
import { findConnectionSummary } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { connectionIdPath, noQuery } from '@/lib/http/params';

// GET /api/connections/:id/balances: one account's balances (the overview's retry).
export const GET = apiRoute({ role: 'viewer', query: noQuery, params: { connectionId: connectionIdPath } }, async ({ user, params }) => {
  const connection = await findConnectionSummary(user.organizationId, params.connectionId);
  return json(await loadAccountBalances(user.organizationId, connection));
});
