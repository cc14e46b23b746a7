import { describe, expect, it } from 'vitest';
import { getExportAudit, listExportAudits } from '@/lib/db/exports';
import { EXPORT_COLUMN_KEYS } from '@/lib/exports/columns';
import { EXPORT_ID_HEADER, fileNameFromDisposition } from '@/lib/exports/http';
import { ApiError } from '@/lib/http/api-error';
import type { TransactionsQuery } from '@/lib/transactions/query';
import type { TransactionDto } from '@/lib/transactions/schema';
import { listTransactions } from '@/lib/transactions/service';
import { codec } from '../transactions/support';
import { cents, exportEnvPerSuite, ORGANIZATION_ZONE, parseCsv, plain } from './support';
import type { LoadedConnection } from '@/lib/connections/client';

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

function expectSameRows(records: Record<string, string>[], expected: readonly TransactionDto[]) {
  expect(records.map((r) => plain(r.id))).toEqual(expected.map((r) => r.id));
  records.forEach((record, i) => {
    const row = expected[i];
    if (!row) throw new Error('missing row');
    expect([record.amount, record.fee, record.net, record.currency]).toEqual([row.amount, row.fee, row.net, row.currency]);
    expect(plain(record.type)).toBe(row.rawType);
    expect(plain(record.payout_id)).toBe(row.payoutId ?? '');
    expect(record.transaction_time_utc).toBe(utc(row.transactionTime));
  });
  const sum = (values: string[]) => values.reduce((total, value) => total + cents(value), 0n);
  for (const key of ['amount', 'fee', 'net'] as const) {
    expect(sum(records.map((r) => r[key] ?? ''))).toBe(sum(expected.map((r) => r[key])));
  }
}

describe('CSV export against the sandbox', () => {
  it('equals the transactions service row for row and cent for cent over a filtered range spanning several provider pages', async () => {
    const bench = env.connection('bench');
    const search = 'from=2024-03-10&to=2024-03-24&type=payment,refund,other,reserve_held';
    const response = await env.start(bench, `${search}&columns=${EXPORT_COLUMN_KEYS.join(',')}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const { header, records } = parseCsv(await response.text());
    expect(header).toContain('transaction_time_utc');
    const expected = await serviceRows(bench, {
      limit: 1000,
      from: '2024-03-10',
      to: '2024-03-24',
      type: ['payment', 'refund', 'reserve_held', 'other'],
    });
    expect(expected.length).toBeGreaterThan(15_000);
    expectSameRows(records, expected);

    const audit = await getExportAudit(env.db, env.user.organizationId, response.headers.get(EXPORT_ID_HEADER) ?? '');
    expect(audit).toMatchObject({ outcome: 'completed', rowCount: expected.length, userEmail: 'finance@acme.test', connectionLabel: bench.label });
    expect(audit?.providerPages).toBeGreaterThan(2);
    expect(audit?.filters).toEqual({ from: '2024-03-10', to: '2024-03-24', type: ['payment', 'refund', 'reserve_held', 'other'] });
  });

  it('exports one payout exactly as the service lists it', async () => {
    const acme = env.connection('acme-shopline');
    const [payoutLine] = (await listTransactions(acme, { limit: 100, type: ['payout'] }, { codec })).items;
    const payoutId = payoutLine?.payoutId;
    if (!payoutId) throw new Error('no payout in the sandbox');
    const response = await env.start(acme, `payout_id=${payoutId}`);
    expect(fileNameFromDisposition(response.headers.get('content-disposition'))).toMatch(
      new RegExp(`^acme-outfitters-shopline-payments_payout-${payoutId}_\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const { records } = parseCsv(await response.text());
    expectSameRows(records, await serviceRows(acme, { limit: 1000, payout_id: payoutId }));
  });

  it('writes the chosen options: semicolons, no BOM, UTC only, plain ids', async () => {
    const acme = env.connection('acme-shopline');
    const text = await (await env.start(acme, 'columns=id,transaction_time,fee&timestamps=utc&delimiter=semicolon&bom=false&long_ids=plain')).text();
    expect(text.startsWith('id;transaction_time;fee\r\n')).toBe(true);
    const { records } = parseCsv(text, ';');
    expect(records).toHaveLength(2137);
    expect(records[0]?.id).toMatch(/^\d{27}$/);
    expect(records.some((r) => r.fee?.startsWith('-'))).toBe(true);
  });

  it('starts with a BOM and marks 27-digit ids by default, and records each export in the audit', async () => {
    const acme = env.connection('acme-shopline');
    const bytes = new Uint8Array(await (await env.start(acme, 'type=refund')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { records } = parseCsv(new TextDecoder().decode(bytes));
    expect(records[0]?.id).toMatch(/^'\d{27}$/);
    const [latest] = await listExportAudits(env.db, env.user.organizationId, { limit: 1 });
    expect(latest).toMatchObject({ outcome: 'completed', rowCount: records.length, filters: { type: ['refund'] } });
    expect(latest?.options).toMatchObject({ timeZone: ORGANIZATION_ZONE, delimiter: 'comma', bom: true, longIds: 'text' });
  });

  it('refuses a provider without transactions before recording anything', async () => {
    const before = await listExportAudits(env.db, env.user.organizationId, { limit: 100 });
    const error = await env.start(env.connection('acme-genpayment-us'), '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(await listExportAudits(env.db, env.user.organizationId, { limit: 100 })).toHaveLength(before.length);
  });
});
