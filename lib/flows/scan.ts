import type { ProviderPage, TransactionFlowRow } from '@/lib/domain/transaction';
import { ApiError } from '@/lib/http/api-error';
import type { TransactionsApi } from '@/lib/providers/types';
import { placeInRange, type DateRange } from '@/lib/time/dates';

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
  /** Start after this row (`since_id`) instead of at the newest: a row known to be newer than the range. */
  readonly sinceId?: string;
}

/** Where a scan's rows go: a flow accumulator, a day ledger. */
export interface FlowSink {
  add(row: TransactionFlowRow, epochMs: number): unknown;
}

/** The provider's pages with only the columns a sum needs, where it can leave the others out. */
function flowPages(api: TransactionsApi, options: ScanOptions): (cursor: string | null) => Promise<ProviderPage<TransactionFlowRow>> {
  const list = api.listTransactionFlows?.bind(api) ?? api.listTransactions.bind(api);
  const ctx = { signal: options.signal };
  return (cursor) => list(cursor === null ? { limit: options.pageSize, sinceId: options.sinceId } : { cursor, limit: options.pageSize }, ctx);
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
  into: FlowSink,
  options: ScanOptions,
): Promise<ScanResult> {
  const fetchPage = flowPages(api, options);
  const classify = (row: TransactionFlowRow) => placeInRange(row.transactionTime, range);
  const maxRows = options.maxRows ?? MAX_SCANNED_ROWS;
  const maxPages = maxScanPages(maxRows, options.pageSize);
  let scannedRows = 0;
  let providerPages = 1;
  let pending: Promise<ProviderPage<TransactionFlowRow>> = fetchPage(null);
  for (;;) {
    const page = await pending;
    const last = page.items[page.items.length - 1];
    const more = page.nextCursor !== null && (last === undefined || classify(last) !== 'older');
    if (more && providerPages >= maxPages) throw tooLarge();
    if (more && page.nextCursor !== null) {
      // The next page loads while this one is summed; marked handled so a failure here cannot leave it unobserved.
      pending = fetchPage(page.nextCursor);
      pending.catch(() => undefined);
      providerPages += 1;
    }
    for (const row of page.items) {
      scannedRows += 1;
      const verdict = classify(row);
      if (verdict === 'older') return { scannedRows, providerPages };
      if (verdict === 'in') into.add(row, Date.parse(row.transactionTime));
    }
    if (!more) return { scannedRows, providerPages };
    if (scannedRows > maxRows) throw tooLarge();
  }
}
