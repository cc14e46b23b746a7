import type { PayoutDto } from '@/lib/payouts/schema';
import { PayoutStatusBadge } from '@/components/ui/status-badge';

/** What each state means for the money, said first on a payout's page. */
function stateText(status: PayoutDto['status']): { title: string; detail: string; tone: 'success' | 'danger' | 'warning' | 'info' } {
  switch (status) {
    case 'completed':
      return { tone: 'success', title: 'Paid into your bank account', detail: 'The provider reports this payout as completed.' };
    case 'failed':
      return {
        tone: 'danger',
        title: 'Failed: the money never reached your bank',
        detail:
          'The provider reports this payout as failed; its funds are returned to the account’s balance. Check the bank details with the provider, quoting the payout ID.',
      };
    case 'retrying':
      return {
        tone: 'warning',
        title: 'Retrying: not in your bank yet',
        detail: 'A first attempt to pay out failed and the provider is trying again. Nothing has reached the bank yet.',
      };
    case 'accepted_by_bank':
      return { tone: 'info', title: 'Accepted by the bank: on its way', detail: 'The bank has accepted the transfer; it is not yet reported as paid in.' };
    case 'in_progress':
      return { tone: 'info', title: 'In progress: on its way', detail: 'The provider is sending this payout; it has not reached the bank yet.' };
    default:
      return { tone: 'info', title: 'State not reported', detail: 'The provider reports no status for this payout, so whether it reached the bank is unknown here.' };
  }
}

export function PayoutState({ status }: { status: PayoutDto['status'] }) {
  const { title, detail, tone } = stateText(status);
  return (
    <section className={`payout-state payout-state-${tone}`} aria-labelledby="payout-state-title">
      <PayoutStatusBadge status={status} />
      <div>
        <h2 id="payout-state-title">{title}</h2>
        <p>{detail}</p>
      </div>
    </section>
  );
}
