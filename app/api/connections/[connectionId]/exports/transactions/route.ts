import { loadConnection } from '@/lib/connections/load';
import { getDb } from '@/lib/db';
import { apiRoute } from '@/lib/http/handler';
import { connectionIdPath } from '@/lib/http/params';
import { exportRequestReader } from '@/lib/exports/request';
import { exportTransactions } from '@/lib/exports/service';

// GET /api/connections/:id/exports/transactions: every transaction matching the list's filters, streamed as CSV.
export const GET = apiRoute(
  { role: 'finance', query: exportRequestReader, params: { connectionId: connectionIdPath } },
  async ({ user, query, params, signal }) => {
    const connection = await loadConnection(user.organizationId, params.connectionId);
    return exportTransactions(connection, query, { user, db: await getDb(), signal });
  },
);
