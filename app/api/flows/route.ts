import { requireApiSession } from '@/lib/auth/session';
import { flowsQuerySchema } from '@/lib/flows/query';
import { loadFlows } from '@/lib/flows/service';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

// GET /api/flows?period=30d|from=&to=&currency=USD&account=all|<id>: money in and out per day or week, and the period's Sankey.
export const GET = apiRoute(async (request) => {
  const user = await requireApiSession('finance');
  const query = parseQuery(flowsQuerySchema, request.nextUrl.searchParams);
  return json(await loadFlows(user, query, { signal: request.signal }));
});
