import { formatCount } from '@/lib/format/numbers';
import Link from 'next/link';
import { useState } from 'react';
import { ExportButton } from '@/components/exports/export-button';
import type { PayoutDetailDto } from '@/lib/payouts/schema';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { transactionTypeLabel } from '@/components/ui/labels';
import { ZonedDate } from '@/components/ui/zoned-date';
import { DataTable, moneyColumn, type TableColumn } from '@/components/ui/data-table';
import { NoValue } from '@/components/ui/no-value';

const FIRST_ROWS = 100;

const none = <NoValue />;

function payoutTransactionColumns(timeZone: string): TableColumn<TransactionDto>[] {
  return [
    { id: 'time', header: 'Time', cell: (row) => <ZonedDate iso={row.transactionTime} timeZone={timeZone} withSeconds /> },
    {
      id: 'type',
      header: 'Type',
      cell: (row) => (
        <>
          {transactionTypeLabel(row)}
          {row.type === 'payout' && <span className="faint"> · not in totals</span>}
        </>
      ),
    },
    { id: 'sourceType', header: 'Source type', className: 'muted', cell: (row) => row.sourceType || none },
    moneyColumn('amount', 'Amount', (row) => row.amount),
    moneyColumn('fee', 'Fee', (row) => row.fee),
    moneyColumn('net', 'Net', (row) => row.net),
    { id: 'orderId', header: 'Order ID', className: 'mono', cell: (row) => row.sourceOrderId ?? none },
  ];
}

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
            {/* One text: as several text nodes, Orca spoke the count as a phrase of its own ("20." then "transactions…"). */}
            <p className="muted payouts-note">
              {`${formatCount(transactionCount)} ${transactionCount === 1 ? 'transaction' : 'transactions'}, newest first, times in ${timeZone}${
                transactions.length < transactionCount ? ` (the newest ${formatCount(transactions.length)} are listed here)` : ''
              }.`}
            </p>
            <DataTable
              name="Payout transactions"
              columns={payoutTransactionColumns(timeZone)}
              rows={rows}
              rowKey={(row) => row.id}
              rowClassName={(row) => (row.type === 'payout' ? 'payouts-payout-line' : undefined)}
            />
            {rows.length < transactions.length && (
              <button type="button" className="btn payouts-show-all" onClick={() => setShowAll(true)}>
                Show all {formatCount(transactions.length)} rows
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
