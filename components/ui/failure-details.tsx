import { CopyButton } from '@/components/ui/copy-button';

/** The HTTP status and the provider's trace id of a failure, for support; says so when there is no trace id. */
export function FailureDetails({ error }: { error: { readonly status: number | null; readonly traceId: string | null } }) {
  return (
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
  );
}

export function RetryButton({ retrying, onRetry }: { retrying: boolean; onRetry: () => void }) {
  return (
    <button type="button" className="btn" onClick={onRetry} disabled={retrying}>
      {retrying ? <span className="spin" aria-hidden /> : null}
      {retrying ? 'Retrying…' : 'Retry'}
    </button>
  );
}
