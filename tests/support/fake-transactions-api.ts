import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney } from '@/lib/domain/money';
import type { BalanceTransaction, PayoutStatus, ProviderPage, TransactionType } from '@/lib/domain/transaction';
import type { TransactionListInput, TransactionsApi } from '@/lib/providers/types';

const USD = toCurrency('USD');
const TYPES: readonly TransactionType[] = ['payment', 'payment', 'refund', 'payment', 'chargeback', 'payment', 'other'];
const STATUSES: readonly PayoutStatus[] = ['completed', 'failed', 'completed', 'in_progress'];
export const BASE_MS = Date.parse('2024-03-31T23:30:00Z');
const HOUR_MS = 3_600_000;

/** Row i of a newest-first history: ids fall with i, one row per hour back from BASE_MS, payouts of 10 rows. */
export function row(i: number, total: number, overrides: Partial<BalanceTransaction> = {}): BalanceTransaction {
  const payout = Math.floor((total - 1 - i) / 10);
  const amount = parseMoney(`${10 + (i % 7)}.25`, USD);
  const fee = parseMoney('-0.50', USD);
  return {
    id: String(100_000 + total - i),
    type: TYPES[i % TYPES.length] ?? 'payment',
    rawType: TYPES[i % TYPES.length] === 'other' ? 'fee_reversed' : (TYPES[i % TYPES.length] ?? 'payment'),
    sourceType: 'payment',
    amount,
    fee,
    net: { minor: amount.minor + fee.minor, currency: USD },
    currency: USD,
    settlementAmount: amount,
    exchangeRate: '1.0000000000',
    payoutId: `9${payout}`,
    payoutStatus: STATUSES[payout % STATUSES.length] ?? 'completed',
    transactionTime: new Date(BASE_MS - i * HOUR_MS).toISOString().replace('Z', '+00:00'),
    processedAt: null,
    sourceOrderId: null,
    sourceOrderTransactionId: null,
    sourcePaymentId: null,
    ...overrides,
  };
}

export function history(total: number): BalanceTransaction[] {
  return Array.from({ length: total }, (_, i) => row(i, total));
}

interface FakeCursor {
  readonly payoutId?: string;
  readonly payoutStatus?: PayoutStatus;
  readonly boundary: string;
  readonly direction: 'next' | 'previous';
}

/**
 * SHOPLINE's paging as the sandbox reads the docs: filters on the first page only, carried in the cursor
 * with the boundary id; a previous link only on pages reached through a cursor.
 */
export class FakeTransactionsApi implements TransactionsApi {
  readonly maxPageSize = 10_000;
  readonly calls: TransactionListInput[] = [];
  failOnCall: number | null = null;

  constructor(public rows: BalanceTransaction[]) {}

  async listTransactions(input: TransactionListInput): Promise<ProviderPage<BalanceTransaction>> {
    this.calls.push(input);
    if (this.failOnCall === this.calls.length) throw new Error('provider down');
    const cursor = input.cursor ? (JSON.parse(input.cursor) as FakeCursor) : null;
    const payoutId = cursor ? cursor.payoutId : input.payoutId;
    const payoutStatus = cursor ? cursor.payoutStatus : input.payoutStatus;
    const matching = this.rows.filter(
      (r) => (payoutId === undefined || r.payoutId === payoutId) && (payoutStatus === undefined || r.payoutStatus === payoutStatus),
    );
    const id = (r: BalanceTransaction) => BigInt(r.id);
    let start: number;
    if (cursor?.direction === 'previous') {
      const end = matching.filter((r) => id(r) > BigInt(cursor.boundary)).length;
      start = Math.max(0, end - input.limit);
      const items = matching.slice(start, end);
      return this.page(items, matching, { payoutId, payoutStatus }, start, true);
    }
    start = cursor ? matching.findIndex((r) => id(r) < BigInt(cursor.boundary)) : 0;
    if (start < 0) start = matching.length;
    return this.page(matching.slice(start, start + input.limit), matching, { payoutId, payoutStatus }, start, cursor !== null);
  }

  private page(
    items: BalanceTransaction[],
    matching: BalanceTransaction[],
    filters: Pick<FakeCursor, 'payoutId' | 'payoutStatus'>,
    start: number,
    viaCursor: boolean,
  ): ProviderPage<BalanceTransaction> {
    const first = items[0];
    const last = items.at(-1);
    const link = (boundary: string, direction: FakeCursor['direction']) => JSON.stringify({ ...filters, boundary, direction });
    return {
      items,
      nextCursor: last && start + items.length < matching.length ? link(last.id, 'next') : null,
      previousCursor: first && viaCursor && start > 0 ? link(first.id, 'previous') : null,
    };
  }
}
