import 'server-only';
import { toTransactionDto } from '@/lib/balance-transactions/dto';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { transactionSource, unfilteredByProvider } from '@/lib/balance-transactions/source';
import { transactionsApi } from '@/lib/connections/apis';
import type { LoadedConnection } from '@/lib/connections/client';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { hasLocalFilters, type TransactionsQuery } from '@/lib/list-query/transactions-url';
import { checkPayoutId, listPage, type ListSpec } from '@/lib/lists/pipeline';
import type { ListOptions } from '@/lib/paging/page';
import type { TransactionsApi } from '@/lib/providers/types';
import type { TransactionsPageDto } from './schema';

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

/** The balance transactions list: what is its own; the pipeline does the rest. */
export const transactionsList: ListSpec<TransactionsQuery, TransactionsApi, BalanceTransaction, TransactionDto> = {
  kind: 'transactions',
  api: transactionsApi,
  view: transactionsView,
  check: checkPayoutId,
  source: (api, query, range, { startAfterId, ...options }) =>
    transactionSource(api, { payoutId: query.payout_id, payoutStatus: query.payout_status, types: query.type, range, startAfterId }, options),
  keptDays: {
    teaches: (query) => unfilteredByProvider({ payoutId: query.payout_id, payoutStatus: query.payout_status }),
    flowRow: (row) => row,
  },
  filtersHere: hasLocalFilters,
  toDto: toTransactionDto,
};

/** One page of the account's balance transactions, newest first, filtered as the query says. */
export function listTransactions(connection: LoadedConnection, query: TransactionsQuery, options: ListOptions = {}): Promise<TransactionsPageDto> {
  return listPage(transactionsList, connection, query, options);
}
