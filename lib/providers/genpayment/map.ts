import 'server-only';
import type { BalanceLine } from '@/lib/domain/balance';
import { add } from '@/lib/domain/money';
import { optional, wireReader, type MapContext } from '../wire';
import type { WireBalance } from './schemas';

/** The shop's one finance account: settled money is available, settling money is on its way. */
export function mapBalance(wire: WireBalance, ctx: MapContext & { readonly receivedAt: Date }): BalanceLine {
  const read = wireReader(ctx);
  const currency = read.currency(wire.currency, 'balance.currency');
  const settling = read.money(wire.settlingAmount, currency, 'balance.settlingAmount');
  const available = read.money(wire.settlementedAmount, currency, 'balance.settlementedAmount');
  const financeId = optional(wire.financeId);
  return {
    key: financeId ?? currency,
    subLabel: financeId,
    currency,
    settling,
    available,
    frozen: null,
    total: add(settling, available),
    asOf: ctx.receivedAt,
    warnings: [],
  };
}
