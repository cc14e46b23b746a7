import { describe, expect, it } from 'vitest';
import { encodeDecimal, encodeId, encodeText, isFragileId, neutralizeFormula, stripTextMarker } from '@/lib/csv/cells';

describe('text cells (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['payment', 'payment'],
    ['fee_reversed', 'fee_reversed'],
    ['a=b', 'a=b'],
    ["'already", "'already"],
    ['', ''],
  ])('writes %j as %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
    expect(encodeText(input)).toBe(expected);
  });

  it('writes a missing value as an empty cell', () => {
    expect(encodeText(null)).toBe('');
  });
});

describe('decimal cells stay numeric', () => {
  it.each(['-0.76', '0.76', '1200.00', '1200', '0', '-1000000.50', '1.3000000000'])('keeps %s exactly', (value) => {
    expect(encodeDecimal(value)).toBe(value);
  });

  it('writes a missing amount as an empty cell', () => {
    expect(encodeDecimal(null)).toBe('');
  });

  it('treats anything that is not a plain decimal as text, so it cannot run as a formula', () => {
    expect(encodeDecimal('=1+1')).toBe("'=1+1");
    expect(encodeDecimal('-1+1')).toBe("'-1+1");
    expect(encodeDecimal('12,34')).toBe('12,34');
  });
});

describe('id cells', () => {
  const long = '202206161756376480011100000';

  it('marks all-digit ids a spreadsheet would round (over 15 digits) as text', () => {
    expect(isFragileId(long)).toBe(true);
    expect(encodeId(long, 'text')).toBe(`'${long}`);
    expect(encodeId('1234567890123456', 'text')).toBe("'1234567890123456");
  });

  it('leaves ids a spreadsheet keeps exactly (15 digits or fewer, no leading zero)', () => {
    expect(encodeId('123456789012345', 'text')).toBe('123456789012345');
    expect(encodeId('8125010231', 'text')).toBe('8125010231');
    expect(encodeId('0', 'text')).toBe('0');
  });

  it('marks zero-led ids, whose zeros a spreadsheet would drop', () => {
    expect(encodeId('000123', 'text')).toBe("'000123");
  });

  it('writes ids untouched in plain mode, still neutralising formulas', () => {
    expect(encodeId(long, 'plain')).toBe(long);
    expect(encodeId('=cmd', 'plain')).toBe("'=cmd");
  });

  it('treats non-numeric ids as text', () => {
    expect(encodeId('ORD-1001', 'text')).toBe('ORD-1001');
    expect(encodeId('-5', 'text')).toBe("'-5");
    expect(encodeId('@x', 'text')).toBe("'@x");
    expect(encodeId(null, 'text')).toBe('');
  });

  it('is reversible: a reader strips one leading marker', () => {
    expect(stripTextMarker(encodeId(long, 'text'))).toBe(long);
    expect(stripTextMarker(encodeText('=1+1'))).toBe('=1+1');
    expect(stripTextMarker('plain')).toBe('plain');
  });
});
