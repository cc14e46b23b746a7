import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { toPayoutsSearchParams, type PayoutsQuery } from './query';
import { payoutDetailSchema, payoutsPageSchema } from './schema';

export const payoutKeys = {
  list: (connectionId: string, query: PayoutsQuery) => ['payouts', connectionId, toPayoutsSearchParams(query).toString()] as const,
  detail: (connectionId: string, payoutId: string) => ['payouts', connectionId, 'detail', payoutId] as const,
};

export function payoutsQueryOptions(connectionId: string, query: PayoutsQuery) {
  const search = toPayoutsSearchParams(query).toString();
  return queryOptions({
    queryKey: payoutKeys.list(connectionId, query),
    queryFn: ({ signal }) =>
      fetchJson(`/api/connections/${encodeURIComponent(connectionId)}/payouts${search ? `?${search}` : ''}`, payoutsPageSchema, {
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
        payoutDetailSchema,
        { signal },
      ),
  });
}
