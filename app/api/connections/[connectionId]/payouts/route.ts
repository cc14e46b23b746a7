import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { connectionIdPath } from '@/lib/http/params';
import { payoutsQuerySchema } from '@/lib/list-query/payouts';
import { listPayouts } from '@/lib/payouts/service';

// GET /api/connections/:id/payouts: one account's payouts, newest first, filtered and paged.
export const GET = apiRoute(
  { role: 'finance', query: payoutsQuerySchema, params: { connectionId: connectionIdPath } },
  async ({ user, query, params, signal }) => {
    const connection = await loadConnection(user.organizationId, params.connectionId);
    return json(await listPayouts(connection, query, { timeZone: user.organizationTimezone, signal }));
  },
);
