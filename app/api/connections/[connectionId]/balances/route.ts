import { z } from 'zod';
import { loadAccountBalances } from '@/lib/balances/service';
import { findConnectionSummary } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { connectionIdPath } from '@/lib/http/params';

const querySchema = z.strictObject({ refresh: z.literal('1').optional() });

// GET /api/connections/:id/balances[?refresh=1]: one account's balances (the overview's retry and Refresh).
export const GET = apiRoute(
  { role: 'viewer', query: querySchema, params: { connectionId: connectionIdPath } },
  async ({ user, params, query }) => {
    const connection = await findConnectionSummary(user.organizationId, params.connectionId);
    return json(await loadAccountBalances(user.organizationId, connection, { refresh: query.refresh === '1' }));
  },
);
