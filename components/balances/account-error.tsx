import { CopyButton } from '@/components/ui/copy-button';
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
        <p className="muted">
          {error.status !== null && <>HTTP {error.status} · </>}
          {error.traceId ? (
            <>
              Trace ID <span className="mono">{error.traceId}</span> <CopyButton value={error.traceId} label="trace ID" />
            </>
          ) : (
            'No trace ID from the provider.'
          )}
        </p>
      </div>
      <button type="button" className="btn" onClick={onRetry} disabled={retrying}>
        {retrying ? <span className="spin" aria-hidden /> : null}
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </section>
  );
}
