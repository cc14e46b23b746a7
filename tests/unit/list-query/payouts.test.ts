import { describe, expect, it } from 'vitest';
import { refusalMessage } from '../../support/refusal';
import { parseQuery } from '@/lib/http/handler';
import { payoutsQuerySchema } from '@/lib/list-query/payouts';
import { parsePayoutsSearchParams, toPayoutsSearchParams, type PayoutsQuery } from '@/lib/list-query/payouts-url';

const parse = (search: string) => parseQuery(payoutsQuerySchema, new URLSearchParams(search));

describe('payoutsQuerySchema (server, strict)', () => {
  it('reads filters and defaults the page size to 50', () => {
    expect(parse('')).toEqual({ limit: 50 });
    expect(parse('status=retrying&from=2024-01-01&to=2024-01-31&limit=1000')).toEqual({
      status: 'retrying',
      from: '2024-01-01',
      to: '2024-01-31',
      limit: 1000,
    });
  });

  it.each([
    ['status=in progress', 'status'],
    ['limit=1001', 'limit'],
    ['from=2024-1-1', 'from'],
    ['from=2024-02-01&to=2024-01-01', 'from'],
    ['payout_status=failed', 'payout_status'],
  ])('refuses %s naming %s', (search, name) => {
    expect(refusalMessage(() => parse(search), search)).toContain(`"${name}"`);
  });
});

describe('payouts search params (browser)', () => {
  it('falls back to defaults for bad values', () => {
    const query = parsePayoutsSearchParams(new URLSearchParams('status=nope&limit=5000&from=2024-01-01'));
    expect(JSON.parse(JSON.stringify(query))).toEqual({ limit: 50, from: '2024-01-01' });
  });

  it('writes a stable URL that the server reads back', () => {
    const query: PayoutsQuery = { limit: 100, cursor: 'x.y', status: 'failed', to: '2024-02-01' };
    expect(toPayoutsSearchParams(query).toString()).toBe('status=failed&to=2024-02-01&limit=100&cursor=x.y');
    expect(parse(toPayoutsSearchParams(query).toString())).toEqual(query);
  });
});
