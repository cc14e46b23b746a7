import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { describe, expect, it, vi } from 'vitest';
import { BudgetGate, backgroundReserve } from '@/lib/connections/budget/gate';
import { BudgetUnavailableError, ProviderBusyError } from '@/lib/providers/budget';
import type { CallPriority } from '@/lib/providers/types';

const memory = (points: number, duration: number) => new RateLimiterMemory({ points, duration });
const inSeconds = (s: number) => Date.now() + s * 1000;

function gate(steady: RateLimiterAbstract, burst: RateLimiterAbstract | null = null) {
  return new BudgetGate('shopline', `test-${Math.random()}`, { steady, burst });
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'taken',
    (error: unknown) => error,
  );
}

/**
 * Runs `test` on a fake clock (the limiter's and the gate's timers and Date.now alike), so a figure in ms is exact
 * whatever the machine's load: on a real clock, "at once" had to mean "within 200 ms", which a busy CI machine misses.
 */
async function onFakeClock(test: () => Promise<void>): Promise<void> {
  vi.useFakeTimers();
  try {
    await test();
  } finally {
    vi.useRealTimers();
  }
}

/** When `promise` settles, on the fake clock: the clock is moved `withinMs`, then undefined if it has not. */
async function settledAt(promise: Promise<unknown>, withinMs: number): Promise<number | undefined> {
  let at: number | undefined;
  void promise.then(
    () => (at = Date.now()),
    () => (at = Date.now()),
  );
  for (let ms = 0; ms <= withinMs && at === undefined; ms += 1) await vi.advanceTimersByTimeAsync(ms === 0 ? 0 : 1);
  return at;
}

