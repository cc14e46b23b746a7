import { afterEach, describe, expect, it } from 'vitest';
import { isoWithOffset, wallTimeToEpoch } from '@/lib/domain/zone';
import { ProviderError } from '@/lib/providers/errors';
import { neox } from '@/lib/providers/neox';
import { mapBalances } from '@/lib/providers/neox/map';
import { NEOX_DEFAULT_TIME_ZONE } from '@/lib/providers/neox/schemas';
import { wireReader } from '@/lib/providers/wire';
import { createProviderClient } from '@/lib/providers/registry';
import { shopline } from '@/lib/providers/shopline';
import { byPath, fixture, scriptedFetch, testHttp, thrown, type Reply } from './support';

const row = { accountNo: 'A1', accountType: 'FUND_ACCOUNT', currency: 'USD', balance: '2', availableBalance: '1', frozenAmount: '1' };
const neoxAsOf = (time: string, timeZone: string) =>
  mapBalances([{ ...row, time }], { provider: 'neox', traceId: null, timeZone })[0]?.asOf.toISOString();

const serverZone = process.env.TZ;
afterEach(() => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

describe('NeoX balance time', () => {
  it.each([
    ['documented form, default zone (HKT, UTC+8)', '2024-05-01 12:30:45', NEOX_DEFAULT_TIME_ZONE, '2024-05-01T04:30:45.000Z'],
    ['documented form, UTC', '2024-05-01 12:30:45', 'UTC', '2024-05-01T12:30:45.000Z'],
    ['London in summer (BST)', '2024-07-01 12:00:00', 'Europe/London', '2024-07-01T11:00:00.000Z'],
    ['London in winter (GMT)', '2024-01-15 12:00:00', 'Europe/London', '2024-01-15T12:00:00.000Z'],
    ['New York, the hour before clocks go forward', '2024-03-10 01:59:59', 'America/New_York', '2024-03-10T06:59:59.000Z'],
    ['New York, a time clocks skip (moved forward by the gap)', '2024-03-10 02:30:00', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['New York, right after clocks go forward', '2024-03-10 03:00:00', 'America/New_York', '2024-03-10T07:00:00.000Z'],
    ['New York, a time that occurs twice (the earlier one)', '2024-11-03 01:30:00', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['New York, after clocks go back', '2024-11-03 02:00:00', 'America/New_York', '2024-11-03T07:00:00.000Z'],
    ['Berlin, a skipped time', '2024-03-31 02:30:00', 'Europe/Berlin', '2024-03-31T01:30:00.000Z'],
    ['Berlin, a repeated time', '2024-10-27 02:30:00', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
    ['Sydney across its April change', '2024-04-07 02:30:00', 'Australia/Sydney', '2024-04-06T15:30:00.000Z'],
    ['ISO 8601 with an offset wins over the zone', '2024-05-01T12:30:45+08:00', 'America/New_York', '2024-05-01T04:30:45.000Z'],
    ['ISO 8601 in UTC', '2024-05-01T12:30:45Z', NEOX_DEFAULT_TIME_ZONE, '2024-05-01T12:30:45.000Z'],
    ['ISO 8601 with fraction and negative offset', '2024-05-01T12:30:45.123-05:00', 'UTC', '2024-05-01T17:30:45.123Z'],
    ['ISO 8601 with a compact offset', '2024-05-01T12:30:45+0530', 'UTC', '2024-05-01T07:00:45.000Z'],
    ['ISO 8601 without an offset, read in the zone', '2024-05-01T12:30:45', NEOX_DEFAULT_TIME_ZONE, '2024-05-01T04:30:45.000Z'],
  ])('%s: %s in %s is %s', (_name, time, zone, instant) => {
    expect(neoxAsOf(time, zone)).toBe(instant);
  });

  it('does not depend on the server zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(neoxAsOf('2024-05-01 12:30:45', NEOX_DEFAULT_TIME_ZONE)).toBe('2024-05-01T04:30:45.000Z');
    process.env.TZ = 'Asia/Kolkata';
    expect(neoxAsOf('2024-05-01 12:30:45', NEOX_DEFAULT_TIME_ZONE)).toBe('2024-05-01T04:30:45.000Z');
  });

  it.each(['2024-02-30 10:00:00', '2024-05-01 24:00:00', '2024-05-01 12:60:00', '2024-05-01T12:30:45+24:00', 'yesterday', ''])(
    'refuses %j naming the field',
    (time) => {
      const error = thrown(() => neoxAsOf(time, 'UTC'));
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as Error).message).toContain('data[0].time');
    },
  );
});

describe('NeoX time zone setting', () => {
  it('is optional: unset, the client reads in the declared zone, Hong Kong time', () => {
    expect(neox.settingsSchema.parse({ subMerchantId: 'S1' })).toEqual({ subMerchantId: 'S1' });
    expect(neox.timestampZone).toBe('Asia/Hong_Kong');
  });

  it.each(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT-8'])('accepts %s', (timeZone) => {
    expect(neox.settingsSchema.parse({ subMerchantId: 'S1', timeZone })).toEqual({ subMerchantId: 'S1', timeZone });
  });

  it.each(['Mars/Olympus', '+08:00', 'HKT8', '', 'Asia/Hong Kong'])('refuses %j', (timeZone) => {
    const result = neox.settingsSchema.safeParse({ subMerchantId: 'S1', timeZone });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['timeZone']);
  });
});

