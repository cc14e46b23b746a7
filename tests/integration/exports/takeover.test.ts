import { describe, expect, it } from 'vitest';
import { beatExportJob, claimExportJob, getExportJobById, listStaleExportJobs } from '@/lib/db/export-jobs';
import type { Db, SqlParam } from '@/lib/db/types';
import { exportJobHandler } from '@/lib/exports/job-run';
import { cancelJob, startExportJob } from '@/lib/exports/jobs';
import { RunnerClosing, type JobContext, type JobRunner } from '@/lib/jobs/types';
import { exportEnvPerSuite, expectResumedExact, jobWhen, testJobDeps } from './support';

// Takeover by heartbeat, as BullMQ instances do it: a running job is taken over only once its worker stopped beating.
const env = exportEnvPerSuite({ driver: 'postgres' });
/** Records the job and runs it nowhere: each test runs its workers' handlers itself. */
const nowhere: JobRunner = {
  kind: 'memory',
  enqueue: async () => undefined,
  takeOver: async () => undefined,
  abort: () => undefined,
  wake: () => undefined,
  close: async () => undefined,
};
const ctx = (): JobContext => ({ signal: new AbortController().signal });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SEARCH = 'from=2024-01-15&columns=id,transaction_time,amount,fee,net,currency';
const SMALL = 'columns=id,transaction_time,amount,fee,net,currency';
const BEAT_SQL = 'update export_jobs set alive_at = now() where id = $1 and attempt = $2';

/** The database, counting the heartbeats sent through it. */
function countingBeats(db: Db): { db: Db; beats: () => number } {
  let beats = 0;
  return {
    beats: () => beats,
    db: {
      kind: db.kind,
      locks: db.locks,
      transaction: (fn) => db.transaction(fn),
      close: () => db.close(),
      query<T>(sql: string, params?: readonly SqlParam[]) {
        if (sql.startsWith(BEAT_SQL)) beats += 1;
        return db.query<T>(sql, params);
      },
    },
  };
}

