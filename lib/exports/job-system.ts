import 'server-only';
import type { Redis } from 'ioredis';
import { serverEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { listStaleExportJobs, listUnfinishedExportJobs, purgeExpiredExportJobs } from '@/lib/db/export-jobs';
import type { Db } from '@/lib/db/types';
import { bullmqRunner, type BullmqRunnerOptions } from '@/lib/jobs/bullmq';
import { exclusiveHandler, jobLockName } from '@/lib/jobs/exclusive';
import { memoryRunner } from '@/lib/jobs/memory';
import { startSweeper } from '@/lib/jobs/sweeper';
import type { JobRunner } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { sharedRedis } from '@/lib/redis/client';
import { exportJobHandler, LOCKED_SILENT_MS, STALE_AFTER_MS } from './job-run';
import type { JobsContext } from './jobs';

/** Jobs and their files are kept this long, then deleted with the file. */
export const RETENTION_SWEEP_MS = 60 * 60_000;
/** Without Redis: how often an instance looks for unfinished jobs no live instance holds (one whose instance died). */
export const TAKEOVER_SWEEP_MS = 5_000;
/** With Redis: how often an instance looks for running jobs whose worker stopped beating or whose lock is free (see STALE_AFTER_MS, LOCKED_SILENT_MS). */
export const STALE_SWEEP_MS = 500;
const REDIS_PREFIX = 'fundsight:jobs';

export interface ExportJobSystem extends JobsContext {
  stop(): Promise<void>;
}

/**
 * The export jobs of one process. With Redis, BullMQ: every instance runs a worker, and takes over the
 * running jobs whose worker died (its heartbeat stale, or sooner its session lock free): at start (a restarted
 * instance finds its previous incarnation's job at once), and every `takeoverEveryMs`. Without
 * it, an in-process runner that runs a job only under its database lock, and takes up the unfinished jobs
 * no live instance holds: at start, and every `takeoverEveryMs` (an instance sharing the database died).
 */
export async function startExportJobSystem(
  db: Db,
  options: {
    readonly maxRunning: number;
    readonly sweepEveryMs?: number;
    readonly takeoverEveryMs?: number;
    /** BullMQ on this connection (key prefix, lock, stalled checks); the process's REDIS_URL (or none) unless given. */
    readonly redis?: Partial<Pick<BullmqRunnerOptions, 'prefix' | 'lockDurationMs' | 'stalledIntervalMs'>> & { readonly connection: Redis | null };
    readonly staleAfterMs?: number;
    readonly lockedSilentMs?: number;
    readonly heartbeatMs?: number;
  },
): Promise<ExportJobSystem> {
  let runner: JobRunner | null = null;
  const redis = options.redis ? options.redis.connection : sharedRedis();
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const lockedSilentMs = options.lockedSilentMs ?? LOCKED_SILENT_MS;
  const handler = exportJobHandler({
    db,
    maxRunning: options.maxRunning,
    onEnded: () => runner?.wake(),
    // Under its database lock a job's previous worker is gone for sure; on BullMQ only its heartbeat says so.
    staleAfterMs: redis ? staleAfterMs : undefined,
    heartbeatMs: options.heartbeatMs,
    // On BullMQ the lock is the worker's own (see LOCKED_SILENT_MS); in-process, exclusiveHandler holds it.
    locks: redis ? db.locks : undefined,
  });
  runner = redis
    ? bullmqRunner(handler, {
        redis,
        prefix: options.redis?.prefix ?? REDIS_PREFIX,
        lockDurationMs: options.redis?.lockDurationMs,
        stalledIntervalMs: options.redis?.stalledIntervalMs,
      })
    : memoryRunner(exclusiveHandler(handler, db.locks));
  const running = runner;
  const takeUp = async () => {
    for (const job of await listUnfinishedExportJobs(db)) await running.enqueue(job.id);
  };
  // A job is queued again once its heartbeat is stale, or sooner when its worker held the job's lock and that
  // lock is free: its worker's session has ended (it is tried and let go here; a worker of this process holds it).
  // A lock that cannot be asked for says nothing: that job waits for its heartbeat, the others are still looked at.
  const lockFree = async (jobId: string) => {
    const name = jobLockName(jobId);
    if (!(await db.locks.tryLock(name).catch(() => false))) return false;
    await db.locks.unlock(name).catch(() => undefined);
    return true;
  };
  const takeOver = async () => {
    for (const job of await listStaleExportJobs(db, staleAfterMs, Math.min(staleAfterMs, lockedSilentMs))) {
      if (job.stale || (await lockFree(job.id))) await running.takeOver(job.id, job.attempt);
    }
  };
  await (redis ? takeOver() : takeUp());
  const sweepers = [
    startSweeper('export-retention', options.sweepEveryMs ?? RETENTION_SWEEP_MS, async () => {
      const deleted = await purgeExpiredExportJobs(db, new Date());
      if (deleted > 0) log.info('export.retention', { deleted });
    }),
    redis
      ? startSweeper('export-takeover', options.takeoverEveryMs ?? STALE_SWEEP_MS, takeOver)
      : startSweeper('export-takeover', options.takeoverEveryMs ?? TAKEOVER_SWEEP_MS, takeUp),
  ];
  return {
    db,
    runner: running,
    async stop() {
      for (const sweeper of sweepers) sweeper.stop();
      await running.close();
    },
  };
}

// On globalThis because Next.js may evaluate this module more than once in one process.
const KEY = Symbol.for('fundsight.exportJobs');
type Holder = { [KEY]?: Promise<ExportJobSystem> };

/** The process's export job system, started on first use (and at server start). */
export function exportJobSystem(): Promise<ExportJobSystem> {
  const holder = globalThis as typeof globalThis & Holder;
  holder[KEY] ??= getDb().then((db) => startExportJobSystem(db, { maxRunning: serverEnv().exportJobsPerUser }));
  holder[KEY].catch(() => delete holder[KEY]);
  return holder[KEY];
}
