import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listExportAudits } from '@/lib/db/exports';
import { EXPORT_COLUMN_KEYS } from '@/lib/exports/columns';
import { fileNameFromDisposition } from '@/lib/exports/http';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { listTransactions } from '@/lib/transactions/service';
import type { LoadedConnection } from '@/lib/connections/client';
import { codec } from '../transactions/support';
import { offsetMs } from '@/lib/time/dates';
import { cents, exportEnvPerSuite, ORGANIZATION_ZONE, parseCsv, plain } from './support';

const env = exportEnvPerSuite();

/** Every row the transactions service lists for the query, following its cursors. */
async function serviceRows(connection: LoadedConnection, query: TransactionsQuery): Promise<TransactionDto[]> {
  const rows: TransactionDto[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 500; i += 1) {
    const page = await listTransactions(connection, { ...query, cursor }, { codec, timeZone: ORGANIZATION_ZONE });
    rows.push(...page.items);
    if (page.nextCursor === null) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

const utc = (iso: string) => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
const sum = (values: readonly string[]) => values.reduce((total, value) => total + cents(value), 0n);
const SEARCH = 'from=2024-03-10&to=2024-03-24&type=payment,refund,other,reserve_held';
const QUERY: TransactionsQuery = { limit: 1000, from: '2024-03-10', to: '2024-03-24', type: ['payment', 'refund', 'reserve_held', 'other'] };

describe('export job files against the sandbox', () => {
  it('writes a CSV equal to the transactions service row for row and cent for cent, served with its length and SHA-256', async () => {
    const bench = await env.connection('bench');
    const { job, bytes, headers } = await env.exportFile(bench, `${SEARCH}&columns=${EXPORT_COLUMN_KEYS.join(',')}`);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(Number(headers.get('content-length'))).toBe(bytes.byteLength);
    const sha = createHash('sha256').update(bytes).digest();
    expect(headers.get('etag')).toBe(`"sha256-${sha.toString('hex')}"`);
    expect(headers.get('repr-digest')).toBe(`sha-256=:${sha.toString('base64')}:`);
    expect(fileNameFromDisposition(headers.get('content-disposition'))).toMatch(/_2024-03-10-to-2024-03-24_\d{4}-\d{2}-\d{2}\.csv$/);

    const { records } = parseCsv(bytes);
    const expected = await serviceRows(bench, QUERY);
    expect(expected.length).toBeGreaterThan(15_000);
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    records.forEach((record, i) => {
      const row = expected[i];
      expect([record.amount, record.fee, record.net, record.currency, plain(record.type)]).toEqual([row?.amount, row?.fee, row?.net, row?.currency, row?.rawType]);
      expect(record.transaction_time_utc).toBe(utc(row?.transactionTime ?? ''));
    });
    for (const key of ['amount', 'fee', 'net'] as const) expect(sum(records.map((r) => r[key] ?? ''))).toBe(sum(expected.map((r) => r[key])));

    const [audit] = await listExportAudits(env.db, env.user.organizationId, { limit: 1 });
    expect(audit).toMatchObject({ outcome: 'completed', rowCount: expected.length, userEmail: env.user.email, filters: { from: '2024-03-10' } });
    expect(audit?.options.format).toBe('csv');
    expect(job.pageSize).toBe(10_000);
  }, 90_000);

  it('writes an XLSX whose ids are exact text cells, amounts numbers with their currency’s decimals, times date cells', async () => {
    const bench = await env.connection('bench');
    const { bytes, headers } = await env.exportFile(bench, `${SEARCH}&format=xlsx&columns=id,transaction_time,amount,fee,net,currency,payout_id`);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Number(headers.get('content-length'))).toBe(bytes.byteLength);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['id', 'transaction_time', 'transaction_time_utc', 'amount', 'fee', 'net', 'currency', 'payout_id']);
    const expected = await serviceRows(bench, QUERY);
    expect(sheet.rowCount - 1).toBe(expected.length);
    const col = (name: string) => header.indexOf(name) + 1;
    let totals = { amount: 0n, fee: 0n, net: 0n };
    expected.forEach((row, i) => {
      const line = sheet.getRow(i + 2);
      expect(line.getCell(col('id')).value).toBe(row.id);
      expect(line.getCell(col('id')).type).toBe(ExcelJS.ValueType.String);
      const amount = line.getCell(col('amount'));
      expect(amount.type).toBe(ExcelJS.ValueType.Number);
      expect(amount.numFmt).toBe('#,##0.00');
      for (const key of ['amount', 'fee', 'net'] as const) {
        const value = line.getCell(col(key)).value;
        if (typeof value !== 'number') throw new Error(`${key} is not a number`);
        // Shown to the cent, the double is the provider's decimal exactly.
        expect(value.toFixed(2)).toBe(row[key]);
        totals = { ...totals, [key]: totals[key] + cents(value.toFixed(2)) };
      }
      const instant = Date.parse(row.transactionTime);
      expect((line.getCell(col('transaction_time_utc')).value as Date).toISOString()).toBe(new Date(instant).toISOString());
      // The zone's wall-clock time as a date cell, across New York's spring-forward (2024-03-10) too.
      expect((line.getCell(col('transaction_time')).value as Date).getTime()).toBe(instant + offsetMs(instant, ORGANIZATION_ZONE));
    });
    expect(totals).toEqual({ amount: sum(expected.map((r) => r.amount)), fee: sum(expected.map((r) => r.fee)), net: sum(expected.map((r) => r.net)) });
  }, 90_000);

  it('writes the semicolon CSV with decimal commas and no BOM when asked, plain ids by default', async () => {
    const acme = await env.connection('acme-shopline');
    const { bytes } = await env.exportFile(acme, 'columns=id,transaction_time,fee,exchange_rate&timestamps=utc&delimiter=semicolon&bom=false');
    const text = bytes.toString('utf8');
    expect(text.startsWith('id;transaction_time;fee;exchange_rate\r\n')).toBe(true);
    const { records } = parseCsv(text, ';');
    expect(records).toHaveLength(2137);
    expect(records[0]?.id).toMatch(/^\d{27}$/);
    expect(records.every((r) => /^-?\d+,\d{2}$/.test(r.fee ?? ''))).toBe(true);
    expect(records.some((r) => (r.fee ?? '').startsWith('-'))).toBe(true);
  });

  it('exports one payout exactly as the service lists it', async () => {
    const acme = await env.connection('acme-shopline');
    const [payoutLine] = (await listTransactions(acme, { limit: 100, type: ['payout'] }, { codec })).items;
    const payoutId = payoutLine?.payoutId;
    if (!payoutId) throw new Error('no payout in the sandbox');
    const { bytes } = await env.exportFile(acme, `payout_id=${payoutId}&long_ids=text`);
    const { records } = parseCsv(bytes);
    const expected = await serviceRows(acme, { limit: 1000, payout_id: payoutId });
    expect(records.map((r) => plain(r.id))).toEqual(expected.map((r) => r.id));
    expect(records[0]?.id).toMatch(/^'\d{27}$/);
    expect(sum(records.map((r) => r.net ?? ''))).toBe(sum(expected.map((r) => r.net)));
  });
});
