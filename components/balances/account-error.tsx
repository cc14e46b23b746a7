import { FailureDetails, RetryButton } from '@/components/ui/failure-details';
import type { AccountBalancesDto } from '@/lib/balances/schema';

type FailedAccount = Extract<AccountBalancesDto, { status: 'error' }>;

export function AccountError({ account, retrying, onRetry }: { account: FailedAccount; retrying: boolean; onRetry: () => void }) {
  const { error } = account;
  return (
    <section className="alert alert-danger" role="alert" aria-label={`${account.label} failed to load`}>
      <div>
        <div className="alert-title">
          {account.providerName} · {account.label}: balances could not be loaded
        </div>
        <p>{error.message}</p>
        <FailureDetails error={error} />
      </div>
      <RetryButton retrying={retrying} onRetry={onRetry} />
    </section>
  );
}
