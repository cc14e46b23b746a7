import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { toSearchParams, type TransactionsQuery } from './query';
import { connectionsResponseSchema, transactionsPageSchema } from './schema';

export const transactionKeys = {
  connections: ['connections'] as const,
  list: (connectionId: string, query: TransactionsQuery) =>
    ['transactions', connectionId, toSearchParams(query).toString()] as const,
};

export function connectionsQueryOptions() {
  return queryOptions({
    queryKey: transactionKeys.connections,
    queryFn: ({ signal }) => fetchJson('/api/connections', connectionsResponseSchema, { signal }),
  });
}

/** Keeps the shown page while the next one loads; the view keeps the last good page itself on an error. */
export function transactionsQueryOptions(connectionId: string, query: TransactionsQuery) {
  const search = toSearchParams(query).toString();
  return queryOptions({
    queryKey: transactionKeys.list(connectionId, query),
    queryFn: ({ signal }) =>
      fetchJson(
        `/api/connections/${encodeURIComponent(connectionId)}/transactions${search ? `?${search}` : ''}`,
        transactionsPageSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
