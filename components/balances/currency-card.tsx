import { Money } from '@/components/ui/money';
import { LocalTime } from '@/components/ui/time';
import { ZoneLabel as AsOfZone } from '@/components/ui/zone-label';
import type { BalanceLineDto, CurrencySummaryDto } from '@/lib/balances/schema';
import { ScrollRegion } from '@/components/ui/scroll-region';

export interface CurrencyLine {
  connectionId: string;
  providerName: string;
  label: string;
  line: BalanceLineDto;
}

const STATES = [
  ['settling', 'Settling'],
  ['available', 'Settled / available'],
  ['frozen', 'Frozen'],
] as const;

/** The card's totals add up provider totals; when one of them is not available + frozen, the card says so too. */
function MismatchFlag({ currency, mismatched }: { currency: string; mismatched: CurrencyLine[] }) {
  if (mismatched.length === 0) return null;
  const names = mismatched.map(({ label, line }) => (line.subLabel ? `${label} (${line.subLabel})` : label)).join('; ');
  const count = mismatched.length === 1 ? 'a balance' : `${mismatched.length} balances`;
  return (
    <p className="alert alert-warning" role="note" aria-label={`${currency} total mismatch`}>
      <span>
        <strong>Total ≠ available + frozen.</strong> The {currency} totals include {count} whose provider total is not the
        sum of its parts: {names}. The provider&apos;s total is shown, not corrected.
      </span>
    </p>
  );
}

export function CurrencyCard({ summary, lines }: { summary: CurrencySummaryDto; lines: CurrencyLine[] }) {
  const headingId = `currency-${summary.currency}`;
  const mismatched = lines.filter(({ line }) => line.warnings.some((w) => w.kind === 'total_mismatch'));
  return (
    <section className="card card-offscreen" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{summary.currency}</h2>
        <span className="muted">
          {lines.length} {lines.length === 1 ? 'balance' : 'balances'}
          {mismatched.length > 0 && (
            <>
              {' '}
              <span className="badge badge-warning">{mismatched.length} mismatch{mismatched.length === 1 ? '' : 'es'}</span>
            </>
          )}
        </span>
      </div>
      <div className="card-body">
        <MismatchFlag currency={summary.currency} mismatched={mismatched} />
        <dl className="states" aria-label={`${summary.currency} totals`}>
          {STATES.map(([key, label]) => (
            <div className="state" key={key}>
              <dt>{label}</dt>
              <dd>
                <Money amount={summary[key]} currency={summary.currency} />
              </dd>
            </div>
          ))}
          <div className="state">
            <dt>Total</dt>
            <dd>
              <Money amount={summary.total} currency={summary.currency} />
            </dd>
          </div>
        </dl>
        <ScrollRegion label={`${summary.currency} balances by account`}>
          <table className="data balances-table" aria-label={`${summary.currency} balances by account`}>
            <colgroup>
              <col className="account" />
              <col span={4} />
              <col className="as-of" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" className="right">Settling</th>
                <th scope="col" className="right">Settled / available</th>
                <th scope="col" className="right">Frozen</th>
                <th scope="col" className="right">Total</th>
                <th scope="col" className="as-of">As of <AsOfZone /></th>
              </tr>
            </thead>
            <tbody>
              {lines.map(({ connectionId, providerName, label, line }) => (
                <tr key={`${connectionId}:${line.key}`}>
                  <th scope="row">
                    {label}
                    {!label.includes(providerName) && <div className="muted">{providerName}</div>}
                    {line.subLabel && <div className="faint mono">{line.subLabel}</div>}
                    {line.warnings.map((w) => (
                      <div key={w.kind}>
                        <span
                          className="badge badge-warning"
                          title={`The provider reports a total of ${w.reportedTotal}, but available + frozen is ${w.sumOfParts}.`}
                        >
                          Total ≠ available + frozen ({w.sumOfParts})
                        </span>
                      </div>
                    ))}
                  </th>
                  <td className="right"><Money amount={line.settling} currency={line.currency} /></td>
                  <td className="right"><Money amount={line.available} currency={line.currency} /></td>
                  <td className="right"><Money amount={line.frozen} currency={line.currency} /></td>
                  <td className="right"><Money amount={line.total} currency={line.currency} /></td>
                  <td className="muted"><LocalTime iso={line.asOf} withDate /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </section>
  );
}
