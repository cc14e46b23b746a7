import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { getExportJobById } from '@/lib/db/export-jobs';
import { exportJobHandler } from '@/lib/exports/job-run';
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
let child: ChildProcess | null = null;

afterAll(async () => {
  await killGroup(child);
  await Promise.all(runners.map((runner) => runner.close()));
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
});

const SEARCH = 'from=2024-01-15&columns=id,transaction_time,amount,fee,net,currency';

describe('export jobs on BullMQ with Redis', () => {
  it('resumes a job whose worker process was killed from its last stored step, with no row missing or repeated', async () => {
    if (env.database.config.kind !== 'postgres') throw new Error('needs PostgreSQL, shared with the worker process');
    const bench = await env.connection('bench');
    // Pages 150 ms apart at the provider: time enough to kill the worker halfway.
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'delay', delayMs: 150 });
    // Queue-only here at first: the job must go to the worker in the child process.
    const queue = bullmqRunner(exportJobHandler(testJobDeps(env.db)), { redis, prefix: PREFIX, work: false });
    runners.push(queue);
    child = await spawnReady('tests/support/export-worker.ts', [env.database.config.url, REDIS_URL, PREFIX], process.env);
    const job = await startExportJob({ db: env.db, runner: queue }, env.user, bench.id, new URLSearchParams(SEARCH));

    const before = await jobWhen(env.db, job.id, (j) => j.providerPages >= 3);
    expect(before).toMatchObject({ state: 'running', attempt: 1 });
    await killGroup(child);
    const atKill = await getExportJobById(env.db, job.id);
    expect(atKill?.state).toBe('running');
    expect(atKill?.cursor).not.toBeNull();

    // Another instance's worker: BullMQ finds the job stalled once the dead worker's lock lapses.
    runners.push(bullmqRunner(exportJobHandler(testJobDeps(env.db)), { redis, prefix: PREFIX, lockDurationMs: 2_000, stalledIntervalMs: 500 }));
    expect(await env.settled(job.id, 60_000)).toBe('ready');
    const resumed = await getExportJobById(env.db, job.id);
    expect(resumed?.attempt).toBeGreaterThanOrEqual(2);
    expect(resumed?.providerPages).toBeGreaterThan(atKill?.providerPages ?? 0);

    await expectResumedExact(env, job.id, bench, SEARCH);
  }, 120_000);
});
