import type { BalanceTransaction, PayoutStatus, TransactionType } from '@/lib/domain/transaction';
import type { TransactionsApi } from '@/lib/providers/types';
import { placeInRange, type DateRange } from '@/lib/time/dates';
import type { RowVerdict, WalkSource } from '@/lib/paging/walk';

export interface TransactionView {
  /** Filtered by the provider on the first page; its cursors carry them afterwards. */
  readonly payoutId?: string;
  readonly payoutStatus?: PayoutStatus;
  /** Filtered here while walking: the provider has no type or date filter. */
  readonly types?: readonly TransactionType[];
  readonly range: DateRange;
  /** The first page starts after this row (`since_id`): one known to be newer than the range (lib/kept-days/jump). */
  readonly startAfterId?: string;
}

/**
 * Whether the provider is asked for every row (its payout filters unset), so a walk of the view sees whole days
 * and may teach kept days (lib/kept-days): one the provider filtered sees some rows of a day only.
 */
export function unfilteredByProvider(view: Pick<TransactionView, 'payoutId' | 'payoutStatus'>): boolean {
  return view.payoutId === undefined && view.payoutStatus === undefined;
}

export function classifyTransaction(row: BalanceTransaction, view: TransactionView): RowVerdict {
  const place = placeInRange(row.transactionTime, view.range);
  if (place !== 'in') return place;
  // The provider filters payouts itself; checking again costs nothing and guards against one that does not.
  if (view.payoutId !== undefined && row.payoutId !== view.payoutId) return 'skip';
  if (view.payoutStatus !== undefined && row.payoutStatus !== view.payoutStatus) return 'skip';
  if (view.types !== undefined && !view.types.includes(row.type)) return 'skip';
  return 'keep';
}

export function transactionSource(
  api: TransactionsApi,
  view: TransactionView,
  options: { readonly pageSize: number; readonly signal?: AbortSignal; readonly priority?: 'interactive' | 'background' },
): WalkSource<BalanceTransaction> {
  const ctx = { signal: options.signal, priority: options.priority };
  const list = (cursor: string | null) =>
    cursor === null
      ? { limit: options.pageSize, payoutId: view.payoutId, payoutStatus: view.payoutStatus, sinceId: view.startAfterId }
      : { cursor, limit: options.pageSize };
  const into = api.listTransactionsInto?.bind(api);
  return {
    fetchPage: (cursor, onNextCursor) => api.listTransactions(list(cursor), { ...ctx, onNextCursor }),
    fetchPageInto: into && ((cursor, sink, onNextCursor) => into(list(cursor), sink, { ...ctx, onNextCursor })),
    idOf: (row) => row.id,
    classify: (row) => classifyTransaction(row, view),
    filtersLocally: view.types !== undefined || view.range.fromMs !== undefined || view.range.toMs !== undefined,
  };
}
