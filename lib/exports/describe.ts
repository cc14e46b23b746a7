/** Filters in words, for the dialog and the audit list; isomorphic. */

export interface DescribedFilters {
  readonly type?: readonly string[];
  readonly payout_status?: string;
  readonly payout_id?: string;
  readonly from?: string;
  readonly to?: string;
}

export function describeFilters(filters: DescribedFilters): string {
  const parts = [
    filters.payout_id === undefined ? null : `Payout ${filters.payout_id}`,
    filters.type === undefined ? null : `Types: ${filters.type.join(', ')}`,
    filters.payout_status === undefined ? null : `Payout status: ${filters.payout_status.replaceAll('_', ' ')}`,
    filters.from !== undefined && filters.to !== undefined
      ? `${filters.from} to ${filters.to}`
      : filters.from !== undefined
        ? `From ${filters.from}`
        : filters.to !== undefined
          ? `Until ${filters.to}`
          : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : 'All transactions';
}
