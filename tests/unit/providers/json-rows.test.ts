import { describe, expect, it } from 'vitest';
import { JsonSyntaxError } from '@/lib/providers/json';
import { JsonRowsDuplicateKey, jsonRowsReader } from '@/lib/providers/json-rows';

interface Read {
  readonly rows: unknown[];
  readonly envelope: unknown;
}

/** Reads `body` given as these chunks; the rows as handed out, and the envelope. */
function read(chunks: readonly Uint8Array[], key = 'transactions'): Read {
  const rows: unknown[] = [];
  const reader = jsonRowsReader(key, (value, index) => {
    expect(index).toBe(rows.length);
    rows.push(value);
  });
  for (const chunk of chunks) reader.write(chunk);
  const envelope = reader.end();
  expect(reader.rows).toBe(rows.length);
  return { rows, envelope };
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** The body cut in two at every byte, then in one-byte chunks. */
function everySplit(text: string): Uint8Array[][] {
  const all = bytes(text);
  const splits: Uint8Array[][] = [];
  for (let at = 0; at <= all.length; at++) splits.push([all.subarray(0, at), all.subarray(at)]);
  splits.push(Array.from(all, (_, i) => all.subarray(i, i + 1)));
  return splits;
}

/** What JSON.parse makes of the body, taken apart as the reader hands it out. */
function expected(text: string, key = 'transactions'): Read {
  const whole = JSON.parse(text) as unknown;
  if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) return { rows: [], envelope: whole };
  const list = (whole as Record<string, unknown>)[key];
  if (!Array.isArray(list)) return { rows: [], envelope: whole };
  return { rows: list, envelope: { ...whole, [key]: [] } };
}

function failure(chunks: readonly Uint8Array[]): unknown {
  try {
    read(chunks);
  } catch (error) {
    return error;
  }
  return null;
}

const tricky = [
  '{"transactions":[]}',
  ' \r\n{ "transactions" : [ ] } \n',
  '{"transactions":[{"id":"1","amount":"1.00"},{"id":"2","amount":"-0.76"}],"next":null}',
  '{"count":2,"transactions":[1,"two",[3,[4]],{"five":{"six":[]}},null,true,false,-7.5e3]}',
  // Brackets, commas, quotes and backslashes inside strings, in keys and values.
  '{"a]":"[,{","transactions":[{"s":"x\\"],}\\\\","t":"\\\\"},"\\u005d\\\\\\""],"z":"}"}',
  // The key spelled with an escape is the same key.
  '{"trans\\u0061ctions":[{"id":"é"}]}',
  // Multi-byte characters, cut at every byte by the splits below.
  '{"transactions":[{"name":"Café 中文 🧾","note":"ü"},"\u00e9\u4e2d"]}',
  // The key deeper down, or as a value, is not the list.
  '{"meta":{"transactions":[1,2]},"transactions":[3]}',
  '{"other":"transactions","x":["transactions",[1]]}',
  '[{"transactions":[1]}]',
  '"transactions"',
  '{"transactions":null}',
  '{"transactions":{"0":1}}',
  '{"errors":"Unauthorized"}',
  '\uFEFF{"transactions":[1]}',
];

describe('jsonRowsReader', () => {
  it.each(tricky)('hands out what JSON.parse reads, however the body is cut: %s', (text) => {
    const want = expected(text.replace(/^\uFEFF/, ''));
    for (const chunks of everySplit(text)) expect(read(chunks)).toEqual(want);
  });

  it('hands out rows as they arrive, a few dozen kilobytes at a time, before the body ends', () => {
    const seen: unknown[] = [];
    const reader = jsonRowsReader('transactions', (value) => seen.push(value));
    const row = { id: '1', note: 'x'.repeat(1_000) };
    reader.write(bytes(`{"transactions":[${Array(100).fill(JSON.stringify(row)).join(',')},{"id"`));
    expect(seen.length).toBeGreaterThanOrEqual(32);
    expect(seen.length).toBeLessThan(100);
    reader.write(bytes(':"2"}]}'));
    expect(seen).toEqual([...Array<unknown>(100).fill(row), { id: '2' }]);
    expect(reader.end()).toEqual({ transactions: [] });
  });

  it('reads a large page row by row', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ id: String(i), amount: `${i}.00`, note: 'a,b]"c' }));
    const text = JSON.stringify({ transactions: rows });
    const all = bytes(text);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < all.length; at += 16_381) chunks.push(all.subarray(at, at + 16_381));
    expect(read(chunks)).toEqual({ rows, envelope: { transactions: [] } });
  });

  it.each([
    '',
    '   ',
    '{"transactions":[1,]}',
    '{"transactions":[,1]}',
    '{"transactions":[1,,2]}',
    '{"transactions":[1 2]}',
    '{"transactions":[{"a":1}}]}',
    '{"transactions":[{"a":1]]}',
    '{"transactions":["unterminated]}',
    '{"transactions":[{"id":"1"}',
    '{"transactions":[1]',
    '{"transactions":[1]}}',
    '{"transactions" [1]}',
    '{"transactions":[1] "x":2}',
    '{"transactions":[01]}',
    '{"transactions":[NaN]}',
    '{"transactions":["a\\x"]}',
    '{"transactions":["tab\there"]}',
    '{"transactions":[]}x',
    '<html>Bad gateway</html>',
  ])('refuses what JSON.parse refuses, with a syntax error and no hang: %s', (text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    for (const chunks of everySplit(text)) expect(failure(chunks)).toBeInstanceOf(JsonSyntaxError);
  });

  it('refuses the rows key twice (JSON.parse would keep the last list, the stream has handed out the first)', () => {
    expect(failure([bytes('{"transactions":[1],"transactions":[2]}')])).toBeInstanceOf(JsonRowsDuplicateKey);
  });

  it('fails at a bad row without waiting for the body to end', () => {
    const reader = jsonRowsReader('transactions', () => undefined);
    const rows = Array(100).fill(JSON.stringify({ note: 'x'.repeat(1_000) })).join(',');
    expect(() => reader.write(bytes(`{"transactions":[{"id":1},{bad},${rows},`))).toThrow(JsonSyntaxError);
  });

  it('passes on what the row handler throws, at that row', () => {
    const reader = jsonRowsReader('transactions', (_value, index) => {
      if (index === 1) throw new RangeError('row 1 refused');
    });
    expect(() => reader.write(bytes('{"transactions":[1,2,3]}'))).toThrow('row 1 refused');
  });
});
