import { requireApiSession } from '@/lib/auth/session';
import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';
import { transactionsQuerySchema } from '@/lib/transactions/query';
import { listTransactions } from '@/lib/transactions/service';

// GET /api/connections/:id/transactions: one account's balance transactions, newest first, filtered and paged.
export const GET = apiRoute<{ connectionId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  const query = parseQuery(transactionsQuerySchema, request.nextUrl.searchParams);
  const connection = await loadConnection(user.organizationId, (await params).connectionId);
  return json(await listTransactions(connection, query, { timeZone: user.organizationTimezone, signal: request.signal }));
});
