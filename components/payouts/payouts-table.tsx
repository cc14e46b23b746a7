import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { CopyButton } from '@/components/ui/copy-button';
import { DataTable, type TableColumn } from '@/components/ui/data-table';
import { formatMoney } from '@/components/ui/format-money';
import { payoutStatusLabel } from '@/components/ui/labels';
import { Money } from '@/components/ui/money';
import { PayoutStatusBadge } from '@/components/ui/status-badge';
import { formatZonedDate, ZonedDate } from '@/components/ui/zoned-date';
import type { PayoutsQuery } from '@/lib/list-query/payouts-url';
import type { PayoutDto } from '@/lib/payouts/schema';
import { payoutHref } from './links';

function columns(timeZone: string, href: (payout: PayoutDto) => string): TableColumn<PayoutDto>[] {
  return [
    {
      id: 'date',
      header: (
        <>
          Date <span className="payouts-tz">({timeZone})</span>
        </>
      ),
      cell: (payout) => <ZonedDate iso={payout.date} timeZone={timeZone} />,
    },
    {
      id: 'id',
      header: 'Payout ID',
      // Out of the tab order: the row is the table's one stop and opens the payout; its detail has Copy too.
      cell: (payout) => (
        <span className="payouts-id">
          <Link href={href(payout)} className="mono" tabIndex={-1}>
            {payout.id}
          </Link>
          <CopyButton value={payout.id} label={`payout ID ${payout.id}`} tabIndex={-1} />
        </span>
      ),
    },
    { id: 'status', header: 'Status', cell: (payout) => <PayoutStatusBadge status={payout.status} /> },
    { id: 'amount', header: 'Amount', align: 'right', cell: (payout) => <Money amount={payout.amount} currency={payout.currency} /> },
  ];
}

export function PayoutsTable({
  items,
  accountId,
  listQuery,
  timeZone,
  empty,
}: {
  items: readonly PayoutDto[];
  accountId: string;
  listQuery: PayoutsQuery;
  timeZone: string;
  empty: React.ReactNode;
}) {
  const router = useRouter();
  const href = (payout: PayoutDto) => payoutHref(accountId, payout.id, listQuery);
  return (
    <DataTable
      name="Payouts"
      className="payouts-table"
      columns={columns(timeZone, href)}
      rows={items}
      rowKey={(payout) => payout.id}
      rowLabel={(payout) => payoutRowLabel(payout, timeZone)}
      onOpen={(payout) => router.push(href(payout))}
      empty={empty}
    />
  );
}

/** A row as a screen reader says it: its state, amount and date first, its id last ("In progress USD 3,357.78, 2026-12-01, payout 2010…"). */
export function payoutRowLabel(payout: PayoutDto, timeZone: string): string {
  const state = payout.status === null ? 'Status not reported' : payoutStatusLabel(payout.status);
  return `${state} ${formatMoney(payout.amount, payout.currency)}, ${formatZonedDate(payout.date, timeZone)}, payout ${payout.id}`;
}
