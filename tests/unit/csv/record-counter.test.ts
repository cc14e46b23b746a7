import { describe, expect, it } from 'vitest';
import { createRecordCounter } from '@/lib/csv/record-counter';
import { csvWriter } from '@/lib/csv/writer';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('createRecordCounter', () => {
  const writer = csvWriter({ delimiter: ',', bom: true });
  const text =
    writer.header(['id', 'note', 'amount']) +
    writer.records([
      ['1', 'two\nlines', '-0.76'],
      ['2', 'say "hi"\r\nand "bye"', '1.00'],
      ['3', 'Zürich €, ok', '2.00'],
      ['4', '"', '3.00'],
    ]);

  it('counts records, not line feeds inside quoted fields', () => {
    const counter = createRecordCounter();
    expect(counter.push(bytes(text))).toBe(5);
    expect(counter.records).toBe(5);
  });

  it('gives the same count however the bytes are split', () => {
    const all = bytes(text);
    for (let size = 1; size <= 13; size += 3) {
      const counter = createRecordCounter();
      for (let i = 0; i < all.length; i += size) counter.push(all.subarray(i, i + size));
      expect(counter.records).toBe(5);
    }
  });

  it('does not count a record until its line ends', () => {
    const counter = createRecordCounter();
    expect(counter.push(bytes('id\r\n1,"open'))).toBe(1);
    expect(counter.push(bytes('\nstill",x\r\n'))).toBe(2);
  });
});
