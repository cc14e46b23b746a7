import { infiniteQueryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { fetchJson, type ResponseSchema } from '@/lib/query/fetch-json';

/**
 * A resumable totals walk as one infinite query: each step carries the sums so far and the next resumes the
 * server's walk where it stopped (its `resume` token), until the answer is complete. Isomorphic.
 */
export function resumableTotalsQueryOptions<T extends { readonly resume: string | null }>(
  key: string,
  connectionId: string,
  /** Below the connection's API path, e.g. `transactions/totals`. */
  route: string,
  search: string,
  schema: ResponseSchema<z.ZodType<T>>,
) {
  return infiniteQueryOptions({
    queryKey: [key, connectionId, search] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(search);
      if (pageParam) params.set('resume', pageParam);
      const tail = params.toString();
      return fetchJson(`/api/connections/${encodeURIComponent(connectionId)}/${route}${tail ? `?${tail}` : ''}`, schema, { signal });
    },
    getNextPageParam: (last) => last.resume,
  });
}
