import { requireApiSession } from '@/lib/auth/session';
import { loadConnection } from '@/lib/connections/load';
import { ApiError } from '@/lib/http/api-error';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';
import { payoutsQuerySchema } from '@/lib/payouts/query';
import { payoutTotals } from '@/lib/payouts/totals';
import { resumeParam } from '@/lib/transactions/totals';

// GET /api/connections/:id/payouts/totals: the range's payouts per status and currency, counted and summed.
export const GET = apiRoute<{ connectionId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  const search = new URLSearchParams(request.nextUrl.searchParams);
  const resume = resumeParam.safeParse(search.get('resume') ?? undefined);
  if (!resume.success || search.getAll('resume').length > 1) throw new ApiError(400, 'invalid_parameter', 'Invalid query parameter "resume".');
  search.delete('resume');
  const query = parseQuery(payoutsQuerySchema, search);
  const connection = await loadConnection(user.organizationId, (await params).connectionId);
  return json(await payoutTotals(connection, query, { timeZone: user.organizationTimezone, resume: resume.data, signal: request.signal }));
});
