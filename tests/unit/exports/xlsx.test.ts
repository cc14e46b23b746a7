import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney } from '@/lib/domain/money';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMN_KEYS, type ExportColumnKey } from '@/lib/exports/columns';
import { fetchKeptEncoded } from '@/lib/exports/pages';
import { columnLetters, fitsDouble, numberFormat, xlsxFileWriter, xmlText, type XlsxOptions } from '@/lib/exports/xlsx';
import type { WalkSource } from '@/lib/paging/walk';
import { row } from '@/tests/support/fake-transactions-api';
import { referenceXlsxWriter } from '@/tests/support/xlsx-reference';
import { zipEntries } from '@/tests/support/zip-entries';
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

/** Every part of the zip but docProps/core.xml, whose created and modified times are the time of writing. */
function parts(file: Buffer): Record<string, string> {
  const entries = zipEntries(file);
  expect(entries.has('xl/worksheets/sheet1.xml')).toBe(true);
  return Object.fromEntries([...entries].filter(([name]) => name !== 'docProps/core.xml').map(([name, bytes]) => [name, bytes.toString('utf8')]));
}

const JPY = toCurrency('JPY');
const BHD = toCurrency('BHD');

/** Rows that take every path of the cell encoding: nulls, markup, control characters, long and odd decimals, bad dates. */
function awkwardRows(total: number): BalanceTransaction[] {
  const variants: Partial<BalanceTransaction>[] = [
    {},
    { sourceOrderId: `a<b>&"'\u0001\u0000\u001f\u007f\t\n\r z`, rawType: '', sourceType: '' },
    { exchangeRate: '12345678901234.5678', processedAt: '2024-01-01T00:00:00+08:00', payoutId: null, payoutStatus: null },
    { exchangeRate: '0.000000000000000000001234', sourcePaymentId: '123456789012345678901234567' },
    { exchangeRate: '1e5', processedAt: 'not a date', sourceOrderTransactionId: '訂單 №7 🧾' },
    { amount: parseMoney('1200', JPY), fee: parseMoney('-36', JPY), net: parseMoney('1164', JPY), currency: JPY, settlementAmount: null },
    { amount: parseMoney('12.345', BHD), fee: parseMoney('0', BHD), net: parseMoney('-99999999999.999', BHD), currency: BHD, exchangeRate: null },
    { transactionTime: '2024-03-10T07:30:00Z', processedAt: '2024-11-03T05:59:59.999-00:00' },
  ];
  return Array.from({ length: total }, (_, i) => row(i, total, variants[i % variants.length]));
}

async function reference(rows: readonly BalanceTransaction[], pageRows: number, options: { columns: readonly ExportColumnKey[]; timeZone: string; sheetRows?: number }) {
  const writer = referenceXlsxWriter(options);
  const out: Buffer[] = [];
  for (let at = 0; at < rows.length; at += pageRows) out.push(...(await writer.write(rows.slice(at, at + pageRows))));
  out.push(...(await writer.end()));
  return Buffer.concat(out);
}

/** The XLSX writer and its page encoder, as a job holds them. */
function pagedWriter(options: XlsxOptions) {
  const writer = xlsxFileWriter(options);
  const pages = writer.pages;
  if (!pages) throw new Error('the XLSX writer encodes pages on their own');
  return { writer, pages };
}

/** The writer as a job uses it: every page encoded first, the later ones before the earlier, then written in order. */
async function encodedAhead(rows: readonly BalanceTransaction[], pageRows: number, options: XlsxOptions) {
  const { pages, writer } = pagedWriter(options);
  const slices: BalanceTransaction[][] = [];
  for (let at = 0; at < rows.length; at += pageRows) slices.push(rows.slice(at, at + pageRows));
  const encoded = slices.map(() => [] as Buffer[]);
  for (let i = slices.length - 1; i >= 0; i -= 1) encoded[i] = pages.encode(slices[i] ?? []);
  const out: Buffer[] = [];
  for (const page of encoded) out.push(...(await pages.write(page)));
  out.push(...(await writer.end()));
  return Buffer.concat(out);
}

