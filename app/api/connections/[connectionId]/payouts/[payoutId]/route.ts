import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';
import { getPayoutDetail } from '@/lib/payouts/service';

const querySchema = z.object({}).strict();

// GET /api/connections/:id/payouts/:payoutId: a payout, its transactions, totals and reconciliation.
export const GET = apiRoute<{ connectionId: string; payoutId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  parseQuery(querySchema, request.nextUrl.searchParams);
  const { connectionId, payoutId } = await params;
  const connection = await loadConnection(user.organizationId, connectionId);
  return json(await getPayoutDetail(connection, payoutId, { signal: request.signal }));
});
