import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';

export const connectionKeys = {
  all: ['connections'] as const,
};

/** The organization's connections and what each can show, for pickers and coverage notes. */
export function connectionsQueryOptions() {
  return queryOptions({
    queryKey: connectionKeys.all,
    queryFn: ({ signal }) => fetchJson('/api/connections', () => import('./schema').then((m) => m.connectionsResponseSchema), { signal }),
  });
}
