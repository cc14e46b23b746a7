import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/components/ui/format-money';

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
