import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { connectionIdPath, payoutIdPath } from '@/lib/http/params';
import { getPayoutDetail } from '@/lib/payouts/service';
import { noQuery } from '@/lib/http/query';

// GET /api/connections/:id/payouts/:payoutId: a payout, its transactions, totals and reconciliation.
export const GET = apiRoute(
  { role: 'finance', query: noQuery, params: { connectionId: connectionIdPath, payoutId: payoutIdPath } },
  async ({ user, params, signal }) => {
    const connection = await loadConnection(user.organizationId, params.connectionId);
    return json(await getPayoutDetail(connection, params.payoutId, { signal }));
  },
);
