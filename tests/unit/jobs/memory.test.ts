import { describe, expect, it } from 'vitest';
import { memoryRunner } from '@/lib/jobs/memory';
import type { JobOutcome } from '@/lib/jobs/types';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('memoryRunner', () => {
  it('runs at most `concurrency` handlers at once, in the order queued, and ignores a job queued twice', async () => {
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const runner = memoryRunner(
      (id) =>
        new Promise<JobOutcome>((resolve) => {
          started.push(id);
          release.set(id, () => resolve('done'));
        }),
      { concurrency: 2 },
    );
    for (const id of ['a', 'b', 'c', 'a']) await runner.enqueue(id);
    await tick();
    expect(started).toEqual(['a', 'b']);
    release.get('a')?.();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    await runner.close();
  });

  it('holds a job that may not start yet until another job ends, without polling', async () => {
    let quotaFull = true;
    const calls: string[] = [];
    let finishFirst: () => void = () => undefined;
    const runner = memoryRunner(async (id) => {
      calls.push(id);
      if (id === 'first') return new Promise<JobOutcome>((resolve) => (finishFirst = () => resolve('done')));
      return quotaFull ? 'later' : 'done';
    });
    await runner.enqueue('first');
    await runner.enqueue('second');
    await tick();
    await tick();
    expect(calls).toEqual(['first', 'second']);
    quotaFull = false;
    finishFirst();
    await tick();
    expect(calls).toEqual(['first', 'second', 'second']);
    await runner.close();
  });

  it('aborts a running handler on abort and on close', async () => {
    const reasons: unknown[] = [];
    const runner = memoryRunner(
      (_id, { signal }) => new Promise<JobOutcome>((resolve) => signal.addEventListener('abort', () => (reasons.push(signal.reason), resolve('done')))),
    );
    await runner.enqueue('x');
    await runner.enqueue('y');
    runner.abort('x');
    await runner.close();
    await tick();
    expect(reasons.map((r) => (r as Error).name)).toEqual(['Error', 'RunnerClosing']);
  });
});
