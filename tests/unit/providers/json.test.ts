import { describe, expect, it } from 'vitest';
import { JsonNumber, JsonSyntaxError, parseJsonLossless } from '@/lib/providers/json';

function num(text: string): JsonNumber {
  const value = parseJsonLossless(text);
  expect(value).toBeInstanceOf(JsonNumber);
  return value as JsonNumber;
}

describe('parseJsonLossless', () => {
  it('keeps every digit of a number a float would round', () => {
    expect(String(JSON.parse('98765432109876543.21'))).not.toBe('98765432109876543.21');
    const value = parseJsonLossless('{"balance": 98765432109876543.21}') as { balance: JsonNumber };
    expect(value.balance.source).toBe('98765432109876543.21');
    expect(value.balance.decimal).toBe('98765432109876543.21');
  });

  it.each([
    ['0', '0'],
    ['-0.76', '-0.76'],
    ['1200', '1200'],
    ['200.05', '200.05'],
    ['1e3', '1000'],
    ['1E+3', '1000'],
    ['-1.5e-2', '-0.015'],
    ['1.2345e2', '123.45'],
    ['12e-1', '1.2'],
    ['0.5e1', '5'],
    ['123e-5', '0.00123'],
    ['9007199254740993', '9007199254740993'],
  ])('reads %s exactly as %s', (source, decimal) => {
    const value = num(source);
    expect(value.source).toBe(source);
    expect(value.decimal).toBe(decimal);
  });

  it('leaves numbers inside strings untouched', () => {
    expect(parseJsonLossless('{"note": "pay 1e3 or 98765432109876543.21", "n": "-5"}')).toEqual({
      note: 'pay 1e3 or 98765432109876543.21',
      n: '-5',
    });
  });

  it('reads every JSON shape like JSON.parse apart from numbers', () => {
    const text = '{"a": [true, false, null, "x\\"y\\u00e9\\n"], "b": {}, "c": [], "d": {"e": [[]]}}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
    const nested = parseJsonLossless(' [ 1 , {"k" : -2.50} ] ') as [JsonNumber, { k: JsonNumber }];
    expect(nested[0].source).toBe('1');
    expect(nested[1].k.source).toBe('-2.50');
  });

  it('does not let a "__proto__" key change the prototype', () => {
    const value = parseJsonLossless('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value.__proto__).toEqual({ polluted: true });
  });

  it.each([
    '',
    '{',
    '{"a":1,}',
    '[1,]',
    '01',
    '1.',
    '.5',
    '+1',
    '-',
    'NaN',
    'Infinity',
    '{"a" 1}',
    "{'a': 1}",
    '"unterminated',
    '"tab\there"',
    '{"a":1} x',
    'tru',
    '1e999999',
    '[' .repeat(1000) + ']'.repeat(1000),
  ])('rejects %j', (text) => {
    expect(() => parseJsonLossless(text)).toThrow(JsonSyntaxError);
  });
});
