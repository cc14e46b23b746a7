import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseAuditSearchParams } from '@/lib/exports/audit-query';
import { exportAuditQuerySchema } from '@/lib/exports/audit-schema';
import { flowsQuerySchema } from '@/lib/flows/query';
import { parseFlowsSearchParams } from '@/lib/flows/query-url';
import { MAX_RANGE_DAYS } from '@/lib/flows/period';
import { MAX_LIST_RANGE_DAYS, type SearchParamsInput } from '@/lib/list-query/fields';
import { payoutsQuerySchema } from '@/lib/list-query/payouts';
import { MAX_PAYOUT_LIMIT, parsePayoutsSearchParams } from '@/lib/list-query/payouts-url';
import { transactionsQuerySchema } from '@/lib/list-query/transactions';
import { MAX_TRANSACTION_LIMIT, parseTransactionsSearchParams, TRANSACTION_FILTER_TYPES } from '@/lib/list-query/transactions-url';
import { PAYOUT_STATUSES } from '@/lib/domain/transaction';
import { maxFilterDate, shiftDate } from '@/lib/time/dates';

/**
 * The browser reads a URL leniently (zod-free, lib/list-query/fields), the server strictly (zod). For each value
 * of each field, the browser keeps the value exactly when the server accepts it, and then reads it as the server
 * does; when the server answers 400, the browser shows the default instead. A predicate that drifts on one side
 * fails here.
 */

type Reading<T> = (input: SearchParamsInput) => T;

function expectAgreement<T>(schema: z.ZodType<T>, lenient: Reading<T>, params: Readonly<Record<string, string>>) {
  const strict = schema.safeParse({ ...params });
  const browser = lenient(new URLSearchParams(params));
  if (strict.success) expect(browser, `the browser reads ${JSON.stringify(params)} as the server does`).toEqual(strict.data);
  else expect(browser, `the browser drops ${JSON.stringify(params)}, which the server refuses`).toEqual(lenient(new URLSearchParams()));
  return strict.success;
}

const hex32 = '0123456789abcdef'.repeat(2);
const max = maxFilterDate();
const limits = (maxLimit: number) => ['1', '7', '0050', '100', String(maxLimit), String(maxLimit + 1), '0', '-1', '1.5', '1e3', ' 5', '5 ', '', 'abc', '1234567', '٣'];
const cursors = ['a', 'eyJvIjoxfQ', 'x'.repeat(2048), 'x'.repeat(2049), ''];
const dates = ['2024-01-31', '2024-02-29', '2023-02-29', '2024-13-01', '2024-1-1', '20240101', '1999-12-31', '2000-01-01', max, shiftDate(max, 1), '', 'today'];
const zones = ['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Mars/Olympus', 'europe/berlin', '+02:00', ''];
const payoutIds = ['po_123', '4711', 'a-b_C', 'a'.repeat(64), 'a'.repeat(65), 'po 1', 'po/1', ''];
const statuses = [...PAYOUT_STATUSES, 'COMPLETED', 'unknown', 'paid', ''];
const types = [...TRANSACTION_FILTER_TYPES, 'refund,payment', ' payment , refund ', 'payment,,chargeback', 'bogus', ',', ''];
const ranges = (maxDays: number) => [
  ['2024-01-01', '2024-01-31'],
  ['2024-01-31', '2024-01-31'],
  ['2024-02-01', '2024-01-31'],
  ['2010-01-01', shiftDate('2010-01-01', maxDays - 1)],
  ['2010-01-01', shiftDate('2010-01-01', maxDays)],
];

/** One test per field: each value of its table agrees, and the table has values on both sides of the check. */
function eachValueAgrees(agree: (params: Record<string, string>) => boolean, table: readonly (readonly [string, readonly string[]])[]) {
  it.each(table)('on each value of %s', (key, values) => {
    const accepted = values.filter((value) => agree({ [key]: value }));
    // A check that accepts or refuses everything fails here too.
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(values.length);
  });
}

/** The fields every walked list shares, and its date ranges. */
function listAgrees<T>(schema: z.ZodType<T>, lenient: Reading<T>, maxLimit: number, own: readonly (readonly [string, readonly string[]])[]) {
  const agree = (params: Record<string, string>) => expectAgreement(schema, lenient, params);
  eachValueAgrees(agree, [['limit', limits(maxLimit)], ['cursor', cursors], ['from', dates], ['to', dates], ['tz', zones], ...own]);
  it('on date ranges, reversed or longer than the list allows', () => {
    expect(ranges(MAX_LIST_RANGE_DAYS).map(([from = '', to = '']) => agree({ from, to }))).toEqual([true, true, false, true, false]);
  });
}

describe('the transactions list: lenient and strict readings agree', () => {
  listAgrees(transactionsQuerySchema, parseTransactionsSearchParams, MAX_TRANSACTION_LIMIT, [
    ['payout_id', payoutIds],
    ['payout_status', statuses],
    ['type', types],
  ]);

  it('except on a type list with an unknown entry: the browser keeps the known ones (the notice names the rest), the server answers 400', () => {
    expect(transactionsQuerySchema.safeParse({ type: 'payment,bogus' }).success).toBe(false);
    expect(parseTransactionsSearchParams(new URLSearchParams({ type: 'payment,bogus' })).type).toEqual(['payment']);
  });
});

describe('the payouts list: lenient and strict readings agree', () => {
  listAgrees(payoutsQuerySchema, parsePayoutsSearchParams, MAX_PAYOUT_LIMIT, [['status', statuses]]);
});

describe('the flow charts: lenient and strict readings agree', () => {
  const agree = (params: Record<string, string>) => expectAgreement(flowsQuerySchema, parseFlowsSearchParams, params);
  eachValueAgrees(agree, [
    ['period', ['7d', '30d', '90d', '1y', '30D', '']],
    ['currency', ['USD', 'EUR', 'JPY', 'KWD', 'usd', 'US', 'USDT', 'ZZZ', '']],
    ['account', ['all', `conn_${hex32}`, `conn_${hex32.slice(1)}`, `conn_${hex32.toUpperCase()}`, 'ALL', 'conn_', '']],
  ]);

  it('on each date, as both ends of a one-day range', () => {
    const accepted = dates.filter((date) => agree({ from: date, to: date }));
    expect(accepted).toEqual(['2024-01-31', '2024-02-29', '2000-01-01', max]);
  });

  it('on ranges: reversed, too long, or half given', () => {
    expect(ranges(MAX_RANGE_DAYS).map(([from = '', to = '']) => agree({ from, to }))).toEqual([true, true, false, true, false]);
    expect(agree({ from: '2024-01-01' })).toBe(false);
    expect(agree({ to: '2024-01-01' })).toBe(false);
  });

  it('except on a period next to a usable range: the browser shows the range (the notice names the period), the server answers 400', () => {
    const params = { period: '7d', from: '2024-01-01', to: '2024-01-31' };
    expect(flowsQuerySchema.safeParse(params).success).toBe(false);
    expect(parseFlowsSearchParams(new URLSearchParams(params)).range).toEqual({ from: '2024-01-01', to: '2024-01-31' });
  });
});

describe('the export audit: lenient and strict readings agree', () => {
  eachValueAgrees((params) => expectAgreement(exportAuditQuerySchema, parseAuditSearchParams, params), [
    ['cursor', ['1', '0042', '2147483647', '2147483648', '12345678901', '-1', '1.5', 'abc', '']],
  ]);
});
