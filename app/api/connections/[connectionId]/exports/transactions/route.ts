import { requireApiSession } from '@/lib/auth/session';
import { loadConnection } from '@/lib/connections/load';
import { getDb } from '@/lib/db';
import { apiRoute } from '@/lib/http/handler';
import { parseExportRequest } from '@/lib/exports/request';
import { exportTransactions } from '@/lib/exports/service';

// GET /api/connections/:id/exports/transactions: every transaction matching the list's filters, streamed as CSV.
export const GET = apiRoute<{ connectionId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  const exportRequest = parseExportRequest(request.nextUrl.searchParams);
  const connection = await loadConnection(user.organizationId, (await params).connectionId);
  return exportTransactions(connection, exportRequest, { user, db: await getDb(), signal: request.signal });
});
