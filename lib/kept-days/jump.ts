import 'server-only';
import type { DateRange } from '@/lib/time/dates';
import { sourceOf } from './source';
import type { KeptDaysStore } from './store';

/**
 * Where a date-filtered walk of a newest-first list may start instead of its first page: `since_id` = the
 * oldest row of the kept day nearest after the range's end, so every newer page is skipped and no row of
 * the range is (the list continues after that row with every row older than it). Undefined: start at the top.
 */
export async function jumpStartId(
  store: KeptDaysStore | undefined,
  connection: { readonly id: string; readonly provider: string; readonly baseUrl: string; readonly settings: unknown },
  range: DateRange,
): Promise<string | undefined> {
  if (!store || range.toMs === undefined) return undefined;
  const id = await store.startAfter({ connectionId: connection.id, source: sourceOf(connection) }, range.toMs);
  return id ?? undefined;
}
