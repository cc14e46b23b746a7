import { describe, expect, it } from 'vitest';
import { refusalMessage } from '../../support/refusal';
import { parseQuery } from '@/lib/http/handler';
import { transactionsQuerySchema } from '@/lib/list-query/transactions';
import { parseTransactionsSearchParams, toSearchParams, type TransactionsQuery } from '@/lib/list-query/transactions-url';

const parse = (search: string) => parseQuery(transactionsQuerySchema, new URLSearchParams(search));

const refusal = (search: string) => refusalMessage(() => parse(search), search);

describe('transactionsQuerySchema (server, strict)', () => {
  it('applies the default page size', () => {
    expect(parse('')).toEqual({ limit: 100 });
  });

  it('reads every filter', () => {
    expect(
      parse('limit=250&payout_status=accepted_by_bank&payout_id=2010190001&type=refund,payment,refund&from=2024-03-01&to=2024-03-31&tz=Asia/Tokyo&cursor=abc.def'),
    ).toEqual({
      limit: 250,
      payout_status: 'accepted_by_bank',
      payout_id: '2010190001',
      type: ['payment', 'refund'],
      from: '2024-03-01',
      to: '2024-03-31',
      tz: 'Asia/Tokyo',
      cursor: 'abc.def',
    });
  });

  it('accepts repeated type parameters and other', () => {
    expect(parse('type=other&type=chargeback_won').type).toEqual(['chargeback_won', 'other']);
  });

  it.each([
    ['payout_status=in%20progress', 'payout_status'],
    ['payout_status=', 'payout_status'],
    ['limit=10001', 'limit'],
    ['limit=0', 'limit'],
    ['limit=1e3', 'limit'],
    ['limit=50&limit=100', 'limit'],
    ['from=2024-02-30', 'from'],
    ['to=31/03/2024', 'to'],
    ['from=2024-03-02&to=2024-03-01', 'from'],
    ['type=payment,fee_reversed', 'type'],
    ['type=', 'type'],
    ['payout_id=12%2034', 'payout_id'],
    [`payout_id=${'9'.repeat(65)}`, 'payout_id'],
    ['tz=Mars/Olympus', 'tz'],
    ['cursor=', 'cursor'],
    ['page=2', 'page'],
  ])('refuses %s naming %s', (search, name) => {
    expect(refusal(search)).toContain(`"${name}"`);
  });
});

describe('parseTransactionsSearchParams (browser, lenient)', () => {
  it.each<[string, TransactionsQuery]>([
    ['', { limit: 100 }],
    ['limit=abc&payout_status=nope&from=2024-02-30', { limit: 100 }],
    ['limit=250&type=refund,bogus,payment', { limit: 250, type: ['payment', 'refund'] }],
    ['type=bogus', { limit: 100 }],
    ['from=2024-03-05&to=2024-03-01', { limit: 100 }],
    ['from=2024-03-01&tz=Nowhere', { limit: 100, from: '2024-03-01' }],
    ['payout_id=42&payout_status=failed', { limit: 100, payout_id: '42', payout_status: 'failed' }],
  ])('reads %j', (search, expected) => {
    const query = parseTransactionsSearchParams(new URLSearchParams(search));
    expect(JSON.parse(JSON.stringify(query))).toEqual(expected);
  });

  it('reads Next.js searchParams records', () => {
    expect(parseTransactionsSearchParams({ type: ['refund', 'payment'], limit: '50' })).toMatchObject({
      limit: 50,
      type: ['payment', 'refund'],
    });
  });
});

describe('toSearchParams', () => {
  it('writes a stable order and leaves defaults out', () => {
    const query: TransactionsQuery = {
      cursor: 'c.d',
      limit: 100,
      to: '2024-03-31',
      from: '2024-03-01',
      type: ['payment', 'other'],
      payout_status: 'completed',
    };
    expect(toSearchParams(query).toString()).toBe(
      'type=payment%2Cother&payout_status=completed&from=2024-03-01&to=2024-03-31&cursor=c.d',
    );
  });

  it('round-trips through the strict schema', () => {
    const query: TransactionsQuery = { limit: 1000, type: ['refund'], payout_id: '77', tz: 'Europe/Berlin' };
    expect(parse(toSearchParams(query).toString())).toEqual(query);
  });
});
