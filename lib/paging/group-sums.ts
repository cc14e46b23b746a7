import { compareCodes } from '@/lib/format/numbers';
import { add, toDecimalString, zero, type Money } from '@/lib/domain/money';
import type { CurrencyCode } from '@/lib/domain/currencies';

/**
 * Exact running sums per group (a currency, or a status and a currency): a row count and any number of
 * amounts, each a bigint in the group currency's minor units. Amounts of two currencies never meet.
 */
export class GroupSums<F extends string> {
  private readonly groups = new Map<string, { currency: CurrencyCode; count: number; amounts: Record<F, Money> }>();

  constructor(private readonly fields: readonly F[]) {}

  add(key: string, currency: CurrencyCode, amounts: Record<F, Money>): void {
    let group = this.groups.get(key);
    if (!group) {
      const start = Object.fromEntries(this.fields.map((field) => [field, zero(currency)])) as Record<F, Money>;
      group = { currency, count: 0, amounts: start };
      this.groups.set(key, group);
    }
    group.count += 1;
    for (const field of this.fields) group.amounts[field] = add(group.amounts[field], amounts[field]);
  }

  get size(): number {
    return this.groups.size;
  }

  /** [key, currency, count, ...minor units as strings], for a resume token. */
  toJSON(): [string, string, number, ...string[]][] {
    return [...this.groups].map(([key, g]) => [key, g.currency, g.count, ...this.fields.map((f) => g.amounts[f].minor.toString())]);
  }

  static fromJSON<F extends string>(fields: readonly F[], rows: readonly (readonly [string, CurrencyCode, number, ...bigint[]])[]): GroupSums<F> {
    const sums = new GroupSums(fields);
    for (const [key, currency, count, ...minors] of rows) {
      const amounts = fields.map((field, i) => [field, add(zero(currency), { minor: minors[i] ?? 0n, currency })]);
      sums.groups.set(key, { currency, count, amounts: Object.fromEntries(amounts) as Record<F, Money> });
    }
    return sums;
  }

  /** Decimal strings with each currency's exponent, ordered by key. */
  entries(): { key: string; currency: CurrencyCode; count: number; amounts: Record<F, string> }[] {
    return [...this.groups]
      .sort(([a], [b]) => compareCodes(a, b))
      .map(([key, g]) => ({
        key,
        currency: g.currency,
        count: g.count,
        amounts: Object.fromEntries(this.fields.map((f) => [f, toDecimalString(g.amounts[f])])) as Record<F, string>,
      }));
  }
}
