import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { createConnection } from '@/lib/db/connections';
import { readKeptDays } from '@/lib/db/kept-days';
import { aggregateFlows } from '@/lib/flows/service';
import { keptDaysKey } from '@/lib/kept-days/source';
import { databaseKeptDays, type KeptDaysStore } from '@/lib/kept-days/store';
import { SCAN_PAGE_SIZE } from '@/lib/paging/page';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import { transactionTotals } from '@/lib/transactions/totals';
import { TEST_KEY, newOrganization } from '../db/fixtures';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../db/databases';
import { connectionTo, expectJumped, listedAll, sandboxPerSuite } from './support';

/**
 * Transactions walks teach kept days: a date filter walked from the top keeps the closed days it passed, and
 * the next date filter, its totals and a flows view start from them, with exactly the rows of a walk from the top.
 */

const env = sandboxPerSuite();
// The sandbox's newest row is at 2024-03-31T12:00Z; today is two days later, so 03-30 to 04-02 are the settle window.
const NOW = new Date('2024-04-02T12:00:00Z');
const ZONES = ['America/New_York', 'Asia/Tokyo'] as const;

// Both zones on PostgreSQL; PGlite (the same SQL) in one, to keep the file's walks few.
const CASES = [...ZONES.map((zone) => ['postgres', zone] as const), ...DRIVERS.filter((driver) => driver !== 'postgres').map((driver) => [driver, ZONES[1]] as const)];

