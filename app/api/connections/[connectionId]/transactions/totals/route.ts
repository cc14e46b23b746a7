import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json } from '@/lib/http/handler';
import { connectionIdPath } from '@/lib/http/params';
import { databaseKeptDays } from '@/lib/kept-days/store';
import { transactionsQuerySchema } from '@/lib/list-query/transactions';
import { withResume } from '@/lib/paging/resume';
import { transactionTotals } from '@/lib/transactions/totals';

// GET /api/connections/:id/transactions/totals: count and per-currency sums of every row the list's filters keep.
export const GET = apiRoute(
  { role: 'finance', query: withResume(transactionsQuerySchema), params: { connectionId: connectionIdPath } },
  async ({ user, query, params, signal }) => {
    const connection = await loadConnection(user.organizationId, params.connectionId);
    return json(await transactionTotals(connection, query.query, { timeZone: user.organizationTimezone, resume: query.resume, signal, keptDays: databaseKeptDays() }));
  },
);
