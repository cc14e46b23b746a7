import { Money, formatMoney } from '@/components/ui/money';
import type { PayoutDetailDto } from '@/lib/payouts/schema';

/** Whether the payout's transactions add up to it, with exact amounts either way. */
export function ReconciliationLine({ detail }: { detail: PayoutDetailDto }) {
  const { reconciliation, truncated, transactionCount } = detail;
  if (!reconciliation) {
    return (
      <p className="alert alert-warning" role="status">
        This provider does not list a payout&apos;s transactions, so the payout cannot be reconciled here.
      </p>
    );
  }
  const { currency, difference } = reconciliation;
  const net = <Money amount={reconciliation.transactionsNet} currency={currency} />;
  const payout = <Money amount={reconciliation.payoutAmount} currency={currency} />;
  if (reconciliation.reconciled) {
    return (
      <p className="payouts-reconciled" role="status" aria-label="Reconciliation">
        <span className="badge badge-success">✓ Reconciled</span>
        <span className="visually-hidden">:</span>
        <span>
          the transactions&apos; net ({net}) equals the payout amount ({payout}).
        </span>
      </p>
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
        <p className="muted">
          The transactions add up to {gap} {short ? 'less' : 'more'} than the payout.{' '}
          {truncated
            ? `Only the first ${transactionCount.toLocaleString('en-US')} transactions were read; the rest may make up the difference.`
            : 'One may be missing from the provider’s listing; check with the provider using the payout ID.'}
        </p>
      </div>
    </section>
  );
}
