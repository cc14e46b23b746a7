import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvWriter } from '@/lib/csv/writer';

describe('csvWriter (RFC 4180 via csv-stringify)', () => {
  it('starts with a UTF-8 BOM when asked, and ends every record with CRLF', () => {
    expect(csvWriter({ delimiter: ',', bom: true }).header(['id', 'amount'])).toBe(`${BOM}id,amount\r\n`);
    expect(csvWriter({ delimiter: ',', bom: false }).header(['id', 'amount'])).toBe('id,amount\r\n');
  });

  it('quotes only the fields that need it and doubles quotes inside them', () => {
    const writer = csvWriter({ delimiter: ',', bom: false });
    const text = writer.records([
      ['plain', 'a,b', 'say "hi"', 'line\nbreak', 'carriage\rreturn', 'both\r\nends', ''],
      ['-0.76', "'=1+1", 'Zürich €', ' padded ', 'x', 'y', 'z'],
    ]);
    expect(text).toBe(
      'plain,"a,b","say ""hi""","line\nbreak","carriage\rreturn","both\r\nends",\r\n' + "-0.76,'=1+1,Zürich €, padded ,x,y,z\r\n",
    );
  });

  it('reads back exactly with a CSV parser', () => {
    const writer = csvWriter({ delimiter: ',', bom: false });
    const rows = [
      ['a,b', 'say "hi"', 'multi\nline', ''],
      ['1', '2', '3', '4'],
    ];
    expect(parse(writer.header(['w', 'x', 'y', 'z']) + writer.records(rows))).toEqual([['w', 'x', 'y', 'z'], ...rows]);
  });

  it('with semicolons, quotes fields holding a semicolon and leaves commas alone', () => {
    const writer = csvWriter({ delimiter: ';', bom: false });
    expect(writer.header(['a', 'b'])).toBe('a;b\r\n');
    expect(writer.records([['x;y', '1,5', '-0.76']])).toBe('"x;y";1,5;-0.76\r\n');
    expect(parse(writer.records([['x;y', '1,5']]), { delimiter: ';' })).toEqual([['x;y', '1,5']]);
  });

  it('writes nothing for no records', () => {
    expect(csvWriter({ delimiter: ',', bom: true }).records([])).toBe('');
  });
});

describe('csvWriter writes exactly what csv-stringify writes', () => {
  const ALPHABET = ['a', 'Z', '0', '9', ' ', '.', ':', "'", '-', '+', '/', '_', ',', ';', '"', '\r', '\n', '\t', 'é', '€', '='];

  it.each([',', ';'] as const)('for random records with delimiter %j, plain or needing quotes', (delimiter) => {
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const rows = Array.from({ length: 2_000 }, () =>
      Array.from({ length: 1 + next(6) }, () => {
        const plainOnly = next(3) > 0;
        return Array.from({ length: next(8) }, () => ALPHABET[next(plainOnly ? 11 : ALPHABET.length)]).join('');
      }),
    );
    const options = { delimiter, record_delimiter: 'windows', quote_record_delimiter: true, eof: true } as const;
    expect(csvWriter({ delimiter, bom: false }).records(rows)).toBe(stringify(rows, options));
  });
});
