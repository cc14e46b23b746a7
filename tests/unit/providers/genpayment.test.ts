import { describe, expect, it } from 'vitest';
import { toDecimalString, type Money } from '@/lib/domain/money';
import { ProviderError } from '@/lib/providers/errors';
import { genpayment } from '@/lib/providers/genpayment';
import { mapBalance } from '@/lib/providers/genpayment/map';
import { balanceResponseSchema, type WireBalance } from '@/lib/providers/genpayment/schemas';
import { fixture, scriptedFetch, testHttp, thrown, type Reply } from './support';

const receivedAt = new Date('2024-05-01T12:00:00Z');
const ctx = { provider: 'genpayment' as const, traceId: null, receivedAt };
const decimal = (m: Money | null) => (m === null ? null : toDecimalString(m));

function client(replies: readonly Reply[]) {
  const scripted = scriptedFetch(replies);
  const instance = genpayment.createClient({
    baseUrl: 'https://acme.genmystore.com',
    settings: { shop: 'acme' },
    credentials: { accessToken: 'gs_token_123456' },
    timestampZone: genpayment.timestampZone,
    http: testHttp({ fetch: scripted.fetch }),
  });
  return { instance, calls: scripted.calls };
}

describe('GenPayment mapBalance', () => {
  it('maps the documented example exactly', () => {
    const wire = balanceResponseSchema.parse(JSON.parse(fixture('genpayment-balance.json'))).balance;
    const line = mapBalance(wire, ctx);
    expect(line).toMatchObject({ key: 'FI123123', subLabel: 'FI123123', currency: 'USD', frozen: null, asOf: receivedAt, warnings: [] });
    expect(decimal(line.settling)).toBe('123123.00');
    expect(decimal(line.available)).toBe('1000.00');
    expect(decimal(line.total)).toBe('124123.00');
    expect(line.total.minor).toBe(12412300n);
  });

  it.each([
    ['USD', '0.10', '1000.50', 10n, 100050n, 100060n],
    ['JPY', '1200', '300', 1200n, 300n, 1500n],
    ['VND', '1500000', '25000000', 1500000n, 25000000n, 26500000n],
    ['EUR', '-5.25', '10', -525n, 1000n, 475n],
    ['RON', '12.34', '100', 1234n, 10000n, 11234n],
    ['COP', '1500000.50', '0', 150000050n, 0n, 150000050n],
    ['PEN', '0.01', '9.99', 1n, 999n, 1000n],
    ['KWD', '1.234', '0.001', 1234n, 1n, 1235n],
  ])('%s: settling %s + available %s', (currency, settling, available, settlingMinor, availableMinor, totalMinor) => {
    const wire: WireBalance = { settlingAmount: settling, settlementedAmount: available, financeId: 'F1', currency };
    const line = mapBalance(wire, ctx);
    expect([line.settling?.minor, line.available?.minor, line.total.minor]).toEqual([settlingMinor, availableMinor, totalMinor]);
  });

  it.each([
    ['an unknown currency', { currency: 'XYZ' }, 'balance.currency'],
    ['a non-decimal amount', { settlingAmount: '12,50' }, 'balance.settlingAmount'],
    ['an exponent', { settlementedAmount: '1e3' }, 'balance.settlementedAmount'],
    ['too many decimals for JPY', { currency: 'JPY', settlementedAmount: '10.5' }, 'balance.settlementedAmount'],
    ['an empty amount', { settlingAmount: '' }, 'balance.settlingAmount'],
  ])('rejects %s as bad_response naming the field', (_name, patch, field) => {
    const wire: WireBalance = { settlingAmount: '1', settlementedAmount: '2', financeId: 'F1', currency: 'USD', ...patch };
    const error = thrown(() => mapBalance(wire, ctx));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'bad_response', provider: 'genpayment' });
    expect((error as ProviderError).message).toContain(field);
  });
});

describe('GenPayment client', () => {
  it('calls GET /api/202412/balance with the access token header', async () => {
    const { instance, calls } = client([{ body: fixture('genpayment-balance.json') }]);
    const lines = await instance.getBalances();
    expect(lines).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: 'https://acme.genmystore.com/api/202412/balance', method: 'GET' });
    expect(calls[0]?.headers['x-genstore-access-token']).toBe('gs_token_123456');
    expect(instance.transactions).toBeNull();
    expect(instance.payouts).toBeNull();
  });

  it('maps a 403 missing-scope answer to forbidden without leaking the token', async () => {
    const { instance } = client([{ status: 403, body: { error: 'token gs_token_123456 lacks read_finance_account' } }]);
    const error = await instance.getBalances().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, traceId: null });
    expect((error as Error).message).toContain('lacks read_finance_account');
    expect((error as Error).message).not.toContain('gs_token_123456');
  });

  it('declares balances only', () => {
    expect(genpayment.capabilities).toEqual({ balances: true, transactions: false, payouts: false });
    expect(genpayment.defaultBaseUrl({ shop: 'acme-us' })).toBe('https://acme-us.genmystore.com');
  });
});
