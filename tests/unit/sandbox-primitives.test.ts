import { describe, expect, it } from 'vitest';
import { RawNumber, stringifyRaw } from '@/lib/sandbox/http';
import { formatCurrencyMinor, formatMinor, mulDivRound } from '@/lib/sandbox/money';
import { LeakyBucket, TokenBucket } from '@/lib/sandbox/ratelimit';
import { decodeCursor, encodeCursor } from '@/lib/sandbox/shopline/cursor';
import { replaceFirstAmount } from '@/lib/sandbox/provider';
import { FaultRegistry } from '@/lib/sandbox/faults';

describe('sandbox money formatting', () => {
  it.each([
    [0n, 2, '0.00'],
    [5n, 2, '0.05'],
    [-76n, 2, '-0.76'],
    [123456n, 2, '1234.56'],
    [9876543210987654321n, 2, '98765432109876543.21'],
    [1200n, 0, '1200'],
    [-1n, 0, '-1'],
  ])('formatMinor(%s, %s) = %s', (minor, scale, text) => {
    expect(formatMinor(minor, scale)).toBe(text);
  });

  it('uses the currency exponent', () => {
    expect(formatCurrencyMinor(120000n, 'JPY')).toBe('120000');
    expect(formatCurrencyMinor(25000000n, 'VND')).toBe('25000000');
    expect(formatCurrencyMinor(4099n, 'USD')).toBe('40.99');
  });

  it.each([
    [1000n, 29n, 1000n, 29n],
    [1050n, 29n, 1000n, 30n],
    [-1050n, 29n, 1000n, -30n],
    [5n, 1n, 10n, 1n],
  ])('mulDivRound(%s, %s, %s) = %s (half away from zero)', (value, num, den, expected) => {
    expect(mulDivRound(value, num, den)).toBe(expected);
  });
});

describe('sandbox raw JSON', () => {
  it('writes numbers exactly as their decimal text', () => {
    const text = stringifyRaw({ a: new RawNumber('98765432109876543.21'), b: ['x', 1, null, true] });
    expect(text).toBe('{"a":98765432109876543.21,"b":["x",1,null,true]}');
    expect(() => new RawNumber('1e5')).toThrow();
  });

  it('replaces the first amount with a non-decimal, keeping the JSON valid', () => {
    expect(replaceFirstAmount('{"x":[{"amount":"1.00"},{"amount":"2.00"}]}', ['amount'], '12,34')).toBe(
      '{"x":[{"amount":"12,34"},{"amount":"2.00"}]}',
    );
    expect(replaceFirstAmount('{"balance":98765432109876543.21}', ['balance'], 'abc')).toBe('{"balance":"abc"}');
    expect(replaceFirstAmount('{"payouts":[]}', ['amount'], 'abc')).toBeUndefined();
  });
});

describe('sandbox rate limiters', () => {
  it('token bucket: 40 then 429, refills 2/s, reports used/capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(40, 2, () => now);
    expect(bucket.take()).toEqual({ ok: true, used: 1 });
    for (let n = 2; n <= 40; n += 1) expect(bucket.take().used).toBe(n);
    expect(bucket.take()).toEqual({ ok: false, used: 40 });
    now += 1000;
    expect(bucket.take()).toEqual({ ok: true, used: 39 });
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(false);
  });

  it('leaky bucket: burst 40, leaks 4/s', () => {
    let now = 0;
    const bucket = new LeakyBucket(40, 4, () => now);
    for (let n = 0; n < 40; n += 1) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 250;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});

describe('SHOPLINE cursor', () => {
  it('round-trips filters, boundary and direction in the documented shape', () => {
    const encoded = encodeCursor({ filters: { payoutStatus: 'completed' }, sinceId: '202207291451223820011130000', pageType: 'NEXT' });
    expect(encoded).toBe(
      'eyJwYXlvdXRTdGF0dXMiOiJjb21wbGV0ZWQiLCJzaW5jZUlkIjoiMjAyMjA3MjkxNDUxMjIzODIwMDExMTMwMDAwIiwicGFnZVR5cGUiOiJORVhUIn0=',
    );
    expect(decodeCursor(encoded, ['payoutStatus'])).toEqual({
      filters: { payoutStatus: 'completed' },
      sinceId: '202207291451223820011130000',
      pageType: 'NEXT',
    });
    expect(decodeCursor(encoded.replace(/\+/g, ' '), ['payoutStatus'])?.pageType).toBe('NEXT');
  });

  it.each([
    'not base64!',
    Buffer.from('[]').toString('base64'),
    Buffer.from('{"sinceId":"12","pageType":"SIDEWAYS"}').toString('base64'),
    Buffer.from('{"sinceId":"abc","pageType":"NEXT"}').toString('base64'),
    Buffer.from('{"sinceId":"12","pageType":"NEXT","limit":"5"}').toString('base64'),
    Buffer.from('{"sinceId":"12","pageType":"NEXT","payoutStatus":3}').toString('base64'),
  ])('rejects %s', (pageInfo) => {
    expect(decodeCursor(pageInfo, ['payoutStatus', 'payoutId'])).toBeUndefined();
  });
});

describe('fault registry', () => {
  it('matches provider, account and path, and expires after `times`', () => {
    const faults = new FaultRegistry();
    faults.add({ provider: 'shopline', account: 'acme', path: 'payouts.json', kind: 'status', status: 503, times: 1 });
    const target = { provider: 'shopline' as const, account: 'acme', path: '/shopline/acme/x/payouts.json' };
    expect(faults.takeShortCircuit({ ...target, account: 'globex' })).toBeUndefined();
    expect(faults.takeShortCircuit({ ...target, path: '/shopline/acme/x/balance.json' })).toBeUndefined();
    expect(faults.takeShortCircuit(target)?.status).toBe(503);
    expect(faults.takeShortCircuit(target)).toBeUndefined();
    expect(faults.list()).toHaveLength(0);
  });

  it('validates faults', () => {
    const faults = new FaultRegistry();
    expect(() => faults.add({ provider: 'neox', kind: 'status' })).toThrow();
    expect(() => faults.add({ provider: 'shopline', kind: 'drop_transaction' })).toThrow();
  });
});
