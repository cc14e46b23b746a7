import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { resumableTotalsQueryOptions } from '@/lib/paging/totals-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { DEFAULT_PAYOUT_LIMIT, toPayoutsSearchParams, type PayoutsQuery } from '@/lib/list-query/payouts-url';

/** Loaded on the first fetch: the page hydrates from the server's data without building them. */
const schemas = () => import('./schema');

export const payoutKeys = {
  list: (connectionId: string, query: PayoutsQuery) => ['payouts', connectionId, toPayoutsSearchParams(query).toString()] as const,
  detail: (connectionId: string, payoutId: string) => ['payouts', connectionId, 'detail', payoutId] as const,
};

export function payoutsQueryOptions(connectionId: string, query: PayoutsQuery) {
  const search = toPayoutsSearchParams(query).toString();
  return queryOptions({
    queryKey: payoutKeys.list(connectionId, query),
    queryFn: ({ signal }) =>
      fetchJson(`/api/connections/${encodeURIComponent(connectionId)}/payouts${search ? `?${search}` : ''}`, () => schemas().then((m) => m.payoutsPageSchema), {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function payoutDetailQueryOptions(connectionId: string, payoutId: string) {
  return queryOptions({
    queryKey: payoutKeys.detail(connectionId, payoutId),
    queryFn: ({ signal }) =>
      fetchJson(
        `/api/connections/${encodeURIComponent(connectionId)}/payouts/${encodeURIComponent(payoutId)}`,
        () => schemas().then((m) => m.payoutDetailSchema),
        { signal },
      ),
  });
}

/** The range's totals per status; each step carries the sums so far and the next resumes the server's walk. */
export function payoutTotalsQueryOptions(connectionId: string, query: PayoutsQuery) {
  const search = toPayoutsSearchParams({ limit: DEFAULT_PAYOUT_LIMIT, from: query.from, to: query.to, tz: query.tz }).toString();
  return resumableTotalsQueryOptions('payout-totals', connectionId, 'payouts/totals', search, () =>
    import('./totals-schema').then((m) => m.payoutTotalsSchema),
  );
}
