import { describe, expect, it } from 'vitest';
import { toCurrency, UnknownCurrencyError } from '@/lib/domain/currencies';
import { add, CurrencyMismatchError, MoneyParseError, parseMoney, sum, toDecimalString } from '@/lib/domain/money';

const USD = toCurrency('USD');
const JPY = toCurrency('JPY');
const VND = toCurrency('VND');
const KWD = toCurrency('KWD');

describe('parseMoney', () => {
  it.each([
    ['1000', USD, 100000n],
    ['1000.50', USD, 100050n],
    ['-0.76', USD, -76n],
    ['0.76', USD, 76n],
    ['+12.3', USD, 1230n],
    ['1200', JPY, 1200n],
    ['1200.00', JPY, 1200n],
    ['-25000000', VND, -25000000n],
    ['1.234', KWD, 1234n],
    ['98765432109876543.21', USD, 9876543210987654321n],
  ])('reads %s %s as %s minor units', (input, currency, minor) => {
    expect(parseMoney(input, currency)).toEqual({ minor, currency });
  });

  it('keeps values beyond 2^53 minor units exact', () => {
    const big = parseMoney('90071992547409.93', USD);
    expect(big.minor).toBe(9007199254740993n);
    expect(toDecimalString(big)).toBe('90071992547409.93');
  });

  it.each(['', 'abc', '12,34', '1e3', '1.2.3', '.5', '5.', ' - 1', 'NaN', 'Infinity', '0x10'])('rejects %j', (input) => {
    expect(() => parseMoney(input, USD)).toThrow(MoneyParseError);
  });

  it('reads amounts on both sides of the 15-digit fast path exactly', () => {
    expect(parseMoney('9999999999999.99', USD).minor).toBe(999999999999999n);
    expect(parseMoney('99999999999999.99', USD).minor).toBe(9999999999999999n);
    expect(parseMoney('-99999999999999.99', USD).minor).toBe(-9999999999999999n);
    expect(parseMoney('123456789012345', JPY).minor).toBe(123456789012345n);
    expect(parseMoney('1234567890123456', JPY).minor).toBe(1234567890123456n);
    expect(parseMoney(' 12.5 ', USD).minor).toBe(1250n);
  });

  it('agrees with a reading through BigInt text for random decimals', () => {
    // The reference: the sign, then the digits with the fraction padded to the exponent, read by BigInt.
    const reference = (input: string, exponent: number): bigint => {
      const [, sign, whole = '', fraction = ''] = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(input) ?? [];
      const magnitude = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
      return sign === '-' ? -magnitude : magnitude;
    };
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
    const digits = (n: number) => Array.from({ length: n }, () => String(next(10))).join('');
    for (let i = 0; i < 2_000; i += 1) {
      const currency = [USD, JPY, KWD][next(3)]!;
      const exponent = currency === JPY ? 0 : currency === KWD ? 3 : 2;
      const fraction = exponent === 0 || next(3) === 0 ? '' : `.${digits(1 + next(exponent))}`;
      const input = `${['', '-', '+'][next(3)]}${digits(1 + next(20))}${fraction}`;
      expect(parseMoney(input, currency).minor, input).toBe(reference(input, exponent));
    }
  });

  it('refuses to round away fraction digits the currency does not have', () => {
    expect(() => parseMoney('1200.50', JPY)).toThrow(/JPY has 0 decimal places/);
    expect(() => parseMoney('0.761', USD)).toThrow(MoneyParseError);
  });
});

describe('toDecimalString', () => {
  it.each([
    [{ minor: -76n, currency: USD }, '-0.76'],
    [{ minor: 5n, currency: USD }, '0.05'],
    [{ minor: 0n, currency: USD }, '0.00'],
    [{ minor: 1200n, currency: JPY }, '1200'],
    [{ minor: -1n, currency: KWD }, '-0.001'],
  ])('writes %o as %s', (money, text) => {
    expect(toDecimalString(money)).toBe(text);
  });
});

describe('summing', () => {
  it('adds exactly where floats would not', () => {
    const total = sum(['0.10', '0.20', '-0.30'].map((v) => parseMoney(v, USD)), USD);
    expect(total.minor).toBe(0n);
  });

  it('sums JPY and VND without decimals', () => {
    expect(toDecimalString(sum(['1200', '800'].map((v) => parseMoney(v, JPY)), JPY))).toBe('2000');
    expect(toDecimalString(sum(['25000000', '-5000000'].map((v) => parseMoney(v, VND)), VND))).toBe('20000000');
  });

  it('never adds two currencies', () => {
    expect(() => add(parseMoney('1', USD), parseMoney('1', JPY))).toThrow(CurrencyMismatchError);
    expect(() => sum([parseMoney('1', JPY)], USD)).toThrow(CurrencyMismatchError);
  });
});

describe('currencies', () => {
  it('rejects an unknown currency code', () => {
    expect(() => toCurrency('XYZ')).toThrow(UnknownCurrencyError);
  });
});