describe('XLSX rows encoded as they arrive', () => {
  it('names columns as spreadsheets do', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes text as exceljs does, dropping the control characters XML cannot hold', () => {
    expect(xmlText(`a<b>&"'\u0001\u0000\u001f\u007f\t\n\r z`)).toBe('a&lt;b&gt;&amp;&quot;&apos;\t\n\r z');
    expect(xmlText('plain')).toBe('plain');
  });

  it.each([
    ['UTC', EXPORT_COLUMN_KEYS],
    ['Asia/Taipei', EXPORT_COLUMN_KEYS],
    ['America/New_York', DEFAULT_EXPORT_COLUMNS],
    ['UTC', ['amount', 'id'] as const],
  ])('writes, in %s, the file exceljs writes from its own rows, byte for byte', async (timeZone, columns) => {
    const rows = awkwardRows(437);
    for (const pageRows of [437, 150, 7]) {
      const options = { columns, timeZone };
      expect(parts(await encodedAhead(rows, pageRows, options))).toEqual(parts(await reference(rows, pageRows, options)));
    }
  });

  it('goes on to a new sheet when one is full, also inside an encoded part', async () => {
    const rows = awkwardRows(230);
    const options = { columns: DEFAULT_EXPORT_COLUMNS, timeZone: 'Asia/Taipei', sheetRows: 50 };
    const file = await encodedAhead(rows, 37, options);
    const written = parts(file);
    expect(Object.keys(written).filter((name) => name.startsWith('xl/worksheets/sheet'))).toHaveLength(5);
    expect(written).toEqual(parts(await reference(rows, 37, options)));
    // And a real reader finds every row, each sheet with its header first.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.rowCount)).toEqual([50, 50, 50, 50, 35]);
    const ids = book.worksheets.flatMap((sheet) => sheet.getSheetValues().slice(2).map((values) => (values as unknown[])[1]));
    expect(ids).toEqual(rows.map((r) => r.id));
    const second = book.worksheets[1];
    expect(second?.getRow(1).getCell(1).value).toBe('id');
    expect(second?.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    const amount = second?.getRow(2).getCell(DEFAULT_EXPORT_COLUMNS.indexOf('amount') + 2);
    expect(amount?.type).toBe(ExcelJS.ValueType.Number);
    expect(amount?.numFmt).toBe('#,##0.00');
  });

  it('keeps only the last read of a page whose read started over', async () => {
    const rows = awkwardRows(120);
    const options = { columns: EXPORT_COLUMN_KEYS, timeZone: 'Asia/Taipei' };
    const { pages, writer } = pagedWriter(options);
    // A provider read that fails after 70 rows (its rows already encoded) and is read again from its start.
    const source: WalkSource<BalanceTransaction> = {
      fetchPage: () => Promise.reject(new Error('the rows are handed over')),
      async fetchPageInto(_cursor, sink) {
        sink.restart();
        rows.slice(0, 70).forEach((r) => sink.add(r));
        sink.restart();
        rows.forEach((r) => sink.add(r));
        return { items: [], nextCursor: null, previousCursor: null };
      },
      idOf: (r) => r.id,
      classify: () => 'keep',
      filtersLocally: false,
    };
    const sifted = await fetchKeptEncoded(source, null, (batch) => pages.encode(batch), 40);
    expect(sifted?.count).toBe(120);
    const file = Buffer.concat([...(await pages.write(sifted?.parts ?? [])), ...(await writer.end())]);
    expect(parts(file)).toEqual(parts(await reference(rows, 120, options)));
  });
});

describe('XLSX pages encoded ahead of the one being written', () => {
  it('writes the same file while later pages are encoded between the writes of earlier ones', async () => {
    const rows = awkwardRows(6_000);
    const options = { columns: EXPORT_COLUMN_KEYS, timeZone: 'Asia/Taipei' };
    const { pages, writer } = pagedWriter(options);
    // As a job does with two pages ahead: page n + 2 is encoded (its slices interleaved with page n + 1's) while page n is written.
    const slices = Array.from({ length: 12 }, (_, i) => rows.slice(i * 500, i * 500 + 500));
    const encoded: Buffer[][] = slices.map(() => []);
    const done = slices.map(() => 0);
    /** The next 100 rows of a page, encoded. */
    const advance = (page: number) => {
      const slice = slices[page];
      if (!slice || (done[page] ?? 0) >= slice.length) return;
      encoded[page]?.push(...pages.encode(slice.slice(done[page], (done[page] ?? 0) + 100)));
      done[page] = (done[page] ?? 0) + 100;
    };
    const out: Buffer[] = [];
    for (let page = 0; page < slices.length; page += 1) {
      // Pages n + 1 and n + 2 arrive side by side; page n is whole by the time it is written.
      for (let i = 0; i < 5; i += 1) {
        advance(page);
        advance(page + 1);
        if (i < 3) advance(page + 2);
      }
      expect(done[page]).toBe(500);
      out.push(...(await pages.write(encoded[page] ?? [])));
      encoded[page] = [];
    }
    out.push(...(await writer.end()));
    expect(parts(Buffer.concat(out))).toEqual(parts(await reference(rows, 500, options)));
  });
});
