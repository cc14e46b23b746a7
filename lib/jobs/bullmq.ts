import { DelayedError, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { log } from '@/lib/log';
import { RunnerClosing, type JobHandler, type JobRunner } from './types';

export interface BullmqRunnerOptions {
  /** The process's Redis connection (sharedRedis); the queue and worker use copies fit for blocking commands. */
  readonly redis: Redis;
  /** Key prefix: one per deployment, or per test. */
  readonly prefix: string;
  readonly queueName?: string;
  /** Handlers this process runs at once. */
  readonly concurrency?: number;
  /** A worker that has not renewed its lock for this long is taken as dead: its job goes back to the queue. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** How long a job waiting for its user's quota waits before it asks again. */
  readonly laterMs?: number;
  /** false: only queue jobs, never run them here (a web-only instance). */
  readonly work?: boolean;
}

interface JobData {
  readonly jobId: string;
}

/**
 * Jobs on BullMQ: any instance's worker takes the next one. A worker that dies is found by the database (its
 * session lock freed, or its heartbeat stale), within seconds, and its job queued again under an id of its own (`takeOver`); BullMQ's stalled
 * check, once the dead worker's lock lapses, gives out the first entry again too, and whichever handler comes
 * second finds the job alive (or ended) and leaves it. BullMQ's own retries are off: the handler retries
 * provider failures itself and records how a job ended.
 */
export function bullmqRunner(handler: JobHandler, options: BullmqRunnerOptions): JobRunner {
  const name = options.queueName ?? 'exports';
  // Blocking commands must not time out or give up: BullMQ asks for this of its connections.
  const connection = () => options.redis.duplicate({ maxRetriesPerRequest: null, commandTimeout: undefined, enableOfflineQueue: true });
  const queue = new Queue<JobData>(name, { connection: connection(), prefix: options.prefix });
  queue.on('error', (error) => log.warn('jobs.queue_error', { error: error.name }));
  // By queue entry: a job taken over can have two entries in this process, the stale one ending at once.
  const running = new Map<string, { readonly jobId: string; readonly controller: AbortController }>();
  const laterMs = options.laterMs ?? 1_000;

  const worker =
    options.work === false
      ? null
      : new Worker<JobData>(
          name,
          async (job, token) => {
            const { jobId } = job.data;
            const entry = job.id ?? jobId;
            const controller = new AbortController();
            running.set(entry, { jobId, controller });
            try {
              const outcome = await handler(jobId, { signal: controller.signal });
              if (outcome === 'later') {
                await job.moveToDelayed(Date.now() + laterMs, token);
                throw new DelayedError();
              }
            } finally {
              running.delete(entry);
            }
          },
          {
            connection: connection(),
            prefix: options.prefix,
            concurrency: options.concurrency ?? 4,
            // A dead worker's job is taken over by the heartbeat (see takeOver); the lock is only a backstop: it is
            // renewed every 5 s, and no step of a job keeps the event loop for more than about a second (one XLSX page).
            lockDuration: options.lockDurationMs ?? 10_000,
            stalledInterval: options.stalledIntervalMs ?? 5_000,
            // A job is taken over after every stall; its attempts are fenced in the database, not counted here.
            maxStalledCount: 1_000,
            removeOnComplete: { count: 0 },
            removeOnFail: { count: 0 },
          },
        );
  worker?.on('error', (error) => log.warn('jobs.worker_error', { error: error.name }));

  return {
    kind: 'bullmq',
    async enqueue(jobId) {
      await queue.add('export', { jobId }, { jobId, attempts: 1, removeOnComplete: true, removeOnFail: true });
    },
    async takeOver(jobId, attempt) {
      // One entry per lost attempt: instances that find the same dead worker at once add it once.
      await queue.add('export', { jobId }, { jobId: `${jobId}-takeover-${attempt}`, attempts: 1, removeOnComplete: true, removeOnFail: true });
    },
    abort(jobId) {
      for (const run of running.values()) if (run.jobId === jobId) run.controller.abort(new Error('cancelled'));
    },
    wake() {
      // Waiting jobs ask again on their own after `laterMs`.
    },
    async close() {
      for (const run of running.values()) run.controller.abort(new RunnerClosing());
      await worker?.close();
      await queue.close();
      await Promise.all([queue.disconnect().catch(() => undefined), worker?.disconnect().catch(() => undefined)]);
    },
  };
}
