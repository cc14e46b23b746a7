import Link from 'next/link';
import { useState } from 'react';
import { ExportButton } from '@/components/exports/export-button';
import { Money } from '@/components/ui/money';
import type { PayoutDetailDto } from '@/lib/payouts/schema';
import { transactionTypeLabel } from '@/components/ui/labels';
import { ZonedDate } from '@/components/ui/zoned-date';
import { ScrollRegion } from '@/components/ui/scroll-region';

const FIRST_ROWS = 100;

export function PayoutTransactions({
  accountId,
  detail,
  timeZone,
  transactionsHref,
}: {
  accountId: string;
  detail: PayoutDetailDto;
  timeZone: string;
  transactionsHref: string;
}) {
  const [showAll, setShowAll] = useState(false);
  const { transactions, transactionCount, totals } = detail;
  // Rendering thousands of rows at once freezes the page; the full list lives in Transactions anyway.
  const rows = showAll ? transactions : transactions.slice(0, FIRST_ROWS);
  return (
    <section className="card" aria-labelledby="payout-transactions">
      <div className="card-head">
        <h2 id="payout-transactions">Transactions</h2>
        <div className="toolbar">
          <Link href={transactionsHref}>Open in Transactions</Link>
          <ExportButton connectionId={accountId} merchantTimeZone={timeZone} kind="payout" payoutId={detail.payout.id} />
        </div>
      </div>
      <div className="card-body stack">
        {totals === null ? (
          <p className="muted">This provider does not list the transactions of a payout.</p>
        ) : (
          <>
            <p className="muted payouts-note">
              {transactionCount.toLocaleString('en-US')} {transactionCount === 1 ? 'transaction' : 'transactions'}, newest
              first, times in {timeZone}
              {transactions.length < transactionCount && ` (the newest ${transactions.length.toLocaleString('en-US')} are listed here)`}.
            </p>
            <ScrollRegion label="Payout transactions">
              <table className="data" aria-label="Payout transactions">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Type</th>
                    <th scope="col">Source type</th>
                    <th scope="col" className="right">Amount</th>
                    <th scope="col" className="right">Fee</th>
                    <th scope="col" className="right">Net</th>
                    <th scope="col">Order ID</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} className={row.type === 'payout' ? 'payouts-payout-line' : undefined}>
                      <td><ZonedDate iso={row.transactionTime} timeZone={timeZone} withSeconds /></td>
                      <td>
                        {transactionTypeLabel(row)}
                        {row.type === 'payout' && <span className="faint"> · not in totals</span>}
                      </td>
                      <td className="muted">{row.sourceType || '—'}</td>
                      <td className="right"><Money amount={row.amount} currency={row.currency} /></td>
                      <td className="right"><Money amount={row.fee} currency={row.currency} /></td>
                      <td className="right"><Money amount={row.net} currency={row.currency} /></td>
                      <td className="mono">{row.sourceOrderId ?? <span className="faint">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            {rows.length < transactions.length && (
              <button type="button" className="btn payouts-show-all" onClick={() => setShowAll(true)}>
                Show all {transactions.length.toLocaleString('en-US')} rows
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
