import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetWindows, sustainedRate, type BudgetWindows } from '@/lib/connections/budget/shape';
import { rateBudgetFor } from '@/lib/providers/registry';

/** Most calls fixed windows let through in any stretch of `seconds`: each window can meet the stretch twice at its edges. */
function worstCase(windows: BudgetWindows, seconds: number): number {
  const parts = [windows.steady, windows.burst].filter((w) => w !== null);
  return parts.reduce((sum, w) => sum + w.points * (Math.floor(seconds / w.duration) + 2), 0);
}

const base = 'https://api.example.test';

describe('the budget of each provider, as its documentation states it', () => {
  it('SHOPLINE: a leaky bucket of 4 per second and burst 40, per store and app (not per tenant)', () => {
    const budget = rateBudgetFor({ provider: 'shopline', baseUrl: base, settings: { handle: 'Acme' } });
    expect(budget).toEqual({ accountKey: `${base}\nacme`, burst: 40, perSecond: 4 });
    const windows = budgetWindows(budget);
    expect(windows).toEqual({ steady: { points: 3, duration: 1 }, burst: { points: 16, duration: 16 } });
    expect(sustainedRate(windows)).toBe(4);
  });

  it('Genstore: a bucket of 40 refilling 2 per second, larger when the connection declares its plan', () => {
    const standard = rateBudgetFor({ provider: 'genpayment', baseUrl: base, settings: { shop: 'acme-us' } });
    expect(standard).toMatchObject({ burst: 40, perSecond: 2 });
    expect(sustainedRate(budgetWindows(standard))).toBe(2);
    const plus = rateBudgetFor({
      provider: 'genpayment',
      baseUrl: base,
      settings: { shop: 'acme-us', rateLimit: { capacity: 80, refillPerSecond: 4 } },
    });
    expect(plus).toMatchObject({ burst: 80, perSecond: 4 });
    expect(budgetWindows(plus).burst?.points).toBeGreaterThan(budgetWindows(standard).burst?.points ?? 0);
  });

  it('Genstore refuses a plan that is not a bucket', () => {
    expect(() =>
      rateBudgetFor({ provider: 'genpayment', baseUrl: base, settings: { shop: 'a', rateLimit: { capacity: 0, refillPerSecond: 2 } } }),
    ).toThrow(/settings.rateLimit.capacity/);
  });

  it('NeoX (undocumented): a conservative 10 burst, 5 per second per sub-merchant, below what any tested host allowed', () => {
    const budget = rateBudgetFor({ provider: 'neox', baseUrl: base, settings: { subMerchantId: 'ACME00000000001' } });
    expect(budget).toEqual({ accountKey: `${base}\nACME00000000001`, burst: 10, perSecond: 5 });
    expect(sustainedRate(budgetWindows(budget))).toBeLessThanOrEqual(5);
  });

  it('two tenants on one store share one budget; two stores never do', () => {
    const a = rateBudgetFor({ provider: 'shopline', baseUrl: base, settings: { handle: 'acme' } });
    const b = rateBudgetFor({ provider: 'shopline', baseUrl: base, settings: { handle: 'ACME' } });
    const other = rateBudgetFor({ provider: 'shopline', baseUrl: base, settings: { handle: 'globex' } });
    expect(a.accountKey).toBe(b.accountKey);
    expect(other.accountKey).not.toBe(a.accountKey);
  });
});

describe('budgetWindows', () => {
  it('never lets a stretch of time carry more than the bucket plus its refill, less two for jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 2_000 }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (burst, perSecond, seconds) => {
          const windows = budgetWindows({ burst, perSecond });
          expect(sustainedRate(windows)).toBeLessThanOrEqual(perSecond + 1e-9);
          expect(worstCase(windows, seconds)).toBeLessThanOrEqual(burst - 2 + perSecond * seconds + 1e-6);
        },
      ),
    );
  });

  it('keeps most of the documented rate: SHOPLINE and Genstore run at their full sustained rate', () => {
    expect(sustainedRate(budgetWindows({ burst: 40, perSecond: 4 }))).toBeGreaterThanOrEqual(3.6);
    expect(sustainedRate(budgetWindows({ burst: 40, perSecond: 2 }))).toBeGreaterThanOrEqual(1.8);
  });

  it('refuses a bucket too small to shape', () => {
    expect(() => budgetWindows({ burst: 2, perSecond: 1 })).toThrow(RangeError);
    expect(() => budgetWindows({ burst: 40, perSecond: 0 })).toThrow(RangeError);
  });
});
