import fc from 'fast-check';
import { PAYOUT_STATUSES } from '@/lib/domain/transaction';
import { EXPORT_COLUMN_KEYS } from '@/lib/exports/columns';
import { TRANSACTION_FILTER_TYPES } from '@/lib/list-query/transactions-url';

/** Values that broke or could break a parser: far dates, huge and odd numbers, NUL, `%`, unicode, prototype keys. */
export const BOUNDARY_VALUES: readonly string[] = [
  '9999-12-31',
  '9999-01-01',
  '275760-09-13',
  '+275760-09-13',
  '-271821-04-20',
  '0000-01-01',
  '1969-12-31',
  '1999-12-31',
  '2000-01-01',
  '2024-02-30',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '9'.repeat(400),
  '-1',
  '0',
  '1e308',
  'NaN',
  'Infinity',
  '0x10',
  '\u0000',
  'conn_\u0000',
  '%',
  '%00',
  '%zz',
  '%25',
  '😀',
  'İstanbul',
  '\uD800',
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'a'.repeat(3000),
  ',,,',
  'payment,,refund',
  'Etc/GMT+14',
  'UTC ',
];

type Connection = { id: string; provider: string };

const validDates = ['2024-03-01', '2024-03-31', '2023-01-01', new Date().toISOString().slice(0, 10), '2000-01-01'];

/** Values a real client would send for a parameter, so the other parameters' checks are passed and deeper code runs. */
function plausible(key: string, connections: readonly Connection[]): readonly string[] {
  switch (key) {
    case 'from':
    case 'to':
      return [...validDates, '9999-12-31', '275760-09-13', '1999-12-31'];
    case 'limit':
      return ['1', '50', '100', '1000', '10000', '10001', '0', '2147483648'];
    case 'cursor':
      return ['1', '50', 'eyJ2IjoxfQ', 'abc.def', '2147483647', '2147483648', '9999999999'];
    case 'type':
      return [...TRANSACTION_FILTER_TYPES, 'payment,refund'];
    case 'payout_status':
    case 'status':
      return PAYOUT_STATUSES;
    case 'payout_id':
      return ['1', '900001', '12345678901234567890'];
    case 'tz':
    case 'timestamps':
      return ['UTC', 'Asia/Tokyo', 'America/Santiago', 'Asia/Tehran', 'merchant', 'utc'];
    case 'period':
      return ['7d', '30d', '90d'];
    case 'currency':
      return ['USD', 'EUR', 'JPY', 'usd', 'XXX'];
    case 'account':
      return ['all', ...connections.map((c) => c.id)];
    case 'columns':
      return [...EXPORT_COLUMN_KEYS, EXPORT_COLUMN_KEYS.slice(0, 3).join(',')];
    case 'delimiter':
      return ['comma', 'semicolon'];
    case 'bom':
      return ['true', 'false'];
    case 'long_ids':
      return ['text', 'plain'];
    default:
      return ['1'];
  }
}

/** A value for a query parameter: mostly plausible, often a boundary value, sometimes any string. */
export function valuesFor(key: string, connections: readonly Connection[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...plausible(key, connections)) },
    { weight: 3, arbitrary: fc.constantFrom(...BOUNDARY_VALUES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );
}

/** A path segment's value: mostly a real id of the signed-in organization, sometimes malformed. */
export function pathValue(name: string, connections: readonly Connection[]): fc.Arbitrary<string> {
  const real =
    name === 'connectionId'
      ? connections.map((c) => c.id)
      : name === 'exportId'
        ? ['00000000-0000-4000-8000-000000000000']
        : ['1', '900001'];
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.constantFrom(...BOUNDARY_VALUES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );
}
