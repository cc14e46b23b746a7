import type { Payout, PayoutStatus } from '@/lib/domain/transaction';
import type { PayoutsApi } from '@/lib/providers/types';
import { placeInRange, type DateRange } from '@/lib/time/dates';
import type { RowVerdict, WalkSource } from '@/lib/paging/walk';

const DAY_MS = 86_400_000;

export interface PayoutView {
  /** Filtered by the provider on the first page; its cursors carry it afterwards. */
  readonly status?: PayoutStatus;
  /** The start goes to the provider as date_min and is checked here too; the end is applied here. */
  readonly range: DateRange;
}

export function classifyPayout(payout: Payout, view: PayoutView): RowVerdict {
  const place = placeInRange(payout.date, view.range);
  if (place !== 'in') return place;
  return view.status !== undefined && payout.status !== view.status ? 'skip' : 'keep';
}

/** date_min's zone handling is undocumented: ask a day early and cut exactly here. */
export function providerDateMin(range: DateRange): string | undefined {
  return range.fromMs === undefined ? undefined : new Date(range.fromMs - DAY_MS).toISOString();
}

export function payoutSource(
  api: PayoutsApi,
  view: PayoutView,
  options: { readonly pageSize: number; readonly signal?: AbortSignal },
): WalkSource<Payout> {
  const ctx = { signal: options.signal };
  const dateMin = providerDateMin(view.range);
  return {
    fetchPage: (cursor) =>
      api.listPayouts(
        cursor === null ? { limit: options.pageSize, status: view.status, dateMin } : { cursor, limit: options.pageSize },
        ctx,
      ),
    idOf: (payout) => payout.id,
    classify: (payout) => classifyPayout(payout, view),
    filtersLocally: view.range.fromMs !== undefined || view.range.toMs !== undefined,
  };
}
