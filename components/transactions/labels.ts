import type { PayoutStatus, TransactionType } from '@/lib/domain/transaction';

export const TYPE_LABELS: Record<TransactionType, string> = {
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
  other: 'Other',
};

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  in_progress: 'In progress',
  accepted_by_bank: 'Accepted by bank',
  completed: 'Completed',
  failed: 'Failed',
  retrying: 'Retrying',
};

export const PAYOUT_STATUS_TONE: Record<PayoutStatus, string> = {
  in_progress: 'badge-info',
  accepted_by_bank: 'badge-info',
  completed: 'badge-success',
  failed: 'badge-danger',
  retrying: 'badge-warning',
};

/** A timestamp in the organization's timezone; the same on server and browser, so hydration matches. */
export function formatInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}
