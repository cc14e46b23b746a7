import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, currencyExponent, exponentOf, toCurrency, UnknownCurrencyError } from '@/lib/domain/currencies';
import { parseMoney, toDecimalString } from '@/lib/domain/money';

describe('ISO 4217 exponents', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['CLP', 0],
    ['ISK', 0],
    ['XOF', 0],
    ['UYI', 0],
    ['USD', 2],
    ['HUF', 2],
    ['IDR', 2],
    ['RON', 2],
    ['COP', 2],
    ['PEN', 2],
    ['CNH', 2],
    ['ZWG', 2],
    ['XCG', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['IQD', 3],
    ['LYD', 3],
    ['CLF', 4],
    ['UYW', 4],
  ])('%s has %i decimal places', (code, exponent) => {
    expect(currencyExponent(toCurrency(code))).toBe(exponent);
  });

  it('holds every active code: 166 of ISO list one with minor units, plus XCG (2025) and CNH', () => {
    expect(CURRENCY_CODES).toHaveLength(168);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it.each(['HRK', 'ZWL', 'SLL', 'XAU', 'XDR', 'XTS', 'XXX', 'ABC', ''])('refuses %j (withdrawn, not money, or not a code)', (code) => {
    expect(() => toCurrency(code)).toThrow(UnknownCurrencyError);
    expect(exponentOf(code)).toBeNull();
  });

  it('reads codes case-insensitively and trimmed', () => {
    expect(toCurrency(' ron ')).toBe('RON');
  });

  it.each([
    ['1234.56', 'RON', 123456n],
    ['-9876.5', 'COP', -987650n],
    ['0.01', 'PEN', 1n],
    ['1.2345', 'CLF', 12345n],
    ['12.345', 'KWD', 12345n],
    ['1234.56', 'HUF', 123456n],
  ])('parses %s %s exactly', (input, code, minor) => {
    const money = parseMoney(input, toCurrency(code));
    expect(money.minor).toBe(minor);
    expect(parseMoney(toDecimalString(money), money.currency)).toEqual(money);
  });
});
