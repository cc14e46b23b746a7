import { AccountPicker } from '@/components/accounts/account-picker';
import { PAYOUT_PAGE_SIZES, type PayoutsQuery } from '@/lib/list-query/payouts-url';
import type { ConnectionDto } from '@/lib/connections/schema';
import { DateRangeFilter } from '@/components/ui/date-range-filter';
import { PayoutStatusSelect } from '@/components/ui/payout-status-select';

export function PayoutsFilters({
  accounts,
  accountId,
  query,
  onAccountChange,
  onChange,
}: {
  accounts: readonly ConnectionDto[];
  accountId: string;
  query: PayoutsQuery;
  onAccountChange: (accountId: string) => void;
  onChange: (patch: Partial<Omit<PayoutsQuery, 'cursor'>>) => void;
}) {
  // A size set through the URL (any 1..1000) stays selectable next to the usual ones.
  const sizes: readonly number[] = PAYOUT_PAGE_SIZES.some((size) => size === query.limit)
    ? PAYOUT_PAGE_SIZES
    : [...PAYOUT_PAGE_SIZES, query.limit].sort((a, b) => a - b);
  return (
    <div className="toolbar payouts-filters" role="group" aria-label="Payout filters">
      <AccountPicker accounts={accounts} value={accountId} onChange={onAccountChange} />
      <PayoutStatusSelect id="payouts-status" label="Status" value={query.status} onChange={(status) => onChange({ status })} />
      <DateRangeFilter value={query} onChange={(range) => onChange({ from: range.from, to: range.to })} />
      <div className="field payouts-page-size">
        <label htmlFor="payouts-limit">Page size</label>
        <select
          id="payouts-limit"
          className="select"
          value={query.limit}
          onChange={(event) => onChange({ limit: Number(event.target.value) })}
        >
          {sizes.map((size) => (
            <option key={size} value={size}>
              {size} per page
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