describe('wire timestamps (SHOPLINE and others)', () => {
  const noZone = wireReader({ provider: 'shopline', traceId: 't-1' });
  const taipei = wireReader({ provider: 'shopline', traceId: 't-1', timeZone: 'Asia/Taipei' });

  it.each(['2022-02-25T18:00:42+08:00', '2022-02-25T10:00:42Z', '2022-02-25T18:00:42.5+08:00', '2022-02-25 18:00:42+08:00'])(
    'keeps %s as sent',
    (value) => {
      expect(noZone.timestamp(value, 'transaction_time')).toBe(value);
    },
  );

  it.each(['2022-02-25T18:00:42', '2022-02-25 18:00', '2022-02-25'])('refuses %s without an offset when no zone is declared', (value) => {
    process.env.TZ = 'America/Los_Angeles';
    const error = thrown(() => noZone.timestamp(value, 'transaction_time'));
    expect(error).toMatchObject({ kind: 'bad_response', traceId: 't-1' });
    expect((error as Error).message).toContain('without an offset');
    expect((error as Error).message).toContain('transaction_time');
  });

  it('reads an offset-less time in a declared zone and gives it that offset', () => {
    expect(taipei.timestamp('2022-02-25T18:00:42', 'f')).toBe('2022-02-25T18:00:42+08:00');
    expect(taipei.timestamp('2022-02-25', 'f')).toBe('2022-02-25T00:00:00+08:00');
  });

  it.each(['2024-02-29T10:00:00Z', '2000-02-29T10:00:00+01:00', '2022-12-31T23:59:59-12:00'])('keeps the real %s', (value) => {
    expect(noZone.timestamp(value, 'f')).toBe(value);
  });

  it.each([
    '2022-02-30T18:00:42+08:00',
    '2023-02-29T10:00:00Z',
    '1900-02-29T10:00:00Z',
    '2022-04-31T10:00:00Z',
    '2022-13-01T10:00:00Z',
    '2022-02-25T24:00:00Z',
    '2022-02-25T18:60:00Z',
    '2022-02-25T18:00:60Z',
    '2022-02-25T18:00:42+08:60',
    'soon',
  ])('refuses the invalid %s', (value) => {
    expect(thrown(() => taipei.timestamp(value, 'f'))).toMatchObject({ kind: 'bad_response' });
  });
});

describe('zone arithmetic', () => {
  it.each([
    [Date.UTC(2024, 6, 1, 12), 'Europe/London', '2024-07-01T13:00:00+01:00'],
    [Date.UTC(2024, 0, 1, 12), 'Europe/London', '2024-01-01T12:00:00+00:00'],
    [Date.UTC(2024, 0, 1, 12, 0, 0, 250), 'America/St_Johns', '2024-01-01T08:30:00.250-03:30'],
    [Date.UTC(2024, 0, 1, 12), 'Asia/Kathmandu', '2024-01-01T17:45:00+05:45'],
  ])('isoWithOffset(%i, %s) = %s', (epoch, zone, text) => {
    expect(isoWithOffset(epoch, zone)).toBe(text);
    expect(Date.parse(text)).toBe(epoch);
  });

  it('round-trips every hour of a DST year in New York', () => {
    for (let epoch = Date.UTC(2024, 0, 1); epoch < Date.UTC(2025, 0, 1); epoch += 3_600_000) {
      const text = isoWithOffset(epoch, 'America/New_York');
      const wall = Date.parse(`${text.slice(0, 19)}Z`);
      // The repeated hour of November maps back to its earlier occurrence; every other hour to itself.
      const back = wallTimeToEpoch(wall, 'America/New_York');
      expect(back === epoch || back === epoch - 3_600_000).toBe(true);
      if (back !== epoch) expect(text).toMatch(/^2024-11-03T01:/);
    }
  });
});

