import type { CurrencyCode } from './currencies';
import type { Money } from './money';

/**
 * One balance of one provider account in one currency. A state the provider does not report is
 * null (shown as "not reported"), never zero.
 */
export interface BalanceLine {
  /** Distinguishes several lines of one connection, e.g. a NeoX account number and type. */
  readonly key: string;
  readonly subLabel: string | null;
  readonly currency: CurrencyCode;
  readonly settling: Money | null;
  readonly available: Money | null;
  readonly frozen: Money | null;
  readonly total: Money;
  readonly asOf: Date;
  readonly warnings: readonly BalanceWarning[];
}

export type BalanceWarning = {
  readonly kind: 'total_mismatch';
  /** What the provider reported as total, next to the sum of its parts. */
  readonly reportedTotal: Money;
  readonly sumOfParts: Money;
};
