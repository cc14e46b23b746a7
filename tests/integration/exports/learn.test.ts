import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { getExportJobById } from '@/lib/db/export-jobs';
import { readKeptDays } from '@/lib/db/kept-days';
import type { KeptDay } from '@/lib/domain/kept-day';
import { startExportJobSystem, type ExportJobSystem } from '@/lib/exports/job-system';
import { startExportJob } from '@/lib/exports/jobs';
import { aggregateFlows } from '@/lib/flows/service';
import type { JobRunner } from '@/lib/jobs/types';
import { jumpStart } from '@/lib/kept-days/jump';
import { keptDaysKey } from '@/lib/kept-days/source';
import { databaseKeptDays } from '@/lib/kept-days/store';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import { dateIn, dateRange, daysInRange, shiftDate } from '@/lib/time/dates';
import { expectJumped, listedAll } from '../transactions/support';
import { exportEnvPerSuite, jobWhen, killGroup, ORGANIZATION_ZONE, spawnReady } from './support';

/**
 * Export jobs teach kept days as the transactions walks do: an export the provider answers unfiltered keeps
 * the settled days it saw whole, cent for cent as a flows walk keeps them, and later date filters start from
 * them. A filtered export teaches nothing; a resumed or failed job keeps no day it did not see whole.
 */

// Kept days are written every 3 pages here (20 by default), so that a job failing after a few pages has taught some.
const env = exportEnvPerSuite({ driver: 'postgres', deps: { keptDaysEveryPages: 3 } });
const store = databaseKeptDays(async () => env.db);
/** Records the job and runs it nowhere: the instances find it in the database. */
const nowhere: JobRunner = { kind: 'memory', enqueue: async () => undefined, takeOver: async () => undefined, abort: () => undefined, wake: () => undefined, close: async () => undefined };
const systems: ExportJobSystem[] = [];
let child: ChildProcess | null = null;
afterEach(() => env.sandbox.faults.clear());
afterAll(async () => {
  await killGroup(child);
  for (const system of systems) await system.stop();
});

// The sandbox's newest row is at 2024-03-31T12:00Z, years before today: every one of its days is settled.
const NEWEST = '2024-03-31';
const COLUMNS = 'columns=id,transaction_time,amount,fee,currency';

const kept = (connection: LoadedConnection, from = '2020-01-01', to = '2030-12-31') => readKeptDays(env.db, keptDaysKey(connection, ORGANIZATION_ZONE), from, to);

/** The days a flows walk of [from, to] keeps, on a connection of its own (so it walks the provider). */
async function flowsKept(from: string, to: string): Promise<Map<string, KeptDay>> {
  const viewer = await env.freshConnection('bench');
  const scope = { organizationId: env.user.organizationId, timeZone: ORGANIZATION_ZONE };
  await aggregateFlows(scope, [viewer], { range: { from, to }, currency: 'USD', account: viewer.id }, { cache: null, kept: store });
  const days = await kept(viewer, from, to);
  expect(days).toHaveLength(daysInRange(from, to));
  return new Map(days.map((day) => [day.day, day]));
}

/** Every day kept with rows is the flows walk's day, to the cent; the days with rows, oldest first. */
function expectFlowsDays(days: readonly KeptDay[], flows: ReadonlyMap<string, KeptDay>): string[] {
  const withRows = days.filter((day) => day.rows > 0);
  for (const day of withRows) expect(day).toEqual(flows.get(day.day));
  return withRows.map((day) => day.day);
}

const listed = (connection: LoadedConnection, query: Partial<TransactionsQuery>, keptDays?: typeof store) =>
  listedAll(connection, query, { timeZone: ORGANIZATION_ZONE, keptDays });

let flows: Map<string, KeptDay> | null = null;
/** A flows walk of the days the jobs here walk, once. */
const flowsOfJobs = async () => (flows ??= await flowsKept('2024-01-15', NEWEST));