describe('export jobs taken over by heartbeat', () => {
  it('leaves a job whose worker beats while one page takes 3 s at the provider', async () => {
    const acme = await env.connection('acme-shopline');
    env.sandbox.faults.clear();
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'delay', delayMs: 3_000, times: 1 });
    const job = await startExportJob({ db: env.db, runner: nowhere }, env.user, acme.id, new URLSearchParams(SMALL));
    const working = exportJobHandler(testJobDeps(env.db, { heartbeatMs: 100 }))(job.id, ctx());
    await jobWhen(env.db, job.id, (j) => j.state === 'running');
    // Well past the stale age with no step recorded: only the heartbeat says the worker lives.
    await sleep(1_500);
    expect((await listStaleExportJobs(env.db, 600)).map((j) => j.id)).not.toContain(job.id);
    const other = exportJobHandler(testJobDeps(env.db, { staleAfterMs: 600 }));
    expect(await other(job.id, ctx())).toBe('done');
    expect(await getExportJobById(env.db, job.id)).toMatchObject({ state: 'running', attempt: 1, providerPages: 0 });

    expect(await working).toBe('done');
    expect(await getExportJobById(env.db, job.id)).toMatchObject({ state: 'completed', attempt: 1, rowCount: 2137 });
  }, 60_000);

  it('takes over a job whose worker stopped beating; the old worker is fenced and stops, no row missing or repeated', async () => {
    const bench = await env.connection('bench');
    env.sandbox.faults.clear();
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 150 });
    const job = await startExportJob({ db: env.db, runner: nowhere }, env.user, bench.id, new URLSearchParams(SEARCH));
    // A worker whose heartbeat never comes (a stuck timer): only its steps say it lives.
    const stuck = exportJobHandler(testJobDeps(env.db, { heartbeatMs: 600_000 }))(job.id, ctx());
    await jobWhen(env.db, job.id, (j) => j.providerPages >= 2);
    // Pages of 1.5 s: between two steps, its heartbeat goes stale.
    env.sandbox.faults.clear();
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 1_500 });
    const other = exportJobHandler(testJobDeps(env.db, { staleAfterMs: 400, heartbeatMs: 100 }));
    const taking = (async () => {
      // Each try ends at once while the job is alive; the one that claims it runs it to its end.
      for (let i = 0; i < 400 && (await getExportJobById(env.db, job.id))?.attempt === 1; i += 1) {
        await other(job.id, ctx());
        await sleep(50);
      }
    })();
    const taken = await jobWhen(env.db, job.id, (j) => j.attempt > 1, 800);
    expect(taken.attempt).toBe(2);
    // The old worker's beats and steps are refused from now on.
    expect(await beatExportJob(env.db, { id: job.id, attempt: 1 })).toBe(false);
    env.sandbox.faults.clear();
    expect(await stuck).toBe('done');
    await taking;
    const done = await getExportJobById(env.db, job.id);
    expect(done).toMatchObject({ state: 'completed', attempt: 2, errorMessage: null });
    await expectResumedExact(env, job.id, bench, SEARCH);
  }, 120_000);

  it('stops the heartbeat when the job ends, and a refused beat stops the worker before its page comes', async () => {
    const acme = await env.connection('acme-shopline');
    const counted = countingBeats(env.db);
    env.sandbox.faults.clear();
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'delay', delayMs: 500, times: 1 });
    const completed = await startExportJob({ db: env.db, runner: nowhere }, env.user, acme.id, new URLSearchParams(SMALL));
    expect(await exportJobHandler(testJobDeps(counted.db, { heartbeatMs: 50 }))(completed.id, ctx())).toBe('done');
    expect((await getExportJobById(env.db, completed.id))?.state).toBe('completed');
    expect(counted.beats()).toBeGreaterThan(3);
    // A beat already sent may still be answered; none after it.
    await sleep(200);
    const afterEnd = counted.beats();
    await sleep(600);
    expect(counted.beats()).toBe(afterEnd);

    // Cancelled by another instance: this worker's page would take 6 s, its next beat is refused within 50 ms.
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'delay', delayMs: 6_000, times: 1 });
    const cancelled = await startExportJob({ db: env.db, runner: nowhere }, env.user, acme.id, new URLSearchParams(SMALL));
    const working = exportJobHandler(testJobDeps(counted.db, { heartbeatMs: 50 }))(cancelled.id, ctx());
    await jobWhen(env.db, cancelled.id, (j) => j.state === 'running');
    await sleep(200);
    const cancelledAt = Date.now();
    await cancelJob({ db: env.db, runner: nowhere }, env.user, cancelled.id);
    expect(await working).toBe('done');
    // Not the page's 6 s (it started before the cancel): the refused beat aborts it. About 100 ms on a quiet machine.
    expect(Date.now() - cancelledAt).toBeLessThan(4_000);
    await sleep(200);
    const afterCancel = counted.beats();
    await sleep(600);
    expect(counted.beats()).toBe(afterCancel);
    env.sandbox.faults.clear();
  }, 60_000);

  it('lets a job go when its runner closes: the next worker takes it over at once, not once its heartbeat is stale', async () => {
    const bench = await env.connection('bench');
    env.sandbox.faults.clear();
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 150 });
    const job = await startExportJob({ db: env.db, runner: nowhere }, env.user, bench.id, new URLSearchParams(SEARCH));
    const closing = new AbortController();
    const first = exportJobHandler(testJobDeps(env.db, { heartbeatMs: 100 }))(job.id, { signal: closing.signal });
    await jobWhen(env.db, job.id, (j) => j.providerPages >= 2);
    closing.abort(new RunnerClosing());
    expect(await first).toBe('later');
    expect((await getExportJobById(env.db, job.id))?.state).toBe('running');
    env.sandbox.faults.clear();
    // A stale age of a minute: only the release lets this worker in now.
    const next = exportJobHandler(testJobDeps(env.db, { staleAfterMs: 60_000, heartbeatMs: 100 }));
    expect(await next(job.id, ctx())).toBe('done');
    expect(await getExportJobById(env.db, job.id)).toMatchObject({ state: 'completed', attempt: 2 });
    await expectResumedExact(env, job.id, bench, SEARCH);
  }, 120_000);

  it('takes a job at once from a worker that ran it under the session lock the claimer now holds, not from one that took it by its heartbeat', async () => {
    const acme = await env.connection('acme-shopline');
    const job = await startExportJob({ db: env.db, runner: nowhere }, env.user, acme.id, new URLSearchParams(SMALL));
    const byHeartbeat = { staleAfterMs: 60_000 };
    const underLock = { staleAfterMs: 60_000, underLock: true };
    expect(await claimExportJob(env.db, job.id, 3, underLock)).toMatchObject({ kind: 'claimed', job: { attempt: 1 } });
    // Beating, by the heartbeat alone: alive.
    expect(await claimExportJob(env.db, job.id, 3, byHeartbeat)).toEqual({ kind: 'alive' });
    // Its worker held the lock this claimer holds now: that worker's session ended, so it is taken at once.
    expect(await claimExportJob(env.db, job.id, 3, underLock)).toMatchObject({ kind: 'claimed', job: { attempt: 2 } });
    // Taken by its heartbeat (a stuck worker may still hold the lock): its worker runs without the lock ...
    expect(await claimExportJob(env.db, job.id, 3, { staleAfterMs: 0 })).toMatchObject({ kind: 'claimed', job: { attempt: 3 } });
    // ... so holding the lock says nothing about it: only its heartbeat does.
    expect(await claimExportJob(env.db, job.id, 3, underLock)).toEqual({ kind: 'alive' });
    expect(await getExportJobById(env.db, job.id)).toMatchObject({ state: 'running', attempt: 3 });
    await cancelJob({ db: env.db, runner: nowhere }, env.user, job.id);
  });
});
