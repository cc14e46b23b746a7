import type { ReportedPayoutStatus } from '@/lib/domain/transaction';
import { payoutStatusLabel, payoutStatusTone } from '@/components/ui/labels';

export function PayoutStatusBadge({ status }: { status: ReportedPayoutStatus | null }) {
  const tone = payoutStatusTone(status);
  if (status === null) {
    return (
      <span className="badge" title="The provider reports no status for this payout">
        Not reported
      </span>
    );
  }
  const unknown = typeof status !== 'string';
  return (
    <span className={`badge badge-${tone}`} title={unknown ? 'A status the provider does not document, shown as it was sent' : undefined}>
      {payoutStatusLabel(status)}
    </span>
  );
}
