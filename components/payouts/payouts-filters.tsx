import { AccountPicker } from '@/components/accounts/account-picker';
import { PAYOUT_PAGE_SIZES, type PayoutsQuery } from '@/lib/list-query/payouts-url';
import type { ConnectionDto } from '@/lib/connections/schema';
import { DateRangeFilter } from '@/components/ui/date-range-filter';
import { PageSizeSelect } from '@/components/ui/page-size-select';
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
  return (
    <div className="toolbar payouts-filters" role="group" aria-label="Payout filters">
      <AccountPicker accounts={accounts} value={accountId} onChange={onAccountChange} />
      <PayoutStatusSelect id="payouts-status" label="Status" value={query.status} onChange={(status) => onChange({ status })} />
      <DateRangeFilter value={query} onChange={(range) => onChange({ from: range.from, to: range.to })} />
      <PageSizeSelect id="payouts-limit" className="payouts-page-size" sizes={PAYOUT_PAGE_SIZES} value={query.limit} onChange={(limit) => onChange({ limit })} />
    </div>
  );
}
