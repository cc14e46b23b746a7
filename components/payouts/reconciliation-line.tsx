import { formatCount } from '@/lib/format/numbers';
import { TYPE_LABELS } from '@/components/ui/labels';
import { Money, formatMoney } from '@/components/ui/money';
import type { PayoutDetailDto, ReconciliationDto } from '@/lib/payouts/schema';

const REASONS: Record<ReconciliationDto['explaining'][number]['reason'], string> = {
  net_is_difference: 'its net is exactly the difference',
  payout_line_differs: 'the payout line is not the payout amount',
};

function typeLabel(type: string): string {
  return type in TYPE_LABELS ? TYPE_LABELS[type as keyof typeof TYPE_LABELS] : type;
}

/**
 * Whether the payout's transactions add up to it, led by what its state means; exact amounts either way. A
 * region, not a live one: it is part of the page, read in order after the payout's state, not announced as it
 * appears (a screen reader read it before the state when it was a status).
 */
export function ReconciliationLine({ detail }: { detail: PayoutDetailDto }) {
  const { reconciliation, truncated, transactionCount } = detail;
  if (!reconciliation) {
    return (
      <section aria-label="Reconciliation">
        <p className="alert alert-warning">
          This provider does not list a payout&apos;s transactions, so the payout cannot be reconciled here.
        </p>
      </section>
    );
  }
  const { currency, difference, verdict } = reconciliation;
  const net = <Money amount={reconciliation.transactionsNet} currency={currency} />;
  const payout = <Money amount={reconciliation.payoutAmount} currency={currency} />;
  if (verdict === 'reconciled' || (verdict !== 'difference' && reconciliation.addsUp)) {
    const note =
      verdict === 'reconciled'
        ? null
        : verdict === 'returned_to_balance'
          ? ' The payout failed, so these funds are back in the balance, not in the bank: nothing to reconcile against the bank.'
          : ' Not reconciled yet: the payout has not been reported as paid in.';
    return (
      <section aria-label="Reconciliation">
        <p className={verdict === 'reconciled' ? 'payouts-reconciled' : 'payouts-adds-up'}>
          <span className={`badge ${verdict === 'reconciled' ? 'badge-success' : 'badge-info'}`}>
            {verdict === 'reconciled' ? '✓ Reconciled' : 'Adds up'}
          </span>
          {/* A sentence of its own after the badge: a hidden ':' between them was a line of its own for Orca. */}
          <span>
            The transactions&apos; net ({net}) equals the payout amount ({payout}).{note}
          </span>
        </p>
      </section>
    );
  }
  const short = difference.startsWith('-');
  const gap = formatMoney(short ? difference.slice(1) : difference, currency);
  return (
    <section className={`alert ${truncated ? 'alert-warning' : 'alert-danger'}`} aria-label="Reconciliation">
      <div>
        <div className="alert-title">
          Not reconciled: difference of <Money amount={difference} currency={currency} />
        </div>
        <p>
          (transactions&apos; net {net} vs payout {payout})
        </p>
        {reconciliation.explaining.length > 0 ? (
          <>
            <p>Rows that explain it:</p>
            <ul className="payouts-explaining">
              {reconciliation.explaining.map((row) => (
                <li key={row.id}>
                  {typeLabel(row.type)} <span className="mono">{row.id}</span>, net <Money amount={row.net} currency={currency} />:{' '}
                  {REASONS[row.reason]}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">
            The transactions add up to {gap} {short ? 'less' : 'more'} than the payout; no listed row explains it.{' '}
            {truncated
              ? `Only the first ${formatCount(transactionCount)} transactions were read; the rest may make up the difference.`
              : `A row of ${gap} may be missing from the provider’s listing; check with the provider using the payout ID.`}
          </p>
        )}
      </div>
    </section>
  );
}
