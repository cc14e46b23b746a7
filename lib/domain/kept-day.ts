import type { TransactionType } from './transaction';

/**
 * The exact totals of one calendar day of one account, in one time zone: what a complete walk of that day
 * saw. Money in integer minor units; amounts and fees split by sign, so every flow series can be rebuilt.
 */
export interface KeptDayTotal {
  /** The provider's own type name, e.g. "fee_reversed"; `type` is its mapping. */
  readonly rawType: string;
  readonly type: TransactionType;
  readonly currency: string;
  readonly count: number;
  readonly amountIn: bigint;
  readonly amountOut: bigint;
  readonly feeIn: bigint;
  readonly feeOut: bigint;
}

export interface KeptDay {
  /** YYYY-MM-DD in the time zone it was cut in. */
  readonly day: string;
  readonly rows: number;
  /** The day's first row in the provider's newest-first list (its newest) and its last (its oldest); null when empty. */
  readonly newestId: string | null;
  readonly oldestId: string | null;
  readonly newestAt: Date | null;
  readonly oldestAt: Date | null;
  readonly totals: readonly KeptDayTotal[];
}

/** Which walk of which account a kept day belongs to: valid only for the same zone and the same provider account. */
export interface KeptDaysKey {
  readonly connectionId: string;
  readonly timeZone: string;
  /** Fingerprint of the account the connection points at (provider, base URL, settings). */
  readonly source: string;
}

/** A kept row a newest-first list can start after (`since_id`), with its time: every row after it is older. */
export interface KeptStart {
  readonly id: string;
  readonly at: Date;
}
