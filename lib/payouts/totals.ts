import 'server-only';
import type { LoadedConnection } from '@/lib/connections/client';
import { PAYOUT_STATUSES, type PayoutStatus } from '@/lib/domain/transaction';
import { walkTotals, type TotalsBudget } from '@/lib/paging/totals';
import { dateRange } from '@/lib/time/dates';
import { callProvider } from '@/lib/connections/provider-call';
import type { PayoutsQuery } from '@/lib/list-query/payouts';
import { payoutsApi } from '@/lib/connections/apis';
import { payoutsView } from './service';
import { payoutSource } from './source';
import type { PayoutRangeTotalsDto } from './totals-schema';

const NO_STATUS = 'none';

/** Payouts of the range per status and currency: count and exact sum (never across currencies). */
export async function payoutTotals(
  connection: LoadedConnection,
  query: Pick<PayoutsQuery, 'from' | 'to' | 'tz'>,
  options: { readonly timeZone?: string; readonly resume?: string; readonly signal?: AbortSignal; readonly budget?: Partial<TotalsBudget>; readonly secret?: string } = {},
): Promise<PayoutRangeTotalsDto> {
  const timeZone = query.tz ?? options.timeZone ?? 'UTC';
  return callProvider(connection, async () => {
    const { api } = payoutsApi(connection);
    const source = payoutSource(api, { range: dateRange(query.from, query.to, timeZone) }, { pageSize: api.maxPageSize, signal: options.signal });
    const result = await walkTotals(source, {
      scope: { kind: 'payouts', organizationId: connection.organizationId, connectionId: connection.id, view: payoutsView({ limit: 0, ...query }, timeZone) },
      fields: ['amount'] as const,
      resume: options.resume,
      budget: options.budget,
      secret: options.secret,
      add: (sums, payout) => sums.add(`${payout.status ?? NO_STATUS}|${payout.amount.currency}`, payout.amount.currency, { amount: payout.amount }),
    });
    const order = (status: PayoutStatus | null) => (status === null ? PAYOUT_STATUSES.length : PAYOUT_STATUSES.indexOf(status));
    const groups = result.sums
      .entries()
      .map((group) => {
        const raw = group.key.split('|')[0];
        const status = PAYOUT_STATUSES.find((s) => s === raw) ?? null;
        return { status, currency: group.currency, count: group.count, amount: group.amounts.amount };
      })
      .sort((a, b) => order(a.status) - order(b.status) || a.currency.localeCompare(b.currency));
    return { groups, complete: result.complete, scannedRows: result.scannedRows, resume: result.resume };
  });
}
