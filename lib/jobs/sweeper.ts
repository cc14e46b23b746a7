import { log } from '@/lib/log';

/** Runs `sweep` every `everyMs` (never two at once) until stopped; the timer does not keep the process alive. */
export function startSweeper(name: string, everyMs: number, sweep: () => Promise<unknown>): { stop(): void } {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    sweep()
      .catch((error: unknown) => log.error('jobs.sweep_failed', { name, error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
