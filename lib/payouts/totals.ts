import 'server-only';
import { compareCodes } from '@/lib/format/numbers';
import type { LoadedConnection } from '@/lib/connections/client';
import { PAYOUT_STATUSES, type PayoutStatus } from '@/lib/domain/transaction';
import type { PayoutsQuery } from '@/lib/list-query/payouts-url';
import { listTotals, type TotalsOptions } from '@/lib/lists/pipeline';
import { payoutsList } from './service';
import type { PayoutRangeTotalsDto } from './totals-schema';

const NO_STATUS = 'none';

/** Payouts of the range per status and currency: count and exact sum (never across currencies). */
export async function payoutTotals(
  connection: LoadedConnection,
  query: Pick<PayoutsQuery, 'from' | 'to' | 'tz'>,
  options: Omit<TotalsOptions, 'pageSize'> = {},
): Promise<PayoutRangeTotalsDto> {
  // Every status of the range: the groups are per status, so no status filter reaches the walk.
  const range: PayoutsQuery = { limit: 0, from: query.from, to: query.to, tz: query.tz };
  const result = await listTotals(payoutsList, connection, range, {
    fields: ['amount'] as const,
    add: (sums, payout) => sums.add(`${payout.status ?? NO_STATUS}|${payout.amount.currency}`, payout.amount.currency, { amount: payout.amount }),
  }, options);
  const order = (status: PayoutStatus | null) => (status === null ? PAYOUT_STATUSES.length : PAYOUT_STATUSES.indexOf(status));
  const groups = result.sums
    .entries()
    .map((group) => {
      const raw = group.key.split('|')[0];
      const status = PAYOUT_STATUSES.find((s) => s === raw) ?? null;
      return { status, currency: group.currency, count: group.count, amount: group.amounts.amount };
    })
    .sort((a, b) => order(a.status) - order(b.status) || compareCodes(a.currency, b.currency));
  return { groups, complete: result.complete, scannedRows: result.scannedRows, resume: result.resume };
}
