import 'server-only';
import { clientFor, type LoadedConnection } from '@/lib/connections/client';
import { jumpStartId } from '@/lib/kept-days/jump';
import { getProviderDefinition } from '@/lib/providers/registry';
import type { TransactionsApi } from '@/lib/providers/types';
import type { CursorScope } from './cursor';
import { dateRange } from './dates';
import { toTransactionDto } from './dto';
import { callProvider } from './errors';
import { checkLimit, pageMeta, resolveCodec, startState, unsupported, type ListOptions } from './paging';
import { hasLocalFilters, type TransactionsQuery } from './query';
import type { TransactionsPageDto } from './schema';
import { providerPageSize, transactionSource } from './source';
import { walk } from './walk';

export type { ListOptions } from './paging';

/** The connection's transactions API; a 400 when its provider has none. */
export function transactionsApi(connection: LoadedConnection): TransactionsApi {
  const definition = getProviderDefinition(connection.provider);
  const api = definition.capabilities.transactions ? clientFor(connection).transactions : null;
  if (!api) throw unsupported(definition.displayName, 'transactions');
  return api;
}

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
    const range = dateRange(query.from, query.to, timeZone);
    const startAfterId = await jumpStartId(options.keptDays, connection, range);
    const source = transactionSource(
      api,
      { payoutId: query.payout_id, payoutStatus: query.payout_status, types: query.type, range, startAfterId },
      { pageSize: providerPageSize(query.limit, hasLocalFilters(query), api.maxPageSize), signal: options.signal },
    );
    const result = await walk(source, { ...state, limit: query.limit, budget: options.budget });
    return { items: result.items.map(toTransactionDto), ...pageMeta(codec, scope, result) };
  });
}
