import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { getExportJobById } from '@/lib/db/export-jobs';
import { exportJobHandler, HEARTBEAT_MS, LOCKED_SILENT_MS, STALE_AFTER_MS } from '@/lib/exports/job-run';
import { startExportJobSystem, type ExportJobSystem } from '@/lib/exports/job-system';
import { startExportJob } from '@/lib/exports/jobs';
import { bullmqRunner } from '@/lib/jobs/bullmq';
import type { JobRunner } from '@/lib/jobs/types';
import { createRedis } from '@/lib/redis/client';
import { exportEnvPerSuite, jobWhen, killGroup, expectResumedExact, spawnReady, testJobDeps } from './support';

const REDIS_URL = process.env.FUNDSIGHT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `fundsight-test:${randomBytes(6).toString('hex')}`;
const env = exportEnvPerSuite({ driver: 'postgres' });
const redis = createRedis(REDIS_URL);
const runners: JobRunner[] = [];
const systems: ExportJobSystem[] = [];
let child: ChildProcess | null = null;
// The queue as BullMQ holds it, to see which entries of a job are still there.
const queue = new Queue('exports', { connection: redis.duplicate({ maxRetriesPerRequest: null }), prefix: PREFIX });

afterAll(async () => {
  await killGroup(child);
  await Promise.all(runners.map((runner) => runner.close()));
  await Promise.all(systems.map((system) => system.stop()));
  await queue.close();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
});

const SEARCH = 'from=2024-01-15&columns=id,transaction_time,amount,fee,net,currency';
// About 20 pages (the bench store has a row every 63 s).
const LONG_SEARCH = 'from=2023-11-01&columns=id,transaction_time,amount,fee,net,currency';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job queued here and run by an instance in a child process (BullMQ lock `lockMs`), once it has stored 3 pages. */
async function runningInChild(lockMs: number, search: string) {
  if (env.database.config.kind !== 'postgres') throw new Error('needs PostgreSQL, shared with the worker process');
  const bench = await env.connection('bench');
  env.sandbox.faults.clear();
  // Pages 150 ms apart at the provider: time enough to kill the worker halfway.
  env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 150 });
  // Queue-only here: the job must go to the worker in the child process.
  const queueOnly = bullmqRunner(exportJobHandler(testJobDeps(env.db)), { redis, prefix: PREFIX, work: false });
  runners.push(queueOnly);
  child = await spawnReady('tests/support/export-worker.ts', [env.database.config.url, REDIS_URL, PREFIX, String(lockMs)], process.env);
  const job = await startExportJob({ db: env.db, runner: queueOnly }, env.user, bench.id, new URLSearchParams(search));
  const before = await jobWhen(env.db, job.id, (j) => j.providerPages >= 3);
  expect(before).toMatchObject({ state: 'running', attempt: 1 });
  return { bench, jobId: job.id };
}

/** As runningInChild, the child then killed (SIGKILL). */
async function killedHalfway(lockMs: number, search: string) {
  const { bench, jobId } = await runningInChild(lockMs, search);
  await killGroup(child);
  const killedAt = Date.now();
  const atKill = await getExportJobById(env.db, jobId);
  expect(atKill?.state).toBe('running');
  expect(atKill?.cursor).not.toBeNull();
  return { bench, jobId, killedAt, pagesAtKill: atKill?.providerPages ?? 0 };
}