describe('the client reads offset-less timestamps in the zone its input carries', () => {
  const shoplinePage = (transactionTime: string): Reply => {
    const body = JSON.parse(fixture('shopline-transaction.json')) as { transactions: Record<string, unknown>[] };
    return { body: { transactions: body.transactions.map((t) => ({ ...t, transaction_time: transactionTime })) } };
  };
  const shoplineTimes = async (timestampZone: string | null, transactionTime: string) => {
    const scripted = scriptedFetch([shoplinePage(transactionTime)]);
    const client = shopline.createClient({
      baseUrl: 'https://acme.myshopline.com',
      settings: { handle: 'acme' },
      credentials: { accessToken: 'shpat_secret_42' },
      timestampZone,
      http: testHttp({ fetch: scripted.fetch }),
    });
    const page = await client.transactions!.listTransactions({ limit: 10 });
    return page.items.map((t) => t.transactionTime);
  };

  it('SHOPLINE, as declared (every timestamp has its offset): an offset-less one is refused, never read in the server’s zone', async () => {
    expect(shopline.timestampZone).toBeNull();
    const viaRegistry = createProviderClient({
      provider: 'shopline',
      baseUrl: 'https://acme.myshopline.com',
      settings: { handle: 'acme' },
      credentials: { accessToken: 'shpat_secret_42' },
      http: testHttp({ fetch: scriptedFetch([shoplinePage('2022-02-25T18:00:42')]).fetch }),
    });
    await expect(viaRegistry.transactions!.listTransactions({ limit: 10 })).rejects.toThrow(/without an offset "2022-02-25T18:00:42" in transactions\[0\]\.transaction_time/);
    await expect(shoplineTimes(shopline.timestampZone, '2022-02-25T18:00:42+08:00')).resolves.toEqual(['2022-02-25T18:00:42+08:00']);
  });

  it('SHOPLINE with a declared zone: the wire reader uses that zone, not UTC', async () => {
    await expect(shoplineTimes('Asia/Taipei', '2022-02-25T18:00:42')).resolves.toEqual(['2022-02-25T18:00:42+08:00']);
    await expect(shoplineTimes('America/New_York', '2022-02-25T18:00:42')).resolves.toEqual(['2022-02-25T18:00:42-05:00']);
  });

  const NEOX_BASE = 'https://neox.sandbox.example.test';
  const neoxAsOfVia = async (settings: Record<string, string>) => {
    const token = { body: { code: 1, state: 2, message: 'Successful', data: { access_token: 'tok', token_type: 'bearer', expires_in: 3600, scope: 'x' } } };
    const scripted = scriptedFetch(byPath({ '/v2/auth/oauth2/token': [token], '/v2/gc/accounts/balance/query': [{ body: fixture('neox-balance-documented.json') }] }));
    const client = createProviderClient({
      provider: 'neox',
      baseUrl: NEOX_BASE,
      settings: { subMerchantId: `ZONE${Object.keys(settings).length}${settings.timeZone ?? ''}`.slice(0, 15), ...settings },
      credentials: { clientId: 'client-zone', clientSecret: 'secret-zone' },
      http: testHttp({ fetch: scripted.fetch }),
    });
    const [line] = await client.getBalances();
    return line?.asOf.toISOString();
  };

  it('NeoX: the connection’s zone setting, and without one the declared zone (Hong Kong)', async () => {
    // The documented example's "2024-05-01 12:30:45" carries no offset.
    await expect(neoxAsOfVia({})).resolves.toBe('2024-05-01T04:30:45.000Z');
    await expect(neoxAsOfVia({ timeZone: 'UTC' })).resolves.toBe('2024-05-01T12:30:45.000Z');
    await expect(neoxAsOfVia({ timeZone: 'Europe/Berlin' })).resolves.toBe('2024-05-01T10:30:45.000Z');
  });
});
