import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { resumableTotalsQueryOptions } from '@/lib/paging/totals-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { toSearchParams, type TransactionsQuery } from '@/lib/list-query/transactions-url';

export const transactionKeys = {
  list: (connectionId: string, query: TransactionsQuery) =>
    ['transactions', connectionId, toSearchParams(query).toString()] as const,
};

/** Keeps the shown page while the next one loads; the view keeps the last good page itself on an error. */
export function transactionsQueryOptions(connectionId: string, query: TransactionsQuery) {
  const search = toSearchParams(query).toString();
  return queryOptions({
    queryKey: transactionKeys.list(connectionId, query),
    queryFn: ({ signal }) =>
      fetchJson(
        `/api/connections/${encodeURIComponent(connectionId)}/transactions${search ? `?${search}` : ''}`,
        () => import('./schema').then((m) => m.transactionsPageSchema),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** The filters alone: totals do not depend on the page size or the cursor. */
export function totalsSearch(query: TransactionsQuery): string {
  const params = toSearchParams({ ...query, cursor: undefined });
  params.delete('limit');
  return params.toString();
}

/** Each step carries the sums so far; the next one resumes the server's walk where it stopped. */
export function transactionTotalsQueryOptions(connectionId: string, query: TransactionsQuery) {
  return resumableTotalsQueryOptions('transaction-totals', connectionId, 'transactions/totals', totalsSearch(query), () =>
    import('./totals-schema').then((m) => m.transactionTotalsSchema),
  );
}
