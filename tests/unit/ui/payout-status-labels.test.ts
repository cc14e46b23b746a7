import { describe, expect, it } from 'vitest';
import { payoutStatusLabel, payoutStatusTone } from '@/components/ui/labels';
import { payoutStatusText } from '@/lib/domain/payout-status';
import { reportedPayoutStatusSchema } from '@/lib/domain/payout-status-schema';
import type { ReportedPayoutStatus } from '@/lib/domain/transaction';

const onHold: ReportedPayoutStatus = { kind: 'unknown', raw: 'on hold' };

describe('payout status labels', () => {
  it.each<[ReportedPayoutStatus, string, string]>([
    ['in_progress', 'In progress', 'info'],
    ['accepted_by_bank', 'Accepted by bank', 'info'],
    ['completed', 'Completed', 'success'],
    ['failed', 'Failed', 'danger'],
    ['retrying', 'Retrying', 'warning'],
    [onHold, 'unknown (on hold)', 'neutral'],
  ])('%j is shown as %s (%s)', (status, label, tone) => {
    expect(payoutStatusLabel(status)).toBe(label);
    expect(payoutStatusTone(status)).toBe(tone);
  });

  it('gives no status a neutral tone', () => {
    expect(payoutStatusTone(null)).toBe('neutral');
  });

  it('writes an unknown status into files with its raw value, a known one as its code', () => {
    expect(payoutStatusText(onHold)).toBe('unknown (on hold)');
    expect(payoutStatusText('accepted_by_bank')).toBe('accepted_by_bank');
  });

  it('keeps the API form of documented statuses and carries unknown ones as { kind, raw }', () => {
    expect(reportedPayoutStatusSchema.parse('completed')).toBe('completed');
    expect(reportedPayoutStatusSchema.parse(onHold)).toEqual(onHold);
    expect(reportedPayoutStatusSchema.safeParse('on hold').success).toBe(false);
    expect(reportedPayoutStatusSchema.safeParse({ kind: 'completed', raw: 'x' }).success).toBe(false);
  });
});
