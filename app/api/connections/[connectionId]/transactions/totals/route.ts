import { requireApiSession } from '@/lib/auth/session';
import { loadConnection } from '@/lib/connections/load';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';
import { ApiError } from '@/lib/http/api-error';
import { transactionsQuerySchema } from '@/lib/transactions/query';
import { resumeParam, transactionTotals } from '@/lib/transactions/totals';

// GET /api/connections/:id/transactions/totals: count and per-currency sums of every row the list's filters keep.
export const GET = apiRoute<{ connectionId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  const search = new URLSearchParams(request.nextUrl.searchParams);
  const resume = resumeParam.safeParse(search.get('resume') ?? undefined);
  if (!resume.success || search.getAll('resume').length > 1) throw new ApiError(400, 'invalid_parameter', 'Invalid query parameter "resume".');
  search.delete('resume');
  const query = parseQuery(transactionsQuerySchema, search);
  const connection = await loadConnection(user.organizationId, (await params).connectionId);
  return json(
    await transactionTotals(connection, query, { timeZone: user.organizationTimezone, resume: resume.data, signal: request.signal }),
  );
});
