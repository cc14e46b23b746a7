import { describe, expect, it } from 'vitest';
import type { AccountBalancesDto, BalanceLineDto } from '@/lib/balances/schema';
import { summarizeByCurrency } from '@/lib/balances/summary';

const asOf = '2026-11-21T10:00:00.000Z';
const line = (currency: string, parts: Partial<BalanceLineDto> & { total: string }): BalanceLineDto => ({
  key: `${currency}-${parts.total}`,
  subLabel: null,
  currency,
  settling: null,
  available: null,
  frozen: null,
  asOf,
  warnings: [],
  ...parts,
});
const account = (id: string, lines: BalanceLineDto[]): AccountBalancesDto => ({
  connectionId: id,
  provider: 'genpayment',
  providerName: 'GenPayment',
  label: id,
  fetchedAt: asOf,
  status: 'ok',
  lines,
});

describe('summarizeByCurrency', () => {
  it('sums each state per currency exactly and never mixes currencies', () => {
    const summary = summarizeByCurrency([
      account('a', [line('USD', { settling: '0.10', available: '1000.20', total: '1000.30' })]),
      account('b', [line('USD', { available: '0.20', frozen: '0.05', total: '0.25' }), line('JPY', { available: '1200', total: '1200' })]),
    ]);
    expect(summary).toEqual([
      { currency: 'JPY', settling: null, available: '1200', frozen: null, total: '1200', lineCount: 1 },
      { currency: 'USD', settling: '0.10', available: '1000.40', frozen: '0.05', total: '1000.55', lineCount: 2 },
    ]);
  });

  it('keeps totals beyond 2^53 minor units exact', () => {
    const [usd] = summarizeByCurrency([
      account('a', [line('USD', { available: '90071992547409.93', total: '90071992547409.93' })]),
      account('b', [line('USD', { available: '0.01', total: '0.01' })]),
    ]);
    expect(usd?.available).toBe('90071992547409.94');
  });

  it('leaves out accounts that failed instead of counting them as zero', () => {
    const failed: AccountBalancesDto = {
      connectionId: 'x',
      provider: 'neox',
      providerName: 'NeoX',
      label: 'x',
      fetchedAt: asOf,
      status: 'error',
      error: { kind: 'timeout', message: 'late', traceId: null, status: null, retryAfterSeconds: null },
    };
    expect(summarizeByCurrency([failed])).toEqual([]);
  });
});
