import { payoutStatusKind } from '@/lib/domain/payout-status';
import type { PayoutStatus, ReportedPayoutStatus } from '@/lib/domain/transaction';
import type { TransactionDto } from '@/lib/balance-transactions/schema';

export type BadgeTone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  in_progress: 'In progress',
  accepted_by_bank: 'Accepted by bank',
  completed: 'Completed',
  failed: 'Failed',
  retrying: 'Retrying',
};

/** A documented status by its label; an undocumented one as "unknown (<provider text>)", never hidden. */
export function payoutStatusLabel(status: ReportedPayoutStatus): string {
  return typeof status === 'string' ? PAYOUT_STATUS_LABELS[status] : `unknown (${status.raw})`;
}

export function payoutStatusTone(status: ReportedPayoutStatus | null): BadgeTone {
  const kind = status === null ? null : payoutStatusKind(status);
  switch (kind) {
    case 'completed':
      return 'success';
    case 'failed':
      return 'danger';
    case 'retrying':
      return 'warning';
    case 'in_progress':
    case 'accepted_by_bank':
      return 'info';
    case 'unknown':
    case null:
      return 'neutral';
    default: {
      const unreachable: never = kind;
      throw new Error(`Unhandled payout status ${String(unreachable)}`);
    }
  }
}

export const TYPE_LABELS: Record<Exclude<TransactionDto['type'], 'other'>, string> = {
  payment: 'Payment',
  refund: 'Refund',
  refund_failure: 'Refund failure',
  chargeback: 'Chargeback',
  chargeback_won: 'Chargeback won',
  reserve_held: 'Reserve held',
  reserve_released: 'Reserve released',
  accounting_adjustment: 'Adjustment',
  transfer_in: 'Transfer in',
  payout: 'Payout',
};

export const TYPE_FILTER_LABELS: Record<TransactionDto['type'], string> = { ...TYPE_LABELS, other: 'Other (undocumented types)' };

/** Unknown provider types keep their raw name so nothing is hidden. */
export function transactionTypeLabel(row: Pick<TransactionDto, 'type' | 'rawType'>): string {
  return row.type === 'other' ? row.rawType : TYPE_LABELS[row.type];
}