describe('export jobs on BullMQ with Redis', () => {
  it("takes over a killed worker's job as soon as its session lock is free, though its heartbeat would be stale only after a minute and its BullMQ lock hold as long; no row missing or repeated", async () => {
    const { bench, jobId, killedAt, pagesAtKill } = await killedHalfway(60_000, SEARCH);
    // Another instance, as the server starts it: the job's heartbeat is a second old, and its lock went with the
    // killed process's database session, so it queues the job again at once.
    const staleAfterMs = 60_000;
    const other = await startExportJobSystem(env.db, { maxRunning: 3, redis: { connection: redis, prefix: PREFIX }, staleAfterMs });
    const taken = await jobWhen(env.db, jobId, (j) => j.attempt > 1, 800);
    const waitedMs = Date.now() - killedAt;
    // LOCKED_SILENT_MS after the last beat (at most HEARTBEAT_MS before the kill), then the claim: about 2 s on a quiet
    // machine, 5 s and more on a loaded one (the instance starting, polls 800 ms apart). By the heartbeat: a minute.
    expect(waitedMs).toBeLessThan(staleAfterMs / 3);
    expect(taken.attempt).toBe(2);
    expect(await env.settled(jobId, 60_000)).toBe('ready');
    const resumed = await getExportJobById(env.db, jobId);
    expect(resumed?.attempt).toBe(2);
    expect(resumed?.providerPages).toBeGreaterThan(pagesAtKill);
    await other.stop();
    env.sandbox.faults.clear();
    await expectResumedExact(env, jobId, bench, SEARCH);
  }, 120_000);

  it("gives the dead worker's own entry out again once its lock lapses, and that entry leaves the job to the worker that took it over", async () => {
    // The dead worker's lock lapses after 1 s; this instance's stalled checks come 9 s apart, after the takeover.
    const { bench, jobId } = await killedHalfway(1_000, LONG_SEARCH);
    systems.push(await startExportJobSystem(env.db, { maxRunning: 3, redis: { connection: redis, prefix: PREFIX, stalledIntervalMs: 9_000 } }));
    // Pages 2 s each from here: the job is still running when its first entry comes back, beating all along.
    env.sandbox.faults.clear();
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 2_000 });
    await jobWhen(env.db, jobId, (j) => j.attempt > 1, 800);
    // An entry of the job given out while its worker lives ends at once and leaves it be.
    await queue.add('export', { jobId }, { jobId: `${jobId}-replayed`, removeOnComplete: true, removeOnFail: true });
    const gone = async (entry: string) => {
      for (let i = 0; i < 300 && (await queue.getJob(entry)) !== undefined; i += 1) await sleep(100);
      expect(await queue.getJob(entry)).toBeUndefined();
      expect(await getExportJobById(env.db, jobId)).toMatchObject({ state: 'running', attempt: 2 });
    };
    await gone(`${jobId}-replayed`);
    // So does the first entry once BullMQ finds it stalled and runs it again.
    await gone(jobId);
    env.sandbox.faults.clear();
    expect(await env.settled(jobId, 60_000)).toBe('ready');
    expect((await getExportJobById(env.db, jobId))?.attempt).toBe(2);
    await expectResumedExact(env, jobId, bench, LONG_SEARCH);
  }, 120_000);

  it('leaves a frozen worker its job while its session holds the lock, takes it once its heartbeat is stale, and the worker, thawed, is fenced; rows exact', async () => {
    // No worker in this process: the job must run in the child.
    await Promise.all(systems.splice(0).map((system) => system.stop()));
    const { bench, jobId } = await runningInChild(60_000, LONG_SEARCH);
    const frozen = child;
    if (frozen?.pid === undefined) throw new Error('no worker process');
    // Pages of 2 s from here: frozen just after a step, the worker holds no transaction (and no row lock) open.
    env.sandbox.faults.clear();
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 2_000 });
    const { providerPages } = await jobWhen(env.db, jobId, (j) => j.providerPages >= 5);
    await jobWhen(env.db, jobId, (j) => j.providerPages > providerPages, 800);
    await sleep(300);
    // Stopped, not killed: its database session (and the job's lock) stays, as for a host that stops answering.
    process.kill(-frozen.pid, 'SIGSTOP');
    const frozenAt = Date.now();
    try {
      systems.push(await startExportJobSystem(env.db, { maxRunning: 3, redis: { connection: redis, prefix: PREFIX } }));
      // Its heartbeat is silent long enough for the lock to be looked at, which is held: the job stays with it.
      await sleep(LOCKED_SILENT_MS + 1_000);
      expect(await getExportJobById(env.db, jobId)).toMatchObject({ state: 'running', attempt: 1 });
      await jobWhen(env.db, jobId, (j) => j.attempt > 1, 800);
      expect(Date.now() - frozenAt).toBeGreaterThanOrEqual(STALE_AFTER_MS - HEARTBEAT_MS);
    } finally {
      process.kill(-frozen.pid, 'SIGCONT');
    }
    env.sandbox.faults.clear();
    // Thawed, the first worker finds its beats and steps refused and stops; the job ends with the second.
    expect(await env.settled(jobId, 60_000)).toBe('ready');
    expect((await getExportJobById(env.db, jobId))?.attempt).toBe(2);
    await expectResumedExact(env, jobId, bench, LONG_SEARCH);
    await killGroup(frozen);
  }, 120_000);
});
