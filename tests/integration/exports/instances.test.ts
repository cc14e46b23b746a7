import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/open';
import { getExportJobById } from '@/lib/db/export-jobs';
import { startExportJobSystem, type ExportJobSystem } from '@/lib/exports/job-system';
import { startExportJob } from '@/lib/exports/jobs';
import type { JobRunner } from '@/lib/jobs/types';
import { exportEnvPerSuite, jobWhen, killGroup, expectResumedExact, spawnReady } from './support';

// Instances without Redis sharing one PostgreSQL: each runs its jobs in process, under the job's database lock.
const env = exportEnvPerSuite({ driver: 'postgres' });
const withoutRedis = (): NodeJS.ProcessEnv => {
  const { REDIS_URL: _ignored, ...rest } = process.env;
  return rest;
};
/** Records the job and runs it nowhere: the instances find it in the database. */
const nowhere: JobRunner = { kind: 'memory', enqueue: async () => undefined, takeOver: async () => undefined, abort: () => undefined, wake: () => undefined, close: async () => undefined };
const systems: ExportJobSystem[] = [];
let child: ChildProcess | null = null;

afterAll(async () => {
  await killGroup(child);
  for (const system of systems) await system.stop();
});

const SEARCH = 'from=2024-01-15&columns=id,transaction_time,amount,fee,net,currency';

describe('export jobs of several instances without Redis', () => {
  it('holds a job lock in one process at a time; it goes with its holder', async () => {
    if (env.database.config.kind !== 'postgres') throw new Error('needs PostgreSQL');
    const other = await openDb(env.database.config);
    try {
      expect(await env.db.locks.tryLock('fundsight.job:lock-test')).toBe(true);
      expect(await env.db.locks.tryLock('fundsight.job:lock-test')).toBe(false);
      expect(await other.locks.tryLock('fundsight.job:lock-test')).toBe(false);
      await env.db.locks.unlock('fundsight.job:lock-test');
      expect(await other.locks.tryLock('fundsight.job:lock-test')).toBe(true);
    } finally {
      await other.close();
    }
    // Its holder closed: the lock goes with its connection (once the server has seen it end).
    let taken = false;
    for (let i = 0; i < 40 && !taken; i += 1) {
      taken = await env.db.locks.tryLock('fundsight.job:lock-test');
      if (!taken) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(taken).toBe(true);
    await env.db.locks.unlock('fundsight.job:lock-test');
  });

  it('runs a job in one instance only, and another instance takes it up from its last step when that one is killed', async () => {
    if (env.database.config.kind !== 'postgres') throw new Error('needs PostgreSQL, shared with the other instance');
    const bench = await env.connection('bench');
    // Pages 150 ms apart at the provider: time enough to watch both instances, then kill one halfway.
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 150 });
    child = await spawnReady('tests/support/export-instance.ts', [env.database.config.url], withoutRedis());
    const job = await startExportJob({ db: env.db, runner: nowhere }, env.user, bench.id, new URLSearchParams(SEARCH));
    await jobWhen(env.db, job.id, (j) => j.providerPages >= 2);

    // A second instance on the same database, looking for jobs to take up every 200 ms, while the first runs it.
    const second = await startExportJobSystem(env.db, { maxRunning: 3, takeoverEveryMs: 200 });
    systems.push(second);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const shared = await getExportJobById(env.db, job.id);
    expect(shared).toMatchObject({ state: 'running', attempt: 1 });

    await killGroup(child);
    const atKill = await getExportJobById(env.db, job.id);
    expect(atKill?.state).toBe('running');
    expect(atKill?.cursor).not.toBeNull();
    const taken = await jobWhen(env.db, job.id, (j) => j.attempt > 1, 200);
    expect(taken.attempt).toBe(2);
    expect(await env.settled(job.id, 60_000)).toBe('ready');
    const done = await getExportJobById(env.db, job.id);
    expect(done?.attempt).toBe(2);
    expect(done?.providerPages).toBeGreaterThan(atKill?.providerPages ?? 0);
    await second.stop();
    systems.length = 0;

    env.sandbox.faults.clear();
    await expectResumedExact(env, job.id, bench, SEARCH);
  }, 120_000);
});
