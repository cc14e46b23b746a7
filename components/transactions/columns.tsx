import Link from 'next/link';
import { payoutHref } from '@/components/payouts/links';
import { Money } from '@/components/ui/money';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { PayoutStatusBadge } from '@/components/ui/status-badge';
import { transactionTypeLabel } from '@/components/ui/labels';
import { ZonedDate } from '@/components/ui/zoned-date';
import { NoValue } from '@/components/ui/no-value';

export interface Column {
  readonly id: string;
  readonly header: string;
  readonly align?: 'right';
  readonly defaultVisible: boolean;
  render(row: TransactionDto, context: { timeZone: string; accountId: string }): React.ReactNode;
}

const text = (value: string | null) => (value ? <span className="mono">{value}</span> : <NoValue />);

export const COLUMNS: readonly Column[] = [
  { id: 'time', header: 'Time', defaultVisible: true, render: (r, { timeZone }) => <ZonedDate iso={r.transactionTime} timeZone={timeZone} withSeconds /> },
  {
    id: 'type',
    header: 'Type',
    defaultVisible: true,
    render: (r) =>
      r.type === 'other' ? (
        <span title="A type outside the provider's documented list, kept as sent">
          {r.rawType} <span className="badge">other</span>
        </span>
      ) : (
        transactionTypeLabel(r)
      ),
  },
  { id: 'sourceType', header: 'Source type', defaultVisible: false, render: (r) => r.sourceType || <NoValue /> },
  { id: 'amount', header: 'Amount', align: 'right', defaultVisible: true, render: (r) => <Money amount={r.amount} currency={r.currency} /> },
  { id: 'fee', header: 'Fee', align: 'right', defaultVisible: true, render: (r) => <Money amount={r.fee} currency={r.currency} /> },
  { id: 'net', header: 'Net', align: 'right', defaultVisible: true, render: (r) => <Money amount={r.net} currency={r.currency} /> },
  { id: 'currency', header: 'Currency', defaultVisible: false, render: (r) => r.currency },
  {
    id: 'settlement',
    header: 'Settlement',
    align: 'right',
    defaultVisible: false,
    render: (r) =>
      r.settlementAmount && r.settlementCurrency ? <Money amount={r.settlementAmount} currency={r.settlementCurrency} /> : <NoValue />,
  },
  { id: 'exchangeRate', header: 'Exchange rate', align: 'right', defaultVisible: false, render: (r) => <span className="num">{r.exchangeRate ?? <NoValue />}</span> },
  {
    id: 'payoutId',
    header: 'Payout ID',
    defaultVisible: true,
    // Out of the tab order: the row is the table's one stop, and its panel links the payout for keyboards.
    render: (r, { accountId }) =>
      r.payoutId ? (
        <Link href={payoutHref(accountId, r.payoutId)} className="mono" tabIndex={-1} onClick={(event) => event.stopPropagation()}>
          {r.payoutId}
        </Link>
      ) : (
        text(null)
      ),
  },
  {
    id: 'payoutStatus',
    header: 'Payout status',
    defaultVisible: true,
    render: (r) => (r.payoutStatus ? <PayoutStatusBadge status={r.payoutStatus} /> : <NoValue />),
  },
  { id: 'orderId', header: 'Order ID', defaultVisible: true, render: (r) => text(r.sourceOrderId) },
  { id: 'paymentId', header: 'Payment ID', defaultVisible: false, render: (r) => text(r.sourcePaymentId) },
];

export const DEFAULT_VISIBLE = COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id);
