import type { PayoutStatus, ReportedPayoutStatus } from './transaction';

/** The kind to switch on: a documented status, or 'unknown'. */
export function payoutStatusKind(status: ReportedPayoutStatus): PayoutStatus | 'unknown' {
  return typeof status === 'string' ? status : status.kind;
}

export function unknownPayoutStatus(raw: string): ReportedPayoutStatus {
  return { kind: 'unknown', raw };
}

/** A documented status as its code; an unknown one as "unknown (<provider text>)", for files and logs. */
export function payoutStatusText(status: ReportedPayoutStatus): string {
  return typeof status === 'string' ? status : `unknown (${status.raw})`;
}
