import { FailureDetails, RetryButton } from '@/components/ui/failure-details';
import type { FlowsAccountFailureDto } from '@/lib/flows/schema';

/** The accounts "all accounts" could not read: each named with its error, above totals that leave them out. */
export function FlowsFailures({ failures, counted, retrying, onRetry }: {
  failures: readonly FlowsAccountFailureDto[];
  /** Accounts whose transactions the totals do include. */
  counted: number;
  retrying: boolean;
  onRetry: () => void;
}) {
  if (failures.length === 0) return null;
  const missing = failures.length === 1 ? 'one account' : `${failures.length} accounts`;
  return (
    <div className="stack">
      {failures.map((failure) => (
        <section
          key={failure.connectionId}
          className="alert alert-danger"
          role="alert"
          aria-label={`${failure.label} failed to load`}
        >
          <div>
            <div className="alert-title">
              {failure.providerName} · {failure.label}: transactions could not be loaded
            </div>
            <p>{failure.message}</p>
            <FailureDetails error={failure} />
          </div>
          <RetryButton retrying={retrying} onRetry={onRetry} />
        </section>
      ))}
      <p className="muted">
        {counted === 0
          ? 'No account could be read, so there are no totals to show.'
          : `Partial totals: they leave out ${missing} and cover the ${counted === 1 ? 'one account' : `${counted} accounts`} that answered.`}
      </p>
    </div>
  );
}
