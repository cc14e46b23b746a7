import 'server-only';
import { walkTotals, type TotalsBudget } from '@/lib/paging/totals';
import type { LoadedConnection } from '@/lib/connections/client';
import { dateRange } from '@/lib/time/dates';
import { callProvider } from '@/lib/connections/provider-call';
import type { TransactionsQuery } from '@/lib/list-query/transactions';
import type { TransactionTotalsDto } from './totals-schema';
import { SCAN_PAGE_SIZE, transactionSource } from '@/lib/balance-transactions/source';
import { transactionsApi } from '@/lib/connections/apis';
import { transactionsView } from './service';

const FIELDS = ['amount', 'fee', 'net'] as const;

/** Row count and exact per-currency sums of amount, fee and net over every row the filters keep. */
export async function transactionTotals(
  connection: LoadedConnection,
  query: TransactionsQuery,
  options: {
    readonly timeZone?: string;
    readonly resume?: string;
    readonly signal?: AbortSignal;
    readonly budget?: Partial<TotalsBudget>;
    readonly secret?: string;
    /** Rows per provider page; the largest the provider serves unless a test asks for smaller ones. */
    readonly pageSize?: number;
  } = {},
): Promise<TransactionTotalsDto> {
  const timeZone = query.tz ?? options.timeZone ?? 'UTC';
  return callProvider(connection, async () => {
    const api = transactionsApi(connection);
    const source = transactionSource(
      api,
      { payoutId: query.payout_id, payoutStatus: query.payout_status, types: query.type, range: dateRange(query.from, query.to, timeZone) },
      { pageSize: Math.min(options.pageSize ?? SCAN_PAGE_SIZE, api.maxPageSize), signal: options.signal },
    );
    const scope = {
      kind: 'transactions' as const,
      organizationId: connection.organizationId,
      connectionId: connection.id,
      view: transactionsView({ ...query, limit: 0, cursor: undefined }, timeZone),
    };
    const result = await walkTotals(source, {
      scope,
      fields: FIELDS,
      resume: options.resume,
      budget: options.budget,
      secret: options.secret,
      add: (sums, row) => sums.add(row.currency, row.currency, { amount: row.amount, fee: row.fee, net: row.net }),
    });
    const currencies = result.sums.entries().map((group) => ({ currency: group.currency, count: group.count, ...group.amounts }));
    return {
      count: currencies.reduce((total, group) => total + group.count, 0),
      currencies,
      complete: result.complete,
      scannedRows: result.scannedRows,
      resume: result.resume,
    };
  });
}

