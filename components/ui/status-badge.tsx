import type { PayoutStatus } from '@/lib/domain/transaction';
import { PAYOUT_STATUS_LABELS, payoutStatusTone } from '@/components/ui/labels';

export function PayoutStatusBadge({ status }: { status: PayoutStatus | null }) {
  const tone = payoutStatusTone(status);
  if (status === null) {
    return (
      <span className="badge" title="The provider reports no status for this payout">
        Not reported
      </span>
    );
  }
  return <span className={`badge badge-${tone}`}>{PAYOUT_STATUS_LABELS[status]}</span>;
}
