import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { MouseEvent } from 'react';
import { Money } from '@/components/ui/money';
import { CopyButton } from '@/components/ui/copy-button';
import type { PayoutsQuery } from '@/lib/list-query/payouts';
import type { PayoutDto } from '@/lib/payouts/schema';
import { payoutHref } from './links';
import { PayoutStatusBadge } from '@/components/ui/status-badge';
import { ZonedDate } from '@/components/ui/zoned-date';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** A click anywhere on a row opens it, except on its own link and buttons or while selecting text. */
function isPlainRowClick(event: MouseEvent<HTMLTableRowElement>): boolean {
  const target = event.target as HTMLElement;
  return !target.closest('a, button') && !window.getSelection()?.toString();
}

export function PayoutsTable({
  items,
  accountId,
  listQuery,
  timeZone,
}: {
  items: readonly PayoutDto[];
  accountId: string;
  listQuery: PayoutsQuery;
  timeZone: string;
}) {
  const router = useRouter();
  return (
    <ScrollRegion label="Payouts">
      <table className="data payouts-table" aria-label="Payouts">
        <thead>
          <tr>
            <th scope="col">
              Date <span className="payouts-tz">({timeZone})</span>
            </th>
            <th scope="col">Payout ID</th>
            <th scope="col">Status</th>
            <th scope="col" className="right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((payout) => {
            const href = payoutHref(accountId, payout.id, listQuery);
            return (
              <tr key={payout.id} className="clickable" onClick={(event) => isPlainRowClick(event) && router.push(href)}>
                <td>
                  <ZonedDate iso={payout.date} timeZone={timeZone} />
                </td>
                <td>
                  <span className="payouts-id">
                    <Link href={href} className="mono" aria-label={`Payout ${payout.id}`}>
                      {payout.id}
                    </Link>
                    <CopyButton value={payout.id} label={`payout ID ${payout.id}`} />
                  </span>
                </td>
                <td>
                  <PayoutStatusBadge status={payout.status} />
                </td>
                <td className="right">
                  <Money amount={payout.amount} currency={payout.currency} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
