import type { BalanceTransaction, ProviderPage } from '@/lib/domain/transaction';
import { ApiError } from '@/lib/http/api-error';
import type { TransactionsApi } from '@/lib/providers/types';
import type { DateRange } from '@/lib/time/dates';
import { transactionSource } from '@/lib/balance-transactions/source';
import type { FlowAccumulator } from './accumulate';

/**
 * Folds every row of a date range into an accumulator while walking the provider's newest-first pages;
 * stops at the first row older than the range. Rows are not kept, so memory is one or two pages.
 */

/** A walk beyond this many rows is refused rather than left to run for minutes. */
export const MAX_SCANNED_ROWS = 2_000_000;

export interface ScanOptions {
  readonly pageSize: number;
  readonly signal?: AbortSignal;
  readonly maxRows?: number;
}

/** Pages a scan of `maxRows` may read: full pages would need half of it; the rest allows for short ones. */
export function maxScanPages(maxRows: number, pageSize: number): number {
  return 2 * Math.ceil(maxRows / Math.max(1, pageSize)) + 1;
}

export interface ScanResult {
  readonly scannedRows: number;
  readonly providerPages: number;
}

const tooLarge = () =>
  new ApiError(422, 'period_too_large', 'This period holds too many transactions to chart at once; choose a shorter one.');

export async function scanRange(
  api: TransactionsApi,
  range: DateRange,
  into: FlowAccumulator,
  options: ScanOptions,
): Promise<ScanResult> {
  const source = transactionSource(api, { range }, { pageSize: options.pageSize, signal: options.signal });
  const maxRows = options.maxRows ?? MAX_SCANNED_ROWS;
  const maxPages = maxScanPages(maxRows, options.pageSize);
  let scannedRows = 0;
  let providerPages = 1;
  let pending: Promise<ProviderPage<BalanceTransaction>> = source.fetchPage(null);
  for (;;) {
    const page = await pending;
    const last = page.items[page.items.length - 1];
    const more = page.nextCursor !== null && (last === undefined || source.classify(last) !== 'older');
    if (more && providerPages >= maxPages) throw tooLarge();
    if (more && page.nextCursor !== null) {
      // The next page loads while this one is summed; marked handled so a failure here cannot leave it unobserved.
      pending = source.fetchPage(page.nextCursor);
      pending.catch(() => undefined);
      providerPages += 1;
    }
    for (const row of page.items) {
      scannedRows += 1;
      const verdict = source.classify(row);
      if (verdict === 'older') return { scannedRows, providerPages };
      if (verdict === 'keep') into.add(row, Date.parse(row.transactionTime));
    }
    if (!more) return { scannedRows, providerPages };
    if (scannedRows > maxRows) throw tooLarge();
  }
}
