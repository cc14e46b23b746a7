import 'server-only';
import { PROVIDER_NAMES } from '@/lib/domain/provider-ids';
import type { ProviderId } from '@/lib/domain/provider-ids';

/** Interactive calls (someone is waiting on a page) go ahead of background work such as export jobs. */
export type CallPriority = 'interactive' | 'background';

export interface BudgetRequest {
  readonly priority: CallPriority;
  readonly signal?: AbortSignal;
  /** Epoch ms; waiting past it is a ProviderBusyError. */
  readonly deadline: number;
}

/** One account's request budget at its provider; every outgoing call takes a token first. */
export interface ProviderBudget {
  /** Resolves once a token is taken; ProviderBusyError past the deadline, BudgetUnavailableError when it cannot be checked. */
  take(request: BudgetRequest): Promise<void>;
  /** The provider said it is rate limiting (a 429): nobody sharing this budget calls before `ms` have passed. */
  pause(ms: number): Promise<void>;
}

/** The budget stays spent past the caller's deadline: the call was not made. */
export class ProviderBusyError extends Error {
  override readonly name = 'ProviderBusyError';
  constructor(
    readonly provider: ProviderId,
    readonly retryAfterSeconds: number,
  ) {
    super(`${PROVIDER_NAMES[provider]} is busy: its request budget is spent for now. Retry after ${retryAfterSeconds} s.`);
  }
}

/** The shared budget (Redis) cannot be checked: the call is refused rather than made unlimited. */
export class BudgetUnavailableError extends Error {
  override readonly name = 'BudgetUnavailableError';
  constructor(
    readonly provider: ProviderId,
    options?: { cause?: unknown },
  ) {
    super(`${PROVIDER_NAMES[provider]} was not called: its request budget cannot be checked right now (the shared store does not answer).`, options);
  }
}

export function isBudgetError(error: unknown): error is ProviderBusyError | BudgetUnavailableError {
  return error instanceof ProviderBusyError || error instanceof BudgetUnavailableError;
}
