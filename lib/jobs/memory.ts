import { log } from '@/lib/log';
import { RunnerClosing, type JobHandler, type JobRunner } from './types';

/**
 * Jobs in this process: at most `concurrency` handlers at once, in the order queued. A job whose user's
 * quota is full waits until another job ends (`wake`), with no timer. Nothing survives the process: the
 * caller queues again the jobs the database still holds as unfinished when it starts.
 */
export function memoryRunner(handler: JobHandler, options: { readonly concurrency?: number } = {}): JobRunner {
  const concurrency = options.concurrency ?? 4;
  const queued: string[] = [];
  const waiting: string[] = [];
  const running = new Map<string, AbortController>();
  let closed = false;

  const pump = () => {
    while (!closed && running.size < concurrency && queued.length > 0) {
      const jobId = queued.shift();
      if (jobId === undefined) break;
      const controller = new AbortController();
      running.set(jobId, controller);
      void handler(jobId, { signal: controller.signal })
        .catch((error: unknown) => {
          log.error('jobs.handler_failed', { jobId, error: error instanceof Error ? error.name : 'unknown' });
          return 'done' as const;
        })
        .then((outcome) => {
          running.delete(jobId);
          if (outcome === 'later') {
            if (!closed) waiting.push(jobId);
            pump();
          } else {
            // A job that ended frees its user's quota; the waiting ones try again.
            wake();
          }
        });
    }
  };
  const wake = () => {
    queued.push(...waiting.splice(0).filter((id) => !queued.includes(id) && !running.has(id)));
    pump();
  };

  const enqueue = async (jobId: string) => {
    if (closed || running.has(jobId) || queued.includes(jobId) || waiting.includes(jobId)) return;
    queued.push(jobId);
    pump();
  };

  return {
    kind: 'memory',
    enqueue,
    // One process runs a job once at a time anyway: queued again, unless it is queued or running here.
    takeOver: enqueue,
    abort(jobId) {
      running.get(jobId)?.abort(new Error('cancelled'));
      const index = waiting.indexOf(jobId);
      if (index !== -1) waiting.splice(index, 1);
    },
    wake,
    async close() {
      closed = true;
      queued.length = 0;
      waiting.length = 0;
      for (const controller of running.values()) controller.abort(new RunnerClosing());
    },
  };
}
