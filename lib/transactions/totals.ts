import 'server-only';
import { z } from 'zod';
import { walkTotals, type TotalsBudget } from '@/lib/totals/walk';
import { ApiError } from '@/lib/http/api-error';
import { queryKeys } from '@/lib/http/handler';
import { parseQuery } from '@/lib/http/query';
import type { LoadedConnection } from '@/lib/connections/client';
import { dateRange } from './dates';
import { callProvider } from './errors';
import type { TransactionsQuery } from './query';
import type { TransactionTotalsDto } from './totals-schema';
import { SCAN_PAGE_SIZE, transactionSource } from './source';
import { transactionsApi, transactionsView } from './service';

/** Where an unfinished count resumes: the token the previous answer gave. */
export const resumeParam = z.string().min(1).max(40_000).optional();

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

/**
 * A list's query reader with the totals' `resume` token beside it: the token is taken out, the rest parsed
 * strictly by the list's own schema (400 naming the parameter).
 */
export function withResume<T>(schema: z.ZodType<T>) {
  return {
    keys: [...queryKeys(schema), 'resume'],
    parse(params: URLSearchParams): { readonly query: T; readonly resume: string | undefined } {
      const search = new URLSearchParams(params);
      const resume = resumeParam.safeParse(search.get('resume') ?? undefined);
      if (!resume.success || search.getAll('resume').length > 1) throw new ApiError(400, 'invalid_parameter', 'Invalid query parameter "resume".');
      search.delete('resume');
      return { query: parseQuery(schema, search), resume: resume.data };
    },
  };
}
