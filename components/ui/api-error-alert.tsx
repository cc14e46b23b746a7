import { CopyButton } from '@/components/ui/copy-button';
import { ApiClientError } from '@/lib/query/fetch-json';

/** Retry only what may pass on a second try: network failures and 5xx, never 4xx. */
export function retryServerErrors(failureCount: number, error: Error): boolean {
  return failureCount < 1 && !(error instanceof ApiClientError && error.status < 500);
}

export function ApiErrorAlert({
  title,
  error,
  retrying,
  onRetry,
  children,
}: {
  title: string;
  error: Error;
  retrying: boolean;
  onRetry: () => void;
  children?: React.ReactNode;
}) {
  const traceId = error instanceof ApiClientError ? error.traceId : null;
  const status = error instanceof ApiClientError ? error.status : null;
  return (
    <section className="alert alert-danger" role="alert" aria-label={title}>
      <div>
        <div className="alert-title">{title}</div>
        <p>{error instanceof ApiClientError ? error.message : 'The server could not be reached. Check your connection.'}</p>
        {(status !== null || traceId) && (
          <p className="muted">
            {status !== null && <>HTTP {status}</>}
            {traceId && (
              <>
                {status !== null && ' · '}Trace ID <span className="mono">{traceId}</span>{' '}
                <CopyButton value={traceId} label="trace ID" />
              </>
            )}
          </p>
        )}
      </div>
      <div className="toolbar alert-actions">
        {children}
        <button type="button" className="btn" onClick={onRetry} disabled={retrying}>
          {retrying && <span className="spin" aria-hidden />}
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </section>
  );
}
