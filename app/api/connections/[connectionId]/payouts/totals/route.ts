import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { connectionIdPath } from '@/lib/http/params';
import { payoutsQuerySchema } from '@/lib/list-query/payouts';
import { payoutTotals } from '@/lib/payouts/totals';
import { withResume } from '@/lib/paging/resume';

// GET /api/connections/:id/payouts/totals: the range's payouts per status and currency, counted and summed.
export const GET = apiRoute(
  { role: 'finance', query: withResume(payoutsQuerySchema), params: { connectionId: connectionIdPath } },
  async ({ user, query, params, signal }) => {
    const connection = await loadConnection(user.organizationId, params.connectionId);
    return json(await payoutTotals(connection, query.query, { timeZone: user.organizationTimezone, resume: query.resume, signal }));
  },
);
