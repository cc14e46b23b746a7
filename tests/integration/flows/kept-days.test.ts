import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { updateOrganization } from '@/lib/admin/organization';
import { createConnection, deleteConnection } from '@/lib/db/connections';
import type { Organization } from '@/lib/db/organizations';
import type { FlowsQuery } from '@/lib/flows/query-url';
import type { FlowsDto } from '@/lib/flows/schema';
import { aggregateFlows, type FlowsOptions } from '@/lib/flows/service';
import { SETTLE_DAYS } from '@/lib/kept-days/settle';
import { databaseKeptDays } from '@/lib/kept-days/store';
import { shiftDate, startOfDay } from '@/lib/time/dates';
import { TEST_KEY, newOrganization } from '../db/fixtures';
import { openTestDatabase, type TestDatabase } from '../db/databases';
import { connectionTo, sandboxPerSuite } from '../transactions/support';

const env = sandboxPerSuite();
/** Two days after the sandbox's newest transaction (2024-03-31T12:00Z). */
const NOW = new Date('2024-04-02T12:00:00Z');
const ZONE = 'America/New_York';
const TODAY = '2024-04-02';
/** The oldest day walked live on every view: today and the settle window before it. */
const WINDOW_START = shiftDate(TODAY, -SETTLE_DAYS);

let database: TestDatabase;
let org: Organization;

beforeAll(async () => {
  database = await openTestDatabase('postgres');
  org = await newOrganization(database.db, 'Kept');
  await database.db.query('update organizations set timezone = $2 where id = $1', [org.id, ZONE]);
});
afterAll(async () => {
  await database.dispose();
});
afterEach(() => env.sandbox.faults.clear());

/** A stored connection (so its kept days have a row to belong to) pointed at a sandbox account. */
async function stored(key: string): Promise<LoadedConnection> {
  const loaded = { ...connectionTo(env.sandbox, key), organizationId: org.id };
  const summary = await createConnection(database.db, { ...loaded, label: `${key} ${Math.random()}` }, TEST_KEY);
  return { ...loaded, id: summary.id };
}

const store = () => databaseKeptDays(async () => database.db);
const scope = () => ({ organizationId: org.id, timeZone: ZONE });

function flows(accounts: LoadedConnection[], query: FlowsQuery, options: FlowsOptions = {}): Promise<FlowsDto> {
  return aggregateFlows(scope(), accounts, query, { now: NOW, cache: null, ...options });
}

/** What a user sees: everything but how it was computed. */
const figures = ({ generatedAt: _g, scannedRows: _s, providerPages: _p, keptDays: _k, ...rest }: FlowsDto) => rest;

function pagesServed(handle: string): [number, number][] {
  return [...(env.sandbox.stats.snapshot().accounts[`shopline:${handle}`]?.pages ?? [])];
}

async function keptRows(connectionId: string): Promise<number> {
  const [row] = await database.db.query<{ n: string }>('select count(*)::text as n from kept_days where connection_id = $1', [connectionId]);
  return Number(row?.n ?? 0);
}

