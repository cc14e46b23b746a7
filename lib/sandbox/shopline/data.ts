import { digits, hash32, unit } from '../hash';
import { formatMinor } from '../money';
import { FIELD, SOURCE_TYPE, orderValue, paymentFee, paymentGrossingUp, regularEntry, type Entry } from './entries';
import { StoreLayout } from './layout';
import type { StoreParams } from './stores';

export const PAYOUT_STATUSES = ['in progress', 'accepted by bank', 'completed', 'failed', 'retrying'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export type WireTransaction = Record<
  | 'amount' | 'currency' | 'exchange_rate' | 'fee' | 'id' | 'net' | 'payout_id' | 'payout_status' | 'processed_at'
  | 'settlement_amount' | 'settlement_currency' | 'source_order_id' | 'source_order_transaction_id'
  | 'source_payment_id' | 'source_type' | 'transaction_time' | 'type',
  string
>;
export type WirePayout = Record<'amount' | 'currency' | 'date' | 'id' | 'status', string>;

const MIN_PAYOUT = 2500n;
const SHOPLINE_OFFSET_SECONDS = 8 * 3600;
const SOURCED = new Set(['payment', 'refund', 'chargeback']);

export interface BlockTotals {
  balancerAmount: bigint;
  /** The payout's amount: sum of net of all its member transactions (always positive). */
  total: bigint;
}

/** One simulated SHOPLINE store: every transaction, payout and balance is computed on demand from its index. */
export class ShoplineStore {
  readonly layout: StoreLayout;
  private readonly totals = new Map<number, BlockTotals>();
  private headSums: Map<string, bigint> | undefined;
  private readonly weightTotal: number;

  constructor(
    readonly params: StoreParams,
    private readonly seed: number,
    private readonly anchorSeconds: number,
  ) {
    this.layout = new StoreLayout(params, seed);
    this.weightTotal = params.currencyWeights.reduce((sum, w) => sum + w, 0);
  }

  get currencies(): readonly string[] {
    return this.params.account.currencies;
  }

  /** Epoch seconds of transaction i; strictly decreasing because jitter < gap. */
  timeOf(i: number): number {
    const gap = this.params.gapSeconds;
    const jitter = i === 0 ? 0 : hash32(this.seed, this.layout.salt, i, FIELD.jitter) % gap;
    return this.anchorSeconds - i * gap - jitter;
  }

  payoutStatus(k: number): PayoutStatus | '' {
    if (this.params.cn) return '';
    const rank = this.layout.payoutCount - 1 - k;
    if (rank === 0) return 'in progress';
    if (rank === 1) return this.currencies.length > 1 ? 'in progress' : 'accepted by bank';
    if (rank <= 3) return 'accepted by bank';
    if (rank === 5) return 'retrying';
    if (rank === 11) return 'failed';
    const u = unit(this.seed, this.layout.salt, k, FIELD.status);
    if (u < 0.008) return rank < 25 ? 'retrying' : 'failed';
    return u < 0.016 ? 'failed' : 'completed';
  }

  blockCurrency(k: number): string {
    return this.pickCurrency(hash32(this.seed, this.layout.salt, k, FIELD.currency));
  }

  /** The oldest member of each payout is a payment grossed up when needed, so every payout is positive. */
  blockTotals(k: number): BlockTotals {
    const cached = this.totals.get(k);
    if (cached) return cached;
    const { layout, seed } = this;
    const start = layout.blockStart(k);
    const end = layout.blockEnd(k);
    const currency = this.blockCurrency(k);
    let rest = 0n;
    for (let j = start + 1; j < end - 1; j += 1) {
      const e = regularEntry(seed, layout.salt, j, currency);
      rest += e.amount + e.fee;
    }
    let balancerAmount = orderValue(seed, layout.salt, start);
    if (rest + balancerAmount + paymentFee(balancerAmount, currency) < MIN_PAYOUT) {
      balancerAmount = paymentGrossingUp(MIN_PAYOUT - rest, currency);
    }
    const totals = { balancerAmount, total: rest + balancerAmount + paymentFee(balancerAmount, currency) };
    this.totals.set(k, totals);
    return totals;
  }

  /** Sum of net per currency of the transactions not paid out yet. */
  unpaidNet(): ReadonlyMap<string, bigint> {
    if (!this.headSums) {
      const sums = new Map<string, bigint>(this.currencies.map((c) => [c, 0n]));
      for (let i = 0; i < this.layout.unpaidCount; i += 1) {
        const e = this.entry(i);
        sums.set(e.currency, (sums.get(e.currency) ?? 0n) + e.amount + e.fee);
      }
      this.headSums = sums;
    }
    return this.headSums;
  }

  payout(k: number): WirePayout {
    const [lineI] = this.layout.blockRangeI(k);
    return {
      amount: formatMinor(this.blockTotals(k).total, 2),
      currency: this.blockCurrency(k),
      date: shoplineTime(this.timeOf(lineI)),
      id: this.layout.payoutId(k),
      status: this.payoutStatus(k),
    };
  }

  transaction(i: number): WireTransaction {
    const { layout, seed } = this;
    const e = this.entry(i);
    const j = layout.count - 1 - i;
    const k = j >= layout.headStartJ ? undefined : layout.blockOfJ(j);
    const time = this.timeOf(i);
    const amount = formatMinor(e.amount, 2);
    const sourceType = SOURCE_TYPE[e.type];
    const sourced = SOURCED.has(sourceType);
    const ref = e.type === 'payment' ? j : Math.max(0, j - 1 - (hash32(seed, layout.salt, j, FIELD.ref) % 400));
    return {
      amount,
      currency: e.currency,
      exchange_rate: '1.0000000000',
      fee: formatMinor(e.fee, 2),
      id: layout.transactionId(i),
      net: formatMinor(e.amount + e.fee, 2),
      payout_id: k === undefined ? '' : layout.payoutId(k),
      payout_status: k === undefined ? '' : this.payoutStatus(k),
      processed_at: shoplineTime(time + (hash32(seed, layout.salt, j, FIELD.lag) % 90)),
      settlement_amount: amount,
      settlement_currency: e.currency,
      source_order_id: sourced ? `8${digits(seed, layout.salt, ref, FIELD.order, 9)}` : '',
      source_order_transaction_id: sourced ? `3001002${digits(seed, layout.salt, j, FIELD.txn, 22)}` : '',
      source_payment_id: sourced ? `1001002${digits(seed, layout.salt, ref, FIELD.pay, 22)}` : '',
      source_type: sourceType,
      transaction_time: shoplineTime(time),
      type: e.type,
    };
  }

  /** Money of transaction i in minor units. */
  entry(i: number): Entry {
    const { layout, seed } = this;
    const j = layout.count - 1 - i;
    if (j >= layout.headStartJ) {
      return regularEntry(seed, layout.salt, j, this.pickCurrency(hash32(seed, layout.salt, j, FIELD.currency)));
    }
    const k = layout.blockOfJ(j);
    const currency = this.blockCurrency(k);
    if (j === layout.blockEnd(k) - 1) {
      return { type: 'payout', amount: -this.blockTotals(k).total, fee: 0n, currency };
    }
    if (j === layout.blockStart(k)) {
      const amount = this.blockTotals(k).balancerAmount;
      return { type: 'payment', amount, fee: paymentFee(amount, currency), currency };
    }
    return regularEntry(seed, layout.salt, j, currency);
  }

  private pickCurrency(h: number): string {
    const weights = this.params.currencyWeights;
    let roll = h % this.weightTotal;
    for (let c = 0; c < weights.length; c += 1) {
      roll -= weights[c] ?? 0;
      if (roll < 0) return this.currencies[c] ?? 'USD';
    }
    return this.currencies[0] ?? 'USD';
  }
}

const dayPrefixes = new Map<number, string>();

/** ISO 8601 in SHOPLINE's +08:00 offset, e.g. 2022-02-25T18:00:42+08:00 (date part cached: pages span few days). */
export function shoplineTime(epochSeconds: number): string {
  const local = epochSeconds + SHOPLINE_OFFSET_SECONDS;
  const day = Math.floor(local / 86_400);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size > 10_000) dayPrefixes.clear();
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const second = local - day * 86_400;
  const hh = Math.floor(second / 3600);
  const mm = Math.floor((second % 3600) / 60);
  return `${prefix}${two(hh)}:${two(mm)}:${two(second % 60)}+08:00`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
