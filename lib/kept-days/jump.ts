import 'server-only';
import type { KeptStart } from '@/lib/domain/kept-day';
import type { DateRange } from '@/lib/time/dates';
import { sourceOf } from './source';
import type { KeptDaysStore } from './store';

/**
 * Where a date-filtered walk of a newest-first list starts instead of its first page: `since_id` = the
 * oldest row of the kept day nearest after the range's end, so every newer page is skipped and no row of
 * the range is (the list continues after that row with every row older than it). Undefined: start at the
 * top. The one decision of the start, for list pages, totals and export jobs alike.
 */
export async function jumpStart(
  store: KeptDaysStore | undefined,
  connection: { readonly id: string; readonly provider: string; readonly baseUrl: string; readonly settings: unknown },
  range: DateRange,
): Promise<KeptStart | undefined> {
  if (!store || range.toMs === undefined) return undefined;
  const start = await store.startAfter({ connectionId: connection.id, source: sourceOf(connection) }, range.toMs);
  return start ?? undefined;
}
