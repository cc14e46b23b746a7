import { describe, expect, it } from 'vitest';
import { parseTransactionsSearchParams, toSearchParams } from '@/lib/list-query/transactions-url';
import { urlNotices } from '@/lib/ui/url-notices';

const notices = (search: string) => {
  const given = new URLSearchParams(search);
  return urlNotices(given, toSearchParams(parseTransactionsSearchParams(given)), {
    defaults: { limit: '100' },
    lists: ['type'],
    skip: ['account', 'cursor'],
  });
};

describe('URL notices of the transactions page', () => {
  it('names each value it could not use and what it applied instead', () => {
    expect(notices('payout_status=bogus&limit=99999')).toEqual([
      { key: 'payout_status', given: 'bogus', applied: null },
      { key: 'limit', given: '99999', applied: '100' },
    ]);
  });

  it('says nothing about values it applied as given, in any order or spelled as the default', () => {
    expect(notices('payout_status=completed&type=refund,payment&limit=100&account=x&from=2024-03-01')).toEqual([]);
  });

  it('reports an unknown parameter and a partly valid list', () => {
    expect(notices('foo=1&type=payment,nope')).toEqual([
      { key: 'foo', given: '1', applied: null },
      { key: 'type', given: 'payment,nope', applied: 'payment' },
    ]);
  });
});
