import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { accountBalancesSchema, overviewSchema } from './schema';

export const balanceKeys = {
  overview: ['balances', 'overview'] as const,
};

export function overviewQueryOptions() {
  return queryOptions({
    queryKey: balanceKeys.overview,
    queryFn: ({ signal }) => fetchJson('/api/balances', overviewSchema, { signal }),
  });
}

/** One account's fresh figures (Refresh, Retry): past the cache, still within its provider's budget. */
export function fetchAccountBalances(connectionId: string) {
  return fetchJson(`/api/connections/${encodeURIComponent(connectionId)}/balances?refresh=1`, accountBalancesSchema);
}
