import { requireApiSession } from '@/lib/auth/session';
import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';
import { payoutsQuerySchema } from '@/lib/payouts/query';
import { listPayouts } from '@/lib/payouts/service';

// GET /api/connections/:id/payouts: one account's payouts, newest first, filtered and paged.
export const GET = apiRoute<{ connectionId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  const query = parseQuery(payoutsQuerySchema, request.nextUrl.searchParams);
  const connection = await loadConnection(user.organizationId, (await params).connectionId);
  return json(await listPayouts(connection, query, { timeZone: user.organizationTimezone, signal: request.signal }));
});
