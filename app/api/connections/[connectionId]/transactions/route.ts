import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { databaseKeptDays } from '@/lib/kept-days/store';
import { connectionIdPath } from '@/lib/http/params';
import { transactionsQuerySchema } from '@/lib/list-query/transactions';
import { listTransactions } from '@/lib/transactions/service';

// GET /api/connections/:id/transactions: one account's balance transactions, newest first, filtered and paged.
export const GET = apiRoute(
  { role: 'finance', query: transactionsQuerySchema, params: { connectionId: connectionIdPath } },
  async ({ user, query, params, signal }) => {
    const connection = await loadConnection(user.organizationId, params.connectionId);
    return json(await listTransactions(connection, query, { timeZone: user.organizationTimezone, signal, keptDays: databaseKeptDays() }));
  },
);