describe.each(CASES)('on %s, organization zone %s', (driver, zone) => {
  let database: TestDatabase;
  let store: KeptDaysStore;
  let organizationId: string;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    organizationId = (await newOrganization(database.db, 'Learn')).id;
    store = databaseKeptDays(async () => database.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  let benches = 0;
  async function newBench(): Promise<LoadedConnection> {
    const loaded = { ...connectionTo(env.sandbox, 'bench'), organizationId };
    benches += 1;
    return { ...loaded, id: (await createConnection(database.db, { ...loaded, label: `bench ${benches}` }, TEST_KEY)).id };
  }

  const listed = (bench: LoadedConnection, query: Partial<TransactionsQuery>, keptDays?: KeptDaysStore, maxProviderPages = 60) =>
    listedAll(bench, query, { timeZone: zone, keptDays, now: NOW, maxProviderPages });

  const totals = (bench: LoadedConnection, query: Partial<TransactionsQuery>, keptDays?: KeptDaysStore) =>
    transactionTotals(bench, { limit: SCAN_PAGE_SIZE, ...query }, {
      timeZone: zone,
      keptDays,
      now: NOW,
      secret: 'integration-test-secret-0123456789abcdef',
      budget: { maxProviderPages: 60, timeBudgetMs: 60_000 },
    });

  let bench: LoadedConnection;
  let coldPages = 0;

  beforeAll(async () => {
    bench = await newBench();
    // The cold date filter: walked from the top, it passes every day from the settle window down to the range.
    coldPages = (await listed(bench, { from: '2024-02-10', to: '2024-02-11' }, store)).pages;
  });

  it('keeps the settled days a date filter walked past, exactly as a flows view keeps them', async () => {
    const learned = await readKeptDays(database.db, keptDaysKey(bench, zone), '2024-02-01', '2024-04-02');
    expect(learned.map((day) => day.day)).toContain('2024-03-29');
    expect(learned.map((day) => day.day)).toContain('2024-02-12');
    expect(learned.every((day) => day.day <= '2024-03-29')).toBe(true);

    const viewer = await newBench();
    const query = { range: { from: '2024-02-12', to: '2024-03-29' }, currency: 'USD', account: viewer.id };
    await aggregateFlows({ organizationId, timeZone: zone }, [viewer], query, { now: NOW, cache: null, kept: store });
    const flowsKept = await readKeptDays(database.db, keptDaysKey(viewer, zone), '2024-02-12', '2024-03-29');
    const byDay = new Map(flowsKept.map((day) => [day.day, day]));
    const common = learned.filter((day) => byDay.has(day.day));
    expect(common.length).toBeGreaterThan(30);
    for (const day of common) expect(day).toEqual(byDay.get(day.day));
  });

  it('keeps the day each request of a long search leaves open: the next request at its cursor finishes it', async () => {
    const searched = await newBench();
    const walk = await listed(searched, { from: '2024-03-01', to: '2024-03-01' }, store, 2);
    expect(walk.pages).toBeGreaterThan(8);
    const days = await readKeptDays(database.db, keptDaysKey(searched, zone), '2024-03-02', '2024-03-29');
    expect(days.map((day) => day.day)).toHaveLength(28);
    const single = await readKeptDays(database.db, keptDaysKey(bench, zone), '2024-03-02', '2024-03-29');
    expect(days).toEqual(single);
  });

  it('starts a second date filter at its end: the same rows as from the top, for the pages of the range + 1', async () => {
    const range = { from: '2024-02-20', to: '2024-02-22' };
    const live = await listed(bench, range);
    expectJumped(live, await listed(bench, range, store), 5);
    expect(coldPages).toBeGreaterThan(live.pages);
  });

  it('starts the totals there too, with exactly the totals from the top', async () => {
    const range = { from: '2024-02-20', to: '2024-02-22' };
    const live = await totals(bench, range);
    const jumped = await totals(bench, range, store);
    expect(jumped.complete).toBe(true);
    expect({ ...jumped, scannedRows: 0 }).toEqual({ ...live, scannedRows: 0 });
    expect(jumped.count).toBeGreaterThan(1000);
    expect(jumped.scannedRows).toBeLessThan(live.scannedRows / 4);
  });

  it.each<[string, Partial<TransactionsQuery>, 'top' | 'jump']>([
    ['ending today: nothing is kept after it, so from the top', { from: '2024-03-27', to: '2024-04-02' }, 'top'],
    ['ending inside the settle window: from the top', { from: '2024-03-26', to: '2024-03-31' }, 'top'],
    ['of a type, ending on a kept day: from its end', { from: '2024-03-10', to: '2024-03-20', type: ['refund'] }, 'jump'],
  ])('a range %s, with the same rows and totals as from the top', async (_name, query, start) => {
    const live = await listed(bench, query);
    const jumped = await listed(bench, query, store);
    expect(jumped.ids).toEqual(live.ids);
    expect(jumped.ids.length).toBeGreaterThan(0);
    if (start === 'top') expect(jumped.pages).toBe(live.pages);
    else expect(jumped.pages).toBeLessThan(live.pages);
    expect({ ...(await totals(bench, query, store)), scannedRows: 0 }).toEqual({ ...(await totals(bench, query)), scannedRows: 0 });
  });

  it('walks live when the store fails, answering the same rows and totals', async () => {
    const down = databaseKeptDays(async () => {
      throw new Error('database down');
    });
    const range = { from: '2024-03-20', to: '2024-03-21' };
    const live = await listed(bench, range);
    expect(await listed(bench, range, down)).toEqual(live);
    expect({ ...(await totals(bench, range, down)), resume: null }).toEqual({ ...(await totals(bench, range)), resume: null });
  });

  it('a range whose end day is not kept jumps from the nearest kept day after it, with the same rows', async () => {
    const other = await newBench();
    await listed(other, { from: '2024-02-10', to: '2024-02-10' }, store);
    await database.db.query('delete from kept_days where connection_id = $1 and day between $2::date and $3::date', [other.id, '2024-02-24', '2024-02-25']);
    const range = { from: '2024-02-23', to: '2024-02-25' };
    const live = await listed(other, range);
    const jumped = await listed(other, range, store);
    expect(jumped.ids).toEqual(live.ids);
    // Two days more than the range, a page or two at most.
    expect(jumped.pages).toBeLessThanOrEqual(Math.ceil(jumped.ids.length / SCAN_PAGE_SIZE) + 3);
    expect(live.pages).toBeGreaterThan(jumped.pages + 5);
  });

  it('learns nothing from a walk the provider filtered by payout status', async () => {
    const other = await newBench();
    await listed(other, { from: '2024-02-10', to: '2024-02-11', payout_status: 'completed' }, store);
    await totals(other, { from: '2024-02-10', to: '2024-02-11', payout_status: 'completed' }, store);
    expect(await readKeptDays(database.db, keptDaysKey(other, zone), '2024-01-01', '2024-04-02')).toEqual([]);
  });
});
