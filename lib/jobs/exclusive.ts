import type { SessionLocks } from '@/lib/db/types';
import type { JobHandler } from './types';

/**
 * Several instances without Redis share one database, each with its own in-process runner: a job runs under
 * its lock only, so no two instances run it at once. An instance that cannot take the lock leaves the job to
 * the one holding it; its takeover sweep asks again, and once the holder has died its lock has gone with it.
 */
/** The session lock a job runs under, whichever runner runs it. */
export const jobLockName = (jobId: string) => `fundsight.job:${jobId}`;

export function exclusiveHandler(handler: JobHandler, locks: SessionLocks): JobHandler {
  return async (jobId, ctx) => {
    const name = jobLockName(jobId);
    if (!(await locks.tryLock(name))) return 'done';
    try {
      return await handler(jobId, ctx);
    } finally {
      await locks.unlock(name).catch(() => undefined);
    }
  };
}
