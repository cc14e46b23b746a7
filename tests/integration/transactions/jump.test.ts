import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { createConnection } from '@/lib/db/connections';
import { aggregateFlows } from '@/lib/flows/service';
import { databaseKeptDays, type KeptDaysStore } from '@/lib/kept-days/store';
import { SCAN_PAGE_SIZE } from '@/lib/paging/page';
import { listTransactions } from '@/lib/transactions/service';
import { TEST_KEY, newOrganization } from '../db/fixtures';
import { openTestDatabase, type TestDatabase } from '../db/databases';
import { codec, connectionTo, sandboxPerSuite } from './support';

const env = sandboxPerSuite();
const NOW = new Date('2024-04-02T12:00:00Z');
const KEPT_ZONE = 'America/New_York';

let database: TestDatabase;
let bench: LoadedConnection;
let store: KeptDaysStore;

beforeAll(async () => {
  database = await openTestDatabase('postgres');
  const org = await newOrganization(database.db, 'Jump');
  const loaded = { ...connectionTo(env.sandbox, 'bench'), organizationId: org.id };
  bench = { ...loaded, id: (await createConnection(database.db, { ...loaded, label: 'bench' }, TEST_KEY)).id };
  store = databaseKeptDays(async () => database.db);
  // A flows view learns the days of February and March up to the settle window.
  const query = { range: { from: '2024-02-01', to: '2024-03-31' }, currency: 'USD', account: bench.id };
  await aggregateFlows({ organizationId: org.id, timeZone: KEPT_ZONE }, [bench], query, { now: NOW, cache: null, kept: store });
});
afterAll(async () => {
  await database.dispose();
});

/** Every row of a date-filtered list through its own paging, a provider page per list page, and the provider pages it read. */
async function listed(range: { from: string; to: string }, timeZone: string, keptDays?: KeptDaysStore) {
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  for (let request = 0; request < 200; request += 1) {
    const page = await listTransactions(bench, { limit: SCAN_PAGE_SIZE, ...range, cursor }, { codec, timeZone, keptDays, budget: { maxProviderPages: 50 } });
    ids.push(...page.items.map((item) => item.id));
    pages += page.providerPages;
    cursor = page.nextCursor ?? undefined;
    if (cursor === undefined) return { ids, pages };
  }
  throw new Error('the list did not end');
}

describe('date filters start at the range’s end (since_id from kept days)', () => {
  it.each([
    ['kept zone', { from: '2024-02-10', to: '2024-02-11' }, KEPT_ZONE],
    ['another zone', { from: '2024-02-10', to: '2024-02-11' }, 'Asia/Tokyo'],
    ['one day, UTC', { from: '2024-03-02', to: '2024-03-02' }, 'UTC'],
  ])('%s: the same rows as a walk from the top, for the pages of the range + 1', async (_name, range, zone) => {
    const live = await listed(range, zone);
    const jumped = await listed(range, zone, store);

    expect(jumped.ids).toEqual(live.ids);
    expect(new Set(jumped.ids).size).toBe(jumped.ids.length);
    expect(jumped.ids.length).toBeGreaterThan(1000);
    expect(jumped.pages).toBeLessThanOrEqual(Math.ceil(jumped.ids.length / SCAN_PAGE_SIZE) + 1);
    expect(live.pages).toBeGreaterThan(jumped.pages + 5);
  });

  it('pages back from a jumped page to the same first page, offering no page before it', async () => {
    const range = { from: '2024-02-10', to: '2024-02-12' };
    const options = { codec, timeZone: KEPT_ZONE, keptDays: store, budget: { maxProviderPages: 50 } };
    const first = await listTransactions(bench, { limit: 500, ...range }, options);
    const second = await listTransactions(bench, { limit: 500, ...range, cursor: first.nextCursor ?? undefined }, options);
    const back = await listTransactions(bench, { limit: 500, ...range, cursor: second.previousCursor ?? undefined }, options);
    expect(first.previousCursor).toBeNull();
    expect(back.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect(back.previousCursor).toBeNull();
  });

  it('walks from the top when no kept day lies after the range', async () => {
    const range = { from: '2024-03-30', to: '2024-03-31' };
    const live = await listed(range, KEPT_ZONE);
    const jumped = await listed(range, KEPT_ZONE, store);
    expect(jumped).toEqual(live);
  });
});
