import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, deleteConnection, updateConnection } from '@/lib/db/connections';
import { keptStartId, readKeptDays, writeKeptDays } from '@/lib/db/kept-days';
import type { KeptDay, KeptDaysKey } from '@/lib/domain/kept-day';
import { DRIVERS, openTestDatabase, type TestDatabase } from './databases';
import { genpaymentConnection, newOrganization, TEST_KEY } from './fixtures';

/** Beyond 2^63: the columns hold exact minor units of any size. */
const HUGE = 12_345_678_901_234_567_890_123n;

function day(date: string, id: number, overrides: Partial<KeptDay> = {}): KeptDay {
  return {
    day: date,
    rows: 3,
    newestId: String(id + 2),
    oldestId: String(id),
    newestAt: new Date(`${date}T20:00:00Z`),
    oldestAt: new Date(`${date}T06:00:00Z`),
    totals: [
      { rawType: 'payment', type: 'payment', currency: 'USD', count: 2, amountIn: HUGE, amountOut: -1n, feeIn: 0n, feeOut: -7n },
      { rawType: 'fee_reversed', type: 'other', currency: 'CAD', count: 1, amountIn: 0n, amountOut: 0n, feeIn: 37n, feeOut: 0n },
    ],
    ...overrides,
  };
}

const EMPTY: Partial<KeptDay> = { rows: 0, newestId: null, oldestId: null, newestAt: null, oldestAt: null, totals: [] };

describe.each(DRIVERS)('kept days on %s', (kind) => {
  let t: TestDatabase;
  let key: KeptDaysKey;
  let organizationId: string;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    organizationId = (await newOrganization(t.db, 'Kept')).id;
    const connection = await createConnection(t.db, genpaymentConnection(organizationId), TEST_KEY);
    key = { connectionId: connection.id, timeZone: 'Europe/Berlin', source: 'source-a' };
  });
  afterAll(() => t.dispose());

  it('reads back exactly what was kept, empty days included, and a second write replaces a day', async () => {
    const days = [day('2024-03-01', 100), day('2024-03-02', 200, EMPTY), day('2024-03-03', 300)];
    await writeKeptDays(t.db, key, days);
    expect(await readKeptDays(t.db, key, '2024-03-01', '2024-03-03')).toEqual(days.map(sorted));
    expect(await readKeptDays(t.db, key, '2024-03-02', '2024-03-02')).toEqual(days.slice(1, 2).map(sorted));

    const again = day('2024-03-03', 300, { rows: 1, totals: [{ rawType: 'refund', type: 'refund', currency: 'USD', count: 1, amountIn: 0n, amountOut: -5n, feeIn: 0n, feeOut: 0n }] });
    await writeKeptDays(t.db, key, [again]);
    expect((await readKeptDays(t.db, key, '2024-03-03', '2024-03-03'))[0]).toEqual(again);
  });

  it('answers another zone or another source with nothing', async () => {
    expect(await readKeptDays(t.db, { ...key, timeZone: 'UTC' }, '2024-03-01', '2024-03-03')).toEqual([]);
    expect(await readKeptDays(t.db, { ...key, source: 'source-b' }, '2024-03-01', '2024-03-03')).toEqual([]);
  });

  it('names the oldest row of the nearest kept day at or after an instant as the start, with its time', async () => {
    expect(await keptStartId(t.db, key, Date.parse('2024-03-01T00:00:00Z'))).toEqual({ id: '100', at: new Date('2024-03-01T06:00:00Z') });
    expect(await keptStartId(t.db, key, Date.parse('2024-03-01T06:00:01Z'))).toEqual({ id: '300', at: new Date('2024-03-03T06:00:00Z') });
    expect(await keptStartId(t.db, key, Date.parse('2024-03-04T00:00:00Z'))).toBeNull();
    expect(await keptStartId(t.db, { ...key, source: 'source-b' }, 0)).toBeNull();
  });

  it('forgets a connection’s days when it is pointed elsewhere or removed', async () => {
    const connection = await createConnection(t.db, genpaymentConnection(organizationId), TEST_KEY);
    const own = { ...key, connectionId: connection.id };
    const count = async () => (await readKeptDays(t.db, own, '2024-01-01', '2024-12-31')).length;
    await writeKeptDays(t.db, own, [day('2024-03-01', 100)]);
    await updateConnection(t.db, { organizationId, connectionId: connection.id }, { label: 'Renamed' }, TEST_KEY);
    expect(await count()).toBe(1);
    await updateConnection(t.db, { organizationId, connectionId: connection.id }, { settings: { shop: 'acme-eu' } }, TEST_KEY);
    expect(await count()).toBe(0);
    await writeKeptDays(t.db, own, [day('2024-03-01', 100)]);
    await deleteConnection(t.db, organizationId, connection.id);
    const [left] = await t.db.query<{ n: string }>('select count(*)::text as n from kept_day_totals where connection_id = $1', [connection.id]);
    expect(left?.n).toBe('0');
  });
});

/** Totals come back per currency, then provider type. */
function sorted(d: KeptDay): KeptDay {
  const order = (t: KeptDay['totals'][number]) => `${t.currency}\n${t.rawType}`;
  return { ...d, totals: [...d.totals].sort((a, b) => (order(a) < order(b) ? -1 : 1)) };
}
