import { BurstyRateLimiter, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { BudgetUnavailableError, ProviderBusyError, type BudgetRequest, type ProviderBudget } from '@/lib/providers/budget';
import type { CallPriority, ProviderId } from '@/lib/providers/types';

interface Waiter {
  readonly priority: CallPriority;
  readonly deadline: number;
  settle(error?: unknown): void;
}

export interface GateLimiters {
  /** Calls anyone may make. */
  readonly steady: RateLimiterAbstract;
  /** Extra calls: interactive work may spend all of them, background work all but a reserve (`backgroundReserve`). */
  readonly burst: RateLimiterAbstract | null;
}

/**
 * Burst calls of a window background work leaves to interactive callers: a quarter of the window. Background
 * work may spend the rest, so a long job runs at the provider's full sustained rate (the steady window alone
 * is only three quarters of it) while someone who opens a page still finds calls to spare at once.
 */
export function backgroundReserve(burstPoints: number): number {
  return Math.max(1, Math.ceil(burstPoints / 4));
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * One account's budget in this process: callers queue (interactive ahead of background), and only
 * the head of the queue asks the limiter, which (in Redis) is shared with every other instance.
 * A refused head waits the limiter's msBeforeNext, or fails at once when that passes its deadline.
 * Background work takes the steady window first and then the burst down to its reserve.
 */
export class BudgetGate implements ProviderBudget {
  private readonly queues: Record<CallPriority, Waiter[]> = { interactive: [], background: [] };
  private readonly interactiveLimiter: BurstyRateLimiter | RateLimiterAbstract;
  private pumping = false;
  private wake: (() => void) | null = null;
  private lastWaitMs = 1_000;

  constructor(
    readonly provider: ProviderId,
    private readonly key: string,
    private readonly limiters: GateLimiters,
  ) {
    this.interactiveLimiter = limiters.burst ? new BurstyRateLimiter(limiters.steady, limiters.burst) : limiters.steady;
  }

  /** Callers queued in this process, by priority (for tests and the benchmark). */
  get waiting(): Record<CallPriority, number> {
    return { interactive: this.queues.interactive.length, background: this.queues.background.length };
  }

  take(request: BudgetRequest): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const { signal } = request;
      if (signal?.aborted) return reject(signal.reason);
      const queue = this.queues[request.priority];
      const onAbort = () => waiter.settle(signal?.reason);
      const timer = setTimeout(
        () => waiter.settle(new ProviderBusyError(this.provider, seconds(this.lastWaitMs))),
        Math.max(0, request.deadline - Date.now()),
      );
      const waiter: Waiter = {
        priority: request.priority,
        deadline: request.deadline,
        settle: (error) => {
          const at = queue.indexOf(waiter);
          if (at < 0) return;
          queue.splice(at, 1);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (error === undefined) resolve();
          else reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      // A background head may be sleeping on the steady window while burst tokens are free.
      if (request.priority === 'interactive') this.wake?.();
      void this.pump();
    });
  }

  async pause(ms: number): Promise<void> {
    const duration = seconds(ms);
    await Promise.all([this.limiters.steady, this.limiters.burst].map((limiter) => limiter?.block(this.key, duration)));
  }

  private head(): Waiter | undefined {
    return this.queues.interactive[0] ?? this.queues.background[0];
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let head = this.head(); head; head = this.head()) {
        const asked = Date.now();
        let refusedMs: number;
        try {
          refusedMs = await this.tryTake(head.priority);
        } catch (error) {
          this.failAll(new BudgetUnavailableError(this.provider, { cause: error }));
          continue;
        }
        if (refusedMs === 0) {
          // The head may have left (deadline, abort) while the limiter answered: the token goes to the next.
          this.head()?.settle();
          continue;
        }
        // The limiter counted its msBeforeNext when it got the question, which Redis answers within a millisecond;
        // the answer can reach this process much later, behind a provider page being parsed on the event loop
        // (60 ms and more, measured). Waiting the whole msBeforeNext from here would start every window that
        // late: 1.1 s windows instead of 1 s, a tenth of the rate lost. So the wait counts from the question.
        // Too early (Redis itself slow) costs one more refused question, never a call over the budget.
        const waitMs = Math.max(1, refusedMs - (Date.now() - asked));
        this.lastWaitMs = waitMs;
        const current = this.head();
        if (!current) break;
        if (Date.now() + waitMs > current.deadline) {
          current.settle(new ProviderBusyError(this.provider, seconds(waitMs)));
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, waitMs);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.wake = done;
        });
        this.wake = null;
      }
    } finally {
      this.pumping = false;
    }
  }

  /** 0 when a token was taken, else the ms until the limiter may have one. */
  private async tryTake(priority: CallPriority): Promise<number> {
    const limiter = priority === 'interactive' ? this.interactiveLimiter : this.limiters.steady;
    try {
      await limiter.consume(this.key);
      return 0;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      if (priority === 'background' && (await this.takeBurstAboveReserve())) return 0;
      return Math.max(1, refusal.msBeforeNext);
    }
  }

  /** A burst call for background work, unless that would leave fewer than the reserve (then it is given back). */
  private async takeBurstAboveReserve(): Promise<boolean> {
    const { burst } = this.limiters;
    if (!burst) return false;
    try {
      const taken = await burst.consume(this.key);
      if (taken.remainingPoints >= backgroundReserve(burst.points)) return true;
      await burst.reward(this.key, 1);
      return false;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return false;
      throw refusal;
    }
  }

  private failAll(error: BudgetUnavailableError): void {
    for (const queue of [this.queues.interactive, this.queues.background]) {
      for (const waiter of [...queue]) waiter.settle(error);
    }
  }
}
