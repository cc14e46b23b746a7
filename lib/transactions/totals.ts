import 'server-only';
import type { LoadedConnection } from '@/lib/connections/client';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import { listTotals, type TotalsOptions } from '@/lib/lists/pipeline';
import { transactionsList } from './service';
import type { TransactionTotalsDto } from './totals-schema';

const FIELDS = ['amount', 'fee', 'net'] as const;

/** Row count and exact per-currency sums of amount, fee and net over every row the filters keep. */
export async function transactionTotals(
  connection: LoadedConnection,
  query: TransactionsQuery,
  options: TotalsOptions = {},
): Promise<TransactionTotalsDto> {
  const result = await listTotals(transactionsList, connection, query, {
    fields: FIELDS,
    add: (sums, row) => sums.add(row.currency, row.currency, { amount: row.amount, fee: row.fee, net: row.net }),
  }, options);
  const currencies = result.sums.entries().map((group) => ({ currency: group.currency, count: group.count, ...group.amounts }));
  return {
    count: currencies.reduce((total, group) => total + group.count, 0),
    currencies,
    complete: result.complete,
    scannedRows: result.scannedRows,
    resume: result.resume,
  };
}