describe('flows from kept days (SHOPLINE sandbox over HTTP, PostgreSQL)', () => {
  it('answers a repeat 90-day view from kept days exactly as a live walk, reading no page older than the settle window', async () => {
    const bench = await stored('bench');
    const query: FlowsQuery = { range: { period: '90d' }, currency: 'USD', account: bench.id };
    const windowStartMs = startOfDay(WINDOW_START, ZONE);

    env.sandbox.stats.reset();
    const first = await flows([bench], query, { kept: store() });
    const firstPages = pagesServed('bench');
    const live = await flows([bench], query);
    env.sandbox.stats.reset();
    const repeat = await flows([bench], query, { kept: store() });
    const repeatPages = pagesServed('bench');

    expect(figures(first)).toEqual(figures(live));
    expect(figures(repeat)).toEqual(figures(live));
    expect(live.totals.count).toBeGreaterThan(100_000);
    expect(first.keptDays).toBe(0);
    expect(repeat.keptDays).toBe(90 - 1 - SETTLE_DAYS);
    // The first view walked pages wholly older than the window; the repeat view none.
    expect(firstPages.filter(([newest]) => newest < windowStartMs).length).toBeGreaterThan(5);
    expect(repeatPages.length).toBeGreaterThan(0);
    expect(repeatPages.filter(([newest]) => newest < windowStartMs)).toEqual([]);
    expect(repeat.providerPages).toBe(repeatPages.length);
  });

  it('walks only the days not kept yet, starting an older run after the kept day above it', async () => {
    const bench = await stored('bench');
    const month: FlowsQuery = { range: { from: '2024-03-01', to: '2024-03-31' }, currency: 'USD', account: bench.id };
    const quarter: FlowsQuery = { range: { from: '2024-01-02', to: '2024-03-31' }, currency: 'USD', account: bench.id };
    await flows([bench], month, { kept: store() });

    env.sandbox.stats.reset();
    const widened = await flows([bench], quarter, { kept: store() });
    const pages = pagesServed('bench');
    const live = await flows([bench], quarter);

    expect(figures(widened)).toEqual(figures(live));
    // March up to the settle window is kept; the older run starts just below March 1 and the newest run at the top.
    expect(widened.keptDays).toBe(daysBetween('2024-03-01', shiftDate(TODAY, -SETTLE_DAYS - 1)));
    const marchMs = startOfDay('2024-03-01', ZONE);
    const keptEndMs = startOfDay(WINDOW_START, ZONE);
    expect(pages.filter(([newest, oldest]) => oldest >= marchMs && newest < keptEndMs)).toEqual([]);
    expect(pages.some(([newest]) => newest < marchMs)).toBe(true);
  });

  it('keeps nothing of a failed account, and "all accounts" still answers the other’s kept totals with the failure named', async () => {
    const acme = await stored('acme-shopline');
    const cn = await stored('cnstore');
    const query: FlowsQuery = { range: { period: '30d' }, currency: 'USD', account: 'all' };
    env.sandbox.faults.add({ provider: 'shopline', account: 'cnstore', path: 'balance_transactions.json', kind: 'status', status: 503 });
    const partial = await flows([acme, cn], query, { kept: store() });
    expect(await keptRows(cn.id)).toBe(0);
    expect(await keptRows(acme.id)).toBeGreaterThan(0);

    env.sandbox.faults.add({ provider: 'shopline', account: 'cnstore', path: 'balance_transactions.json', kind: 'status', status: 503 });
    const again = await flows([acme, cn], query, { kept: store() });
    const acmeAlone = await flows([acme], { ...query, account: acme.id });

    expect(again.failures.map((f) => [f.connectionId, f.status])).toEqual([[cn.id, 503]]);
    expect(again.accountIds).toEqual([acme.id]);
    expect(again.keptDays).toBeGreaterThan(0);
    expect(again.totals).toEqual(acmeAlone.totals);
    expect(partial.totals).toEqual(acmeAlone.totals);
  });

  it('forgets an organization’s kept days when its zone changes, and a connection’s when it is removed', async () => {
    const acme = await stored('acme-shopline');
    await flows([acme], { range: { period: '30d' }, account: acme.id }, { kept: store() });
    expect(await keptRows(acme.id)).toBe(30 - 1 - SETTLE_DAYS);

    const actor = { userId: null, email: 'admin@example.test', organizationId: org.id };
    await updateOrganization(database.db, actor, { name: org.name, timezone: ZONE });
    expect(await keptRows(acme.id)).toBe(30 - 1 - SETTLE_DAYS);
    await updateOrganization(database.db, actor, { name: org.name, timezone: 'Asia/Tokyo' });
    expect(await keptRows(acme.id)).toBe(0);
    await updateOrganization(database.db, actor, { name: org.name, timezone: ZONE });

    await flows([acme], { range: { period: '30d' }, account: acme.id }, { kept: store() });
    expect(await keptRows(acme.id)).toBeGreaterThan(0);
    expect(await deleteConnection(database.db, org.id, acme.id)).toBe(true);
    expect(await keptRows(acme.id)).toBe(0);
  });
});

function daysBetween(from: string, to: string): number {
  let n = 0;
  for (let day = from; day <= to; day = shiftDate(day, 1)) n += 1;
  return n;
}
