import { Money } from '@/components/ui/money';
import type { PayoutDetailDto, PayoutTotalsDto } from '@/lib/payouts/schema';

const CATEGORIES = [
  ['payments', 'Payments'],
  ['refunds', 'Refunds'],
  ['chargebacks', 'Chargebacks'],
  ['fees', 'Fees'],
  ['reserves', 'Reserves'],
  ['adjustments', 'Adjustments'],
  ['other', 'Other'],
] as const satisfies readonly (readonly [keyof PayoutTotalsDto, string])[];

export function PayoutTotals({ detail }: { detail: PayoutDetailDto }) {
  const { totals, otherCurrencies } = detail;
  if (!totals) return null;
  return (
    <section className="payout-totals" aria-labelledby="payout-totals">
      <h3 id="payout-totals">Totals by category</h3>
      <p className="faint">In {totals.currency}; the payout&apos;s own line left out.</p>
      <table className="data" aria-labelledby="payout-totals">
        <tbody>
          {CATEGORIES.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="right">
                <Money amount={totals[key]} currency={totals.currency} />
              </td>
            </tr>
          ))}
          <tr className="payout-totals-net">
            <th scope="row">Net</th>
            <td className="right">
              <Money amount={totals.net} currency={totals.currency} />
            </td>
          </tr>
        </tbody>
      </table>
      {otherCurrencies.length > 0 && (
        <ul className="payouts-other-currencies" aria-label="Other currencies">
          {otherCurrencies.map((rows) => (
            <li key={rows.currency}>
              {rows.count} {rows.count === 1 ? 'transaction' : 'transactions'} in {rows.currency}, net{' '}
              <Money amount={rows.net} currency={rows.currency} />, not included.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
