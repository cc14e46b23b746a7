import 'server-only';
import { transactionsApi } from '@/lib/connections/apis';
import type { LoadedConnection } from '@/lib/connections/client';
import { getProviderDefinition } from '@/lib/providers/registry';
import type { CursorScope } from '@/lib/paging/cursor';
import { dateRange } from '@/lib/time/dates';
import { toTransactionDto } from '@/lib/balance-transactions/dto';
import { callProvider } from '@/lib/connections/provider-call';
import { checkLimit, pageMeta, resolveCodec, startState, type ListOptions } from '@/lib/paging/page';
import { hasLocalFilters, type TransactionsQuery } from '@/lib/list-query/transactions';
import type { TransactionsPageDto } from './schema';
import { providerPageSize, transactionSource } from '@/lib/balance-transactions/source';
import { walk } from '@/lib/paging/walk';

export type { ListOptions } from '@/lib/paging/page';

/** Canonical text of everything that shapes the list; a cursor is valid only for the same text. */
export function transactionsView(query: TransactionsQuery, timeZone: string): string {
  return JSON.stringify([
    query.limit,
    query.payout_status ?? null,
    query.payout_id ?? null,
    query.type ?? null,
    query.from ?? null,
    query.to ?? null,
    timeZone,
  ]);
}

/** One page of the account's balance transactions, newest first, filtered as the query says. */
export async function listTransactions(
  connection: LoadedConnection,
  query: TransactionsQuery,
  options: ListOptions = {},
): Promise<TransactionsPageDto> {
  const codec = resolveCodec(options);
  const timeZone = query.tz ?? options.timeZone ?? 'UTC';
  const scope: CursorScope = {
    kind: 'transactions',
    organizationId: connection.organizationId,
    connectionId: connection.id,
    view: transactionsView(query, timeZone),
  };
  const state = startState(codec, scope, query.cursor);
  return callProvider(connection, async () => {
    const api = transactionsApi(connection);
    checkLimit(query.limit, api.maxPageSize, getProviderDefinition(connection.provider).displayName);
    const source = transactionSource(
      api,
      { payoutId: query.payout_id, payoutStatus: query.payout_status, types: query.type, range: dateRange(query.from, query.to, timeZone) },
      { pageSize: providerPageSize(query.limit, hasLocalFilters(query), api.maxPageSize), signal: options.signal },
    );
    const result = await walk(source, { ...state, limit: query.limit, budget: options.budget });
    return { items: result.items.map(toTransactionDto), ...pageMeta(codec, scope, result) };
  });
}
