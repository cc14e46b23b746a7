'use client';

import { PAYOUT_STATUS_LABELS } from '@/components/ui/labels';
import { PAYOUT_STATUSES, type PayoutStatus } from '@/lib/domain/transaction';

function isStatus(value: string): value is PayoutStatus {
  return (PAYOUT_STATUSES as readonly string[]).includes(value);
}

/** "Any status" or one of the five payout statuses, with readable labels. */
export function PayoutStatusSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: PayoutStatus | undefined;
  onChange: (status: PayoutStatus | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value ?? ''} onChange={(event) => onChange(isStatus(event.target.value) ? event.target.value : undefined)}>
        <option value="">Any status</option>
        {PAYOUT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {PAYOUT_STATUS_LABELS[status]}
          </option>
        ))}
      </select>
    </div>
  );
}
