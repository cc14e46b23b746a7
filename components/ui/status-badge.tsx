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

/** Every state an export goes through, as a job (queued … ready) and in the audit (completed, interrupted). */
const EXPORT_STATES = {
  queued: { label: 'Queued', tone: 'info' },
  running: { label: 'Running', tone: 'info' },
  ready: { label: 'Ready', tone: 'success' },
  completed: { label: 'Completed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'warning' },
  interrupted: { label: 'Interrupted', tone: 'danger' },
} as const;

export function ExportStateBadge({ state }: { state: keyof typeof EXPORT_STATES }) {
  const { label, tone } = EXPORT_STATES[state];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
