import { hash32, intBetween, unit } from '../hash';
import { mulDivRound } from '../money';

export type RegularType =
  | 'payment' | 'refund' | 'refund_failure' | 'chargeback' | 'chargeback_won' | 'reserve_held'
  | 'reserve_released' | 'accounting_adjustment' | 'transfer_in' | 'fee_reversed';
export type EntryType = RegularType | 'payout';

/** Money of one balance transaction, in minor units of `currency`; net = amount + fee. */
export interface Entry {
  type: EntryType;
  amount: bigint;
  fee: bigint;
  currency: string;
}

// Per-mille frequencies; fee_reversed is the type the docs show but do not list (clients must keep it).
const TYPE_TABLE: readonly (readonly [RegularType, number])[] = [
  ['payment', 822], ['refund', 70], ['refund_failure', 6], ['chargeback', 10], ['chargeback_won', 4],
  ['reserve_held', 25], ['reserve_released', 25], ['accounting_adjustment', 12], ['transfer_in', 18], ['fee_reversed', 8],
];

export const SOURCE_TYPE: Readonly<Record<EntryType, string>> = {
  payment: 'payment', refund: 'refund', refund_failure: 'refund', chargeback: 'chargeback', chargeback_won: 'chargeback',
  reserve_held: 'reserve', reserve_released: 'reserve', accounting_adjustment: 'adjustment', transfer_in: 'transfer',
  fee_reversed: 'payment', payout: 'payout',
};

// Card processing fee per settlement currency: basis points + fixed minor units.
const FEES: Readonly<Record<string, readonly [bigint, bigint]>> = { EUR: [150n, 25n], GBP: [150n, 20n] };
const DEFAULT_FEE: readonly [bigint, bigint] = [290n, 30n];
const CHARGEBACK_FEE = 1500n;

export const FIELD = {
  type: 11, value: 12, cents: 13, part: 14, ref: 15, jitter: 16, lag: 17, currency: 18, status: 19,
  order: 20, txn: 21, pay: 22, ending: 23,
} as const;

export function paymentFee(amount: bigint, currency: string): bigint {
  const [bp, fixed] = FEES[currency] ?? DEFAULT_FEE;
  return -(mulDivRound(amount, bp, 10_000n) + fixed);
}

/** Smallest payment whose net is at least `need`. */
export function paymentGrossingUp(need: bigint, currency: string): bigint {
  const [bp, fixed] = FEES[currency] ?? DEFAULT_FEE;
  let amount = ((need + fixed) * 10_000n) / (10_000n - bp);
  while (amount + paymentFee(amount, currency) < need) amount += 1n;
  return amount;
}

/** A plausible order total: mostly 9-60, a long tail up to ~330, with shop-like price endings. */
export function orderValue(seed: number, salt: number, j: number): bigint {
  const u = unit(seed, salt, j, FIELD.value);
  const major = BigInt(9 + Math.floor(u * u * 320));
  const endings = [99n, 0n, 50n, 95n];
  const cents = endings[hash32(seed, salt, j, FIELD.ending) % 5] ?? BigInt(intBetween(seed, salt, j, FIELD.cents, 0, 99));
  return major * 100n + cents;
}

/** Any transaction that is neither a payout line nor a balancing payment. */
export function regularEntry(seed: number, salt: number, j: number, currency: string): Entry {
  const type = pickType(hash32(seed, salt, j, FIELD.type) % 1000);
  let amount = 0n;
  let fee = 0n;
  switch (type) {
    case 'payment':
      amount = orderValue(seed, salt, j);
      fee = paymentFee(amount, currency);
      break;
    case 'refund':
      amount = -partOf(orderValue(seed, salt, j), hash32(seed, salt, j, FIELD.part));
      break;
    case 'refund_failure':
      amount = partOf(orderValue(seed, salt, j), hash32(seed, salt, j, FIELD.part));
      break;
    case 'chargeback':
      amount = -orderValue(seed, salt, j);
      fee = -CHARGEBACK_FEE;
      break;
    case 'chargeback_won':
      amount = orderValue(seed, salt, j);
      break;
    case 'reserve_held':
      amount = -wholeUnits(seed, salt, j, 20, 400);
      break;
    case 'reserve_released':
      amount = wholeUnits(seed, salt, j, 20, 400);
      break;
    case 'accounting_adjustment': {
      const sign = hash32(seed, salt, j, FIELD.part) % 3 === 0 ? 1n : -1n;
      amount = sign * (wholeUnits(seed, salt, j, 1, 50) + BigInt(intBetween(seed, salt, j, FIELD.cents, 0, 99)));
      break;
    }
    case 'transfer_in':
      amount = wholeUnits(seed, salt, j, 50, 2000);
      break;
    case 'fee_reversed':
      fee = 30n + BigInt(intBetween(seed, salt, j, FIELD.cents, 0, 99)) * 7n;
      break;
    default: {
      const unreachable: never = type;
      throw new Error(`unhandled type ${String(unreachable)}`);
    }
  }
  return { type, amount, fee, currency };
}

/** Full, half or quarter of an order (partial refunds). */
function partOf(value: bigint, h: number): bigint {
  const divisor = h % 4 === 2 ? 2n : h % 4 === 3 ? 4n : 1n;
  return mulDivRound(value, 1n, divisor);
}

function wholeUnits(seed: number, salt: number, j: number, min: number, max: number): bigint {
  return BigInt(intBetween(seed, salt, j, FIELD.value, min, max)) * 100n;
}

function pickType(roll: number): RegularType {
  let rest = roll;
  for (const [type, weight] of TYPE_TABLE) {
    rest -= weight;
    if (rest < 0) return type;
  }
  return 'payment';
}
