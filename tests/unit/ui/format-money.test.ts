import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatCompactMoney, formatMoney } from '@/components/ui/format-money';
import { CURRENCY_CODES, currencyExponent, toCurrency } from '@/lib/domain/currencies';

/** Intl puts a no-break space between code and number. */
const shown = (amount: string, currency: string) => formatMoney(amount, currency).replace(/\u00a0/g, ' ');

describe('formatMoney shows the ISO 4217 exponent, not Intl defaults', () => {
  it.each([
    ['1234.56', 'HUF', 'HUF 1,234.56'],
    ['0.40', 'HUF', 'HUF 0.40'],
    ['1234.56', 'IDR', 'IDR 1,234.56'],
    ['1200', 'JPY', 'JPY 1,200'],
    ['-1200', 'JPY', '-JPY 1,200'],
    ['25000000', 'VND', 'VND 25,000,000'],
    ['1.234', 'KWD', 'KWD 1.234'],
    ['1', 'KWD', 'KWD 1.000'],
    ['1.2345', 'CLF', 'CLF 1.2345'],
    ['1234.5', 'RON', 'RON 1,234.50'],
    ['-0.76', 'USD', '-USD 0.76'],
    ['100.05', 'CNH', 'CNH 100.05'],
    ['90071992547409.93', 'USD', 'USD 90,071,992,547,409.93'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(shown(amount, currency)).toBe(expected);
  });

  it('falls back to Intl for a code outside the table rather than failing the render', () => {
    expect(shown('1.5', 'XTS')).toMatch(/^XTS 1\.5/);
  });
});

describe('formatMoney writes what Intl writes, without calling it', () => {
  const intl = (amount: string, currency: string, exponent: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(
      amount as Intl.StringNumericLiteral,
    );

  it('for every currency in the table, any sign, leading zeros, and up to the currency exponent of decimals', () => {
    const amount = fc
      .record({
        negative: fc.boolean(),
        whole: fc.stringMatching(/^[0-9]{1,22}$/),
        fraction: fc.stringMatching(/^[0-9]{0,4}$/),
      })
      .map(({ negative, whole, fraction }) => `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
    fc.assert(
      fc.property(amount, fc.constantFrom(...CURRENCY_CODES), (value, currency) => {
        const exponent = currencyExponent(toCurrency(currency));
        expect(formatMoney(value, currency)).toBe(intl(value, currency, exponent));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves Intl to round what has more decimals than the currency, half away from zero', () => {
    expect(shown('1.005', 'USD')).toBe('USD 1.01');
    expect(shown('-0.001', 'USD')).toBe('-USD 0.00');
  });

  it('does not call Intl for amounts it writes itself', () => {
    const spy = vi.spyOn(Intl, 'NumberFormat');
    try {
      formatMoney('-1234.5', 'EUR');
      formatMoney('7', 'JPY');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('formatCompactMoney writes chart figures as Intl’s compact currency style does', () => {
  const intl = (value: number, currency: string) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);

  it.each([
    [1234, 'USD', '$1.2K'],
    [-2500, 'EUR', '-€2.5K'],
    [950, 'CHF', 'CHF 950'],
    [999.95, 'USD', '$1K'],
    [999_950, 'USD', '$1M'],
    [1_150_000, 'USD', '$1.2M'],
    [0, 'JPY', '¥0'],
    [4e12, 'XOF', 'F CFA 4T'],
  ])('%d %s → %s', (value, currency, expected) => {
    expect(formatCompactMoney(value, currency).replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
  });

  it('agrees with Intl for every currency in the table, for ticks and for any figure a chart can hold', () => {
    const figure = fc.oneof(
      fc.integer({ min: -20, max: 20 }).chain((n) => fc.constantFrom(n * 250, n * 500_000, n * 25, n * 0.5, n * 2_500_000_000)),
      fc.double({ min: -1e14, max: 1e14, noNaN: true }),
      fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((cents) => cents / 100),
    );
    fc.assert(
      fc.property(figure, fc.constantFrom(...CURRENCY_CODES), (value, currency) => {
        expect(formatCompactMoney(value, currency)).toBe(intl(value, currency));
      }),
      { numRuns: 5000 },
    );
  });

  it('does not call Intl for a figure it writes itself', () => {
    const spy = vi.spyOn(Intl, 'NumberFormat');
    try {
      formatCompactMoney(12_500, 'GBP');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
