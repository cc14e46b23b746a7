'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { payoutHref } from '@/components/payouts/links';
import { CopyButton } from '@/components/ui/copy-button';
import { Money } from '@/components/ui/money';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { payoutStatusLabel, transactionTypeLabel } from '@/components/ui/labels';
import { formatZoned } from '@/components/ui/zoned-date';
import { NoValue } from '@/components/ui/no-value';

function Id({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>
        {value ? (
          <>
            <span className="mono">{value}</span> <CopyButton value={value} label={label} />
          </>
        ) : (
          <NoValue />
        )}
      </dd>
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Every field of one transaction, in a modal dialog (Escape closes it, focus returns to the row). */
export function DetailPanel({
  row,
  timeZone,
  accountId,
  onClose,
}: {
  row: TransactionDto | null;
  timeZone: string;
  accountId: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (row && !element.open) element.showModal();
    if (!row && element.open) element.close();
  }, [row]);

  return (
    <dialog ref={dialog} className="side-panel" aria-labelledby="detail-title" onClose={onClose}>
      {row && (
        <div className="stack">
          <div className="toolbar" style={{ justifyContent: 'space-between' }}>
            <h2 id="detail-title">{transactionTypeLabel(row)}</h2>
            <button type="button" className="btn btn-small" onClick={onClose}>
              Close
            </button>
          </div>
          <div className="currency-total">
            <Money amount={row.net} currency={row.currency} /> <span className="muted" style={{ fontSize: 14 }}>net</span>
          </div>
          <dl className="detail-list">
            <Id label="Transaction ID" value={row.id} />
            <Field label="Type">{row.rawType}</Field>
            <Field label="Source type">{row.sourceType || <NoValue />}</Field>
            <Field label="Amount"><Money amount={row.amount} currency={row.currency} /></Field>
            <Field label="Fee"><Money amount={row.fee} currency={row.currency} /></Field>
            <Field label="Net"><Money amount={row.net} currency={row.currency} /></Field>
            <Field label="Settlement">
              {row.settlementAmount && row.settlementCurrency ? <Money amount={row.settlementAmount} currency={row.settlementCurrency} /> : <NoValue />}
            </Field>
            <Field label="Exchange rate"><span className="num">{row.exchangeRate ?? <NoValue />}</span></Field>
            <Field label="Transaction time">
              {formatZoned(row.transactionTime, timeZone, true)} <span className="faint mono">{row.transactionTime}</span>
            </Field>
            <Field label="Processed at">{row.processedAt ? formatZoned(row.processedAt, timeZone, true) : <NoValue />}</Field>
            <Id label="Payout ID" value={row.payoutId} />
            {row.payoutId && (
              <Field label="Payout">
                <Link href={payoutHref(accountId, row.payoutId)}>Open payout {row.payoutId}</Link>
              </Field>
            )}
            <Field label="Payout status">{row.payoutStatus ? payoutStatusLabel(row.payoutStatus) : <NoValue />}</Field>
            <Id label="Order ID" value={row.sourceOrderId} />
            <Id label="Order transaction ID" value={row.sourceOrderTransactionId} />
            <Id label="Payment ID" value={row.sourcePaymentId} />
          </dl>
        </div>
      )}
    </dialog>
  );
}
