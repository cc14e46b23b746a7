import { flowsQuerySchema } from '@/lib/flows/query';
import { loadFlows } from '@/lib/flows/service';
import { apiRoute, json } from '@/lib/http/handler';

// GET /api/flows?period=30d|from=&to=&currency=USD&account=all|<id>: money in and out per day or week, and the period's Sankey.
export const GET = apiRoute({ role: 'finance', query: flowsQuerySchema }, async ({ user, query, signal }) =>
  json(await loadFlows(user, query, { signal })),
);
