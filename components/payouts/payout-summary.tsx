import { CopyButton } from '@/components/ui/copy-button';
import { Money } from '@/components/ui/money';
import type { PayoutDetailDto } from '@/lib/payouts/schema';
import { PayoutTotals } from './payout-totals';
import { ReconciliationLine } from './reconciliation-line';
import { PayoutStatusBadge } from '@/components/ui/status-badge';
import { ZonedDate } from '@/components/ui/zoned-date';

/** The payout's own figures and reconciliation on the left, its totals by category on the right. */
export function PayoutSummary({ detail, timeZone }: { detail: PayoutDetailDto; timeZone: string }) {
  const { payout } = detail;
  return (
    <section className="card" aria-labelledby="payout-figures">
      <div className="card-head">
        <h2 id="payout-figures">Payout figures</h2>
        <span className="payouts-id">
          <span className="muted">Payout ID</span> <span className="mono">{payout.id}</span>
          <CopyButton value={payout.id} label="payout ID" />
        </span>
      </div>
      <div className="card-body payout-overview">
        <div className="stack">
          <dl className="states payout-figures" aria-label="Payout">
            <div className="state">
              <dt>Amount</dt>
              <dd>
                <Money amount={payout.amount} currency={payout.currency} />
              </dd>
            </div>
            <div className="state">
              <dt>Currency</dt>
              <dd>{payout.currency}</dd>
            </div>
            <div className="state">
              <dt>Status</dt>
              <dd>
                <PayoutStatusBadge status={payout.status} />
              </dd>
            </div>
            <div className="state">
              <dt>
                Date <span className="payouts-tz">({timeZone})</span>
              </dt>
              <dd>
                <ZonedDate iso={payout.date} timeZone={timeZone} />
              </dd>
            </div>
          </dl>
          <ReconciliationLine detail={detail} />
        </div>
        <PayoutTotals detail={detail} />
      </div>
    </section>
  );
}
