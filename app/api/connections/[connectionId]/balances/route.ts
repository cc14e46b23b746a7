import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { loadAccountBalances } from '@/lib/balances/service';
import { findConnectionSummary } from '@/lib/connections/load';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

const querySchema = z.object({ refresh: z.literal('1').optional() }).strict();

// GET /api/connections/:id/balances[?refresh=1]: one account's balances (the overview's retry).
export const GET = apiRoute<{ connectionId: string }>(async (request, { params }) => {
  const user = await requireApiSession('viewer');
  const query = parseQuery(querySchema, request.nextUrl.searchParams);
  const connection = await findConnectionSummary(user.organizationId, (await params).connectionId);
  return json(await loadAccountBalances(user.organizationId, connection, { refresh: query.refresh === '1' }));
});
