import { describe, expect, it } from 'vitest';
import { fitsDouble, numberFormat } from '@/lib/exports/xlsx';
import { encodeDecimalComma } from '@/lib/csv/cells';

describe('XLSX number cells', () => {
  it.each([
    ['0.01', true],
    ['-0.76', true],
    ['1234567890123.45', true],
    ['9999999999999.99', true],
    ['12345678901234.56', false],
    ['98765432109876543.21', false],
    ['0.0000000001', true],
    ['7.1234567890', true],
  ])('%s fits a double exactly: %s', (text, fits) => {
    expect(fitsDouble(text)).toBe(fits);
    // What "fits" promises: the double shows the same digits again at 15 significant digits.
    if (fits) expect(Number(Number(text).toPrecision(15))).toBe(Number(text));
  });

  it('keeps every 15-digit amount exact through a double, checked against BigInt', () => {
    for (let i = 0; i < 2_000; i += 1) {
      const cents = BigInt(Math.floor(Math.random() * 1e15)) * (i % 2 === 0 ? 1n : -1n);
      const abs = cents < 0n ? -cents : cents;
      const text = `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
      expect(fitsDouble(text)).toBe(true);
      const back = Number(text).toFixed(2);
      expect(back === '-0.00' ? '0.00' : back).toBe(text === '-0.00' ? '0.00' : text);
    }
  });

  it('formats numbers with the currency’s decimals', () => {
    expect(numberFormat(0)).toBe('#,##0');
    expect(numberFormat(2)).toBe('#,##0.00');
    expect(numberFormat(3)).toBe('#,##0.000');
  });
});

describe('encodeDecimalComma', () => {
  it('writes a plain decimal with a comma and leaves anything else to the text rules', () => {
    expect(encodeDecimalComma('-0.76')).toBe('-0,76');
    expect(encodeDecimalComma('1200')).toBe('1200');
    expect(encodeDecimalComma(null)).toBe('');
    expect(encodeDecimalComma('=1+1')).toBe("'=1+1");
  });
});