describe('BudgetGate', () => {
  it('lets the window’s calls through at once and makes the next one wait for the next window', () =>
    onFakeClock(async () => {
      const g = gate(memory(2, 1));
      const started = Date.now();
      const both = Promise.all([g.take({ priority: 'interactive', deadline: inSeconds(5) }), g.take({ priority: 'interactive', deadline: inSeconds(5) })]);
      expect(await settledAt(both, 0)).toBe(started);
      const third = await settledAt(g.take({ priority: 'interactive', deadline: inSeconds(5) }), 2_000);
      // The window ends 1 s after its first call; the memory limiter counts its last millisecond in.
      expect((third ?? Infinity) - started).toBeGreaterThanOrEqual(1_000);
      expect((third ?? Infinity) - started).toBeLessThanOrEqual(1_002);
    }));

  it('starts the next window when the limiter says, though its answers reach the process late (a busy event loop)', async () => {
    // On a fake clock, so the figure is exact whatever the machine's load: the limiter decides at once and its
    // answer arrives 300 ms later, as Redis's did behind a provider page being parsed.
    vi.useFakeTimers();
    try {
      const limiter = memory(2, 1);
      const granted: number[] = [];
      const consume = limiter.consume.bind(limiter);
      limiter.consume = async (key, points) => {
        const decided = await consume(key, points).then(
          (res) => ({ ok: true as const, res }),
          (refusal: unknown) => ({ ok: false as const, refusal }),
        );
        if (decided.ok) granted.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (decided.ok) return decided.res;
        throw decided.refusal;
      };
      const g = gate(limiter);
      const takes = (async () => {
        for (let i = 0; i < 3; i += 1) await g.take({ priority: 'background', deadline: inSeconds(5) });
      })();
      await vi.advanceTimersByTimeAsync(3_000);
      await takes;
      const [first, , third] = granted;
      // The window ends 1 s after its first call: the third call is granted then, not 1 s after the late refusal
      // arrived (1.3 s), nor 1 s after that plus another late answer.
      expect((third ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(1_000);
      expect((third ?? 0) - (first ?? 0)).toBeLessThan(1_150);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails at once, naming the provider and when to retry, when the budget stays spent past the deadline', () =>
    onFakeClock(async () => {
      const g = gate(memory(1, 10));
      await g.take({ priority: 'interactive', deadline: inSeconds(1) });
      const started = Date.now();
      const refused = outcome(g.take({ priority: 'interactive', deadline: inSeconds(2) }));
      expect(await settledAt(refused, 0)).toBe(started);
      const error = await refused;
      expect(error).toBeInstanceOf(ProviderBusyError);
      expect(error).toMatchObject({ provider: 'shopline', retryAfterSeconds: 10 });
      expect((error as Error).message).toMatch(/SHOPLINE Payments is busy.*Retry after 10 s/);
    }));

  it('serves interactive callers before background ones waiting on the same account', async () => {
    const g = gate(memory(1, 1));
    await g.take({ priority: 'interactive', deadline: inSeconds(5) });
    const order: CallPriority[] = [];
    const waitFor = (priority: CallPriority) => g.take({ priority, deadline: inSeconds(8) }).then(() => order.push(priority));
    const background = [waitFor('background'), waitFor('background')];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const interactive = waitFor('interactive');
    expect(g.waiting).toEqual({ interactive: 1, background: 2 });
    await Promise.all([...background, interactive]);
    expect(order).toEqual(['interactive', 'background', 'background']);
  });

  it('lets background work spend the burst down to a reserve that interactive callers then find at once', () =>
    onFakeClock(async () => {
      const g = gate(memory(1, 60), memory(8, 60));
      expect(backgroundReserve(8)).toBe(2);
      const started = Date.now();
      // The steady call, then the burst but its reserve of 2: all at once.
      for (let i = 0; i < 1 + 6; i += 1) expect(await settledAt(g.take({ priority: 'background', deadline: inSeconds(1) }), 0)).toBe(started);
      const blocked = await outcome(g.take({ priority: 'background', deadline: inSeconds(1) }));
      expect(blocked).toBeInstanceOf(ProviderBusyError);
      for (let i = 0; i < 2; i += 1) expect(await settledAt(g.take({ priority: 'interactive', deadline: inSeconds(1) }), 0)).toBe(started);
      expect(await outcome(g.take({ priority: 'interactive', deadline: inSeconds(1) }))).toBeInstanceOf(ProviderBusyError);
    }));

  it('gives up a waiting caller whose request is aborted, and the queue moves on', async () => {
    const g = gate(memory(1, 1));
    await g.take({ priority: 'interactive', deadline: inSeconds(5) });
    const controller = new AbortController();
    const aborted = outcome(g.take({ priority: 'interactive', signal: controller.signal, deadline: inSeconds(5) }));
    const next = g.take({ priority: 'interactive', deadline: inSeconds(5) });
    controller.abort(new Error('gone'));
    expect(await aborted).toMatchObject({ message: 'gone' });
    await expect(next).resolves.toBeUndefined();
  });

  it('refuses every waiting caller clearly when the limiter cannot be asked (never unlimited)', async () => {
    const broken = memory(1, 1);
    broken.consume = () => Promise.reject(new Error('Redis connection is not ready'));
    const g = gate(broken);
    const results = await Promise.all([1, 2, 3].map(() => outcome(g.take({ priority: 'interactive', deadline: inSeconds(5) }))));
    for (const result of results) expect(result).toBeInstanceOf(BudgetUnavailableError);
    expect((results[0] as Error).message).toMatch(/SHOPLINE Payments was not called/);
  });

  it('pause() holds everyone sharing the budget back for the given time', () =>
    onFakeClock(async () => {
      const g = gate(memory(10, 1));
      await g.pause(1_000);
      const started = Date.now();
      const taken = await settledAt(g.take({ priority: 'interactive', deadline: inSeconds(5) }), 2_000);
      expect((taken ?? Infinity) - started).toBeGreaterThanOrEqual(1_000);
      expect((taken ?? Infinity) - started).toBeLessThanOrEqual(1_002);
    }));
});
