import { shiftDate } from '@/lib/time/dates';

/**
 * Days a provider may still post to after they end (late captures, adjustments, fees booked the next
 * morning): today and the SETTLE_DAYS days before it are always walked live, never kept. Older days are
 * closed and settled; their totals are kept once a walk has covered them completely.
 */
export const SETTLE_DAYS = 3;

/** The newest day whose totals may be kept, for `today` in the organization's zone. */
export function lastKeepableDay(today: string): string {
  return shiftDate(today, -SETTLE_DAYS - 1);
}
