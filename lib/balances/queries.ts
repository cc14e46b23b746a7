import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';

/** Loaded on the first fetch: the page hydrates from the server's data without building them. */
const schemas = () => import('./schema');

export const balanceKeys = {
  overview: ['balances', 'overview'] as const,
};

export function overviewQueryOptions() {
  return queryOptions({
    queryKey: balanceKeys.overview,
    queryFn: ({ signal }) => fetchJson('/api/balances', () => schemas().then((m) => m.overviewSchema), { signal }),
  });
}

/** One account's fresh figures (Refresh, Retry): past the cache, still within its provider's budget. */
export function fetchAccountBalances(connectionId: string) {
  return fetchJson(`/api/connections/${encodeURIComponent(connectionId)}/balances?refresh=1`, () => schemas().then((m) => m.accountBalancesSchema));
}
