import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodes, formatCount, groupDigits } from '@/lib/format/numbers';

describe('formatCount writes counts as en-US does, without Intl', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [1000000, '1,000,000'],
    [-4200, '-4,200'],
  ])('%d → %s', (count, expected) => {
    expect(formatCount(count)).toBe(expected);
  });

  it('agrees with toLocaleString for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger().map((n) => (n % 2 === 0 ? n : -n)), (count) => {
        expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves what is not a safe integer to Intl', () => {
    expect(formatCount(1.5)).toBe('1.5');
  });

  it('groups a digit string of any length', () => {
    expect(groupDigits('12345678901234567890')).toBe('12,345,678,901,234,567,890');
  });
});

describe('compareCodes orders codes by their characters', () => {
  it('sorts currency codes as the collator did', () => {
    const codes = ['USD', 'EUR', 'HKD', 'AUD', 'EUS'];
    expect([...codes].sort(compareCodes)).toEqual([...codes].sort((a, b) => a.localeCompare(b)));
    expect(compareCodes('USD', 'USD')).toBe(0);
  });
});
