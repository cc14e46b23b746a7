import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { connectionsResponseSchema } from './schema';

export const connectionKeys = {
  all: ['connections'] as const,
};

/** The organization's connections and what each can show, for pickers and coverage notes. */
export function connectionsQueryOptions() {
  return queryOptions({
    queryKey: connectionKeys.all,
    queryFn: ({ signal }) => fetchJson('/api/connections', connectionsResponseSchema, { signal }),
  });
}
