/** A fixed window of the limiter: `points` calls per `duration` whole seconds (Redis expiries are whole seconds). */
export interface BudgetWindow {
  readonly points: number;
  readonly duration: number;
}

/**
 * The limiter windows for a provider's bucket: a steady window anyone may use, plus a burst window
 * only interactive calls may use. Fixed windows let their quota through twice back to back at a
 * boundary, so both are sized that any interval of T seconds carries at most
 * 2·(steady + burst) + T·(steady/s + burst/s) ≤ (bucket − 2) + T·perSecond calls:
 * the provider's bucket never overflows, with two calls to spare for network jitter.
 */
export interface BudgetWindows {
  readonly steady: BudgetWindow;
  readonly burst: BudgetWindow | null;
}

const JITTER_MARGIN = 2;

export function budgetWindows({ burst, perSecond }: { readonly burst: number; readonly perSecond: number }): BudgetWindows {
  if (!(burst >= 2 * JITTER_MARGIN) || !(perSecond > 0)) throw new RangeError(`a budget needs burst ≥ 4 and a positive rate`);
  const room = burst - JITTER_MARGIN;
  const steadyDuration = perSecond >= 1 ? 1 : Math.ceil(1 / perSecond);
  const steadyPoints = Math.max(1, Math.min(Math.floor(room / 2), Math.floor(0.75 * perSecond * steadyDuration)));
  const steady = { points: steadyPoints, duration: steadyDuration };
  const rest = perSecond - steadyPoints / steadyDuration;
  const burstPoints = Math.floor((room - 2 * steadyPoints) / 2);
  if (rest <= 0 || burstPoints < 1) return { steady, burst: null };
  return { steady, burst: { points: burstPoints, duration: Math.ceil(burstPoints / rest) } };
}

/** Calls per second the windows allow in the long run. */
export function sustainedRate(windows: BudgetWindows): number {
  const { steady, burst } = windows;
  return steady.points / steady.duration + (burst ? burst.points / burst.duration : 0);
}
