import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { listUnfinishedExportJobs, purgeExpiredExportJobs } from '@/lib/db/export-jobs';
import type { Db } from '@/lib/db/types';
import { bullmqRunner } from '@/lib/jobs/bullmq';
import { memoryRunner } from '@/lib/jobs/memory';
import { startSweeper } from '@/lib/jobs/sweeper';
import type { JobRunner } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { sharedRedis } from '@/lib/redis/client';
import { exportJobHandler } from './job-run';
import type { JobsContext } from './jobs';

/** Jobs and their files are kept this long, then deleted with the file. */
export const RETENTION_SWEEP_MS = 60 * 60_000;
const REDIS_PREFIX = 'fundsight:jobs';

export interface ExportJobSystem extends JobsContext {
  stop(): Promise<void>;
}

/**
 * The export jobs of one process. With Redis, BullMQ: every instance runs a worker; without it, an
 * in-process runner that takes up again the jobs the database still holds as unfinished.
 */
export async function startExportJobSystem(db: Db, options: { readonly maxRunning: number; readonly sweepEveryMs?: number }): Promise<ExportJobSystem> {
  let runner: JobRunner | null = null;
  const handler = exportJobHandler({ db, maxRunning: options.maxRunning, onEnded: () => runner?.wake() });
  const redis = sharedRedis();
  runner = redis ? bullmqRunner(handler, { redis, prefix: REDIS_PREFIX }) : memoryRunner(handler);
  if (!redis) for (const job of await listUnfinishedExportJobs(db)) await runner.enqueue(job.id);
  const sweeper = startSweeper('export-retention', options.sweepEveryMs ?? RETENTION_SWEEP_MS, async () => {
    const deleted = await purgeExpiredExportJobs(db, new Date());
    if (deleted > 0) log.info('export.retention', { deleted });
  });
  const running = runner;
  return {
    db,
    runner: running,
    async stop() {
      sweeper.stop();
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