describe('export jobs teaching kept days', () => {
  it('keep the settled days an unfiltered export walked, cent for cent as a flows walk keeps them; a later date filter starts from them', async () => {
    const bench = await env.freshConnection('bench');
    // Unfiltered by the provider: the date and the type are sifted here, every row of each page is seen.
    await env.exportFile(bench, `from=2024-02-01&type=payment&${COLUMNS}`);
    const flowsDays = await flowsOfJobs();
    // Every day from the newest down to the range's first: the first older row closed 02-01 and ended the walk.
    const days = await kept(bench);
    expect(expectFlowsDays(days, flowsDays)).toEqual([...flowsDays.keys()].filter((day) => day >= '2024-02-01'));
    expect(days.map((day) => day.day)).not.toContain('2024-01-31');

    const range = { from: '2024-02-20', to: '2024-02-21' };
    const start = await jumpStart(store, bench, dateRange(range.from, range.to, ORGANIZATION_ZONE));
    expect(start?.id).toBe(flowsDays.get('2024-02-22')?.oldestId);
    expectJumped(await listed(bench, range), await listed(bench, range, store), 3);
  }, 120_000);

  it('teach nothing when the provider filtered the export by payout status', async () => {
    const bench = await env.freshConnection('bench');
    const { job } = await env.exportFile(bench, `from=2024-02-01&payout_status=completed&${COLUMNS}`);
    expect((await getExportJobById(env.db, job.id))?.rowCount).toBeGreaterThan(1000);
    expect(await kept(bench)).toEqual([]);
  }, 120_000);

  it('keep no day a job resumed after its worker was killed did not see whole: only the days after where it resumed', async () => {
    if (env.database.config.kind !== 'postgres') throw new Error('needs PostgreSQL, shared with the other instance');
    const bench = await env.freshConnection('bench');
    // Pages 150 ms apart at the provider: time enough to kill the first instance a few pages in.
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 150 });
    const { REDIS_URL: _ignored, ...withoutRedis } = process.env;
    child = await spawnReady('tests/support/export-instance.ts', [env.database.config.url], withoutRedis);
    const job = await startExportJob({ db: env.db, runner: nowhere }, env.user, bench.id, new URLSearchParams(`from=2024-01-15&${COLUMNS}`));
    await jobWhen(env.db, job.id, (j) => j.providerPages >= 2);
    await killGroup(child);
    const atKill = await getExportJobById(env.db, job.id);
    expect(atKill?.cursor).not.toBeNull();
    const oldestAtKill = atKill?.oldestRowAt;
    if (!oldestAtKill) throw new Error('no row stored before the kill');
    env.sandbox.faults.clear();

    const second = await startExportJobSystem(env.db, { maxRunning: 3, takeoverEveryMs: 200 });
    systems.push(second);
    expect(await env.settled(job.id, 60_000)).toBe('ready');
    expect((await getExportJobById(env.db, job.id))?.attempt).toBe(2);
    await second.stop();
    systems.length = 0;

    // The resumed walk began inside the day of the last row stored before the kill: that day, and the newer
    // ones only the killed worker saw, are not kept; every older day down to the range's first is, exactly.
    // (The day before, should the resumed walk's first row be that day's last: a page ending on a day's first row.)
    const resumedIn = dateIn(ORGANIZATION_ZONE, oldestAtKill);
    const learned = expectFlowsDays(await kept(bench), await flowsOfJobs());
    expect((await kept(bench)).every((day) => day.day < resumedIn)).toBe(true);
    expect(learned[0]).toBe('2024-01-15');
    const last = learned.at(-1) ?? '';
    expect([shiftDate(resumedIn, -1), shiftDate(resumedIn, -2)]).toContain(last);
    expect(learned).toHaveLength(daysInRange('2024-01-15', last));
  }, 120_000);

  it('keep, from a job that failed after some pages, the days it had kept as it went, every one exact', async () => {
    const bench = await env.freshConnection('bench');
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 150 });
    const job = await env.start(bench, `from=2024-01-15&${COLUMNS}`);
    await jobWhen(env.db, job.id, (j) => j.providerPages >= 5);
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'status', status: 503 });
    expect(await env.settled(job.id)).toBe('failed');
    env.sandbox.faults.clear();
    const failed = await getExportJobById(env.db, job.id);
    const days = await kept(bench);
    const learned = expectFlowsDays(days, await flowsOfJobs());
    // Kept every 3 pages from the newest day on; nothing of the days the failed walk had not closed.
    expect(learned.at(-1)).toBe(NEWEST);
    expect(learned.length).toBeGreaterThan(10);
    const oldestWritten = failed?.oldestRowAt;
    if (!oldestWritten) throw new Error('no row stored');
    expect(days.every((day) => day.day > dateIn(ORGANIZATION_ZONE, oldestWritten))).toBe(true);
  }, 120_000);
});
