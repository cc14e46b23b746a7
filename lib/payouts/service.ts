import 'server-only';
import { toTransactionDto } from '@/lib/balance-transactions/dto';
import { payoutsApi } from '@/lib/connections/apis';
import type { LoadedConnection } from '@/lib/connections/client';
import { callProvider } from '@/lib/connections/provider-call';
import { toDecimalString } from '@/lib/domain/money';
import type { BalanceTransaction, Payout } from '@/lib/domain/transaction';
import { notFound } from '@/lib/http/api-error';
import type { PayoutsQuery } from '@/lib/list-query/payouts-url';
import { listPage, type ListSpec } from '@/lib/lists/pipeline';
import type { ListOptions } from '@/lib/paging/page';
import { providerDefinition } from '@/lib/providers/registry';
import type { PayoutsApi, TransactionsApi } from '@/lib/providers/types';
import { summarizePayout, toSummaryDto } from './reconcile';
import type { PayoutDetailDto, PayoutDto, PayoutsPageDto } from './schema';
import { payoutSource } from './source';

/** Rows read for one payout's totals; beyond this the detail says `truncated`. */
export const MAX_DETAIL_ROWS = 100_000;
/** Rows of a payout sent to the browser; the full list is the transactions view filtered by payout id. */
export const MAX_LISTED_ROWS = 5_000;
const DETAIL_DEADLINE_MS = 25_000;

export function toPayoutDto(payout: Payout): PayoutDto {
  return {
    id: payout.id,
    amount: toDecimalString(payout.amount),
    currency: payout.amount.currency,
    status: payout.status,
    date: payout.date,
  };
}

export function payoutsView(query: PayoutsQuery, timeZone: string): string {
  return JSON.stringify([query.limit, query.status ?? null, query.from ?? null, query.to ?? null, timeZone]);
}

/** The payouts list: what is its own; the pipeline does the rest. */
export const payoutsList: ListSpec<PayoutsQuery, PayoutsApi, Payout, PayoutDto> = {
  kind: 'payouts',
  api: (connection) => payoutsApi(connection).api,
  view: payoutsView,
  source: (api, query, range, options) => payoutSource(api, { status: query.status, range }, options),
  // The start goes to the provider as date_min; only an end date makes rows be dropped here.
  filtersHere: (query) => query.to !== undefined,
  toDto: toPayoutDto,
};

/** One page of the account's payouts, newest first. */
export function listPayouts(connection: LoadedConnection, query: PayoutsQuery, options: ListOptions = {}): Promise<PayoutsPageDto> {
  return listPage(payoutsList, connection, query, options);
}

/** Every transaction of the payout, up to `maxRows`; `truncated` when the provider has more. */
export async function readPayoutTransactions(
  api: TransactionsApi,
  payoutId: string,
  options: { readonly maxRows: number; readonly signal: AbortSignal },
): Promise<{ rows: BalanceTransaction[]; truncated: boolean }> {
  const rows: BalanceTransaction[] = [];
  const limit = Math.min(api.maxPageSize, options.maxRows);
  let cursor: string | null = null;
  // Each page but the last holds `limit` rows, so this many pages reach maxRows; a provider sending short or
  // foreign-payout pages without end stops here, marked truncated.
  const maxPages = 2 * Math.ceil(options.maxRows / Math.max(1, limit)) + 1;
  for (let pages = 1; ; pages += 1) {
    const input: Parameters<TransactionsApi['listTransactions']>[0] = cursor === null ? { limit, payoutId } : { cursor, limit };
    const page = await api.listTransactions(input, { signal: options.signal });
    // Guards against a provider that ignores the filter: another payout's row must not be counted.
    rows.push(...page.items.filter((row) => row.payoutId === payoutId));
    cursor = page.nextCursor;
    if (rows.length >= options.maxRows) {
      return { rows: rows.slice(0, options.maxRows), truncated: cursor !== null || rows.length > options.maxRows };
    }
    if (cursor === null) return { rows, truncated: false };
    if (pages >= maxPages) return { rows, truncated: true };
  }
}

/** A payout's figures, its transactions, totals by category and whether they add up to it. */
export async function getPayoutDetail(
  connection: LoadedConnection,
  payoutId: string,
  options: { readonly signal?: AbortSignal; readonly maxRows?: number } = {},
): Promise<PayoutDetailDto> {
  return callProvider(connection, async () => {
    const { api, transactions } = payoutsApi(connection);
    // An id its provider could not have issued names no payout: a 404 before any call.
    const format = providerDefinition(connection.provider).idFormats.payoutId;
    if (format !== null && !format.test(payoutId)) throw notFound('Payout');
    const deadline = AbortSignal.timeout(DETAIL_DEADLINE_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const payout = await api.getPayout(payoutId, { signal });
    if (!payout) throw notFound('Payout');
    const base = { payout: toPayoutDto(payout) };
    if (!transactions) {
      return { ...base, transactions: [], transactionCount: 0, truncated: false, totals: null, reconciliation: null, otherCurrencies: [] };
    }
    const { rows, truncated } = await readPayoutTransactions(transactions, payoutId, {
      maxRows: options.maxRows ?? MAX_DETAIL_ROWS,
      signal,
    });
    return {
      ...base,
      transactions: rows.slice(0, MAX_LISTED_ROWS).map(toTransactionDto),
      transactionCount: rows.length,
      truncated,
      ...toSummaryDto(summarizePayout(payout, rows)),
    };
  });
}
