import { CopyButton } from '@/components/ui/copy-button';
import { ApiClientError } from '@/lib/query/fetch-json';

export function TransactionsError({ error, onRetry, onStartOver }: { error: Error; onRetry: () => void; onStartOver?: () => void }) {
  const traceId = error instanceof ApiClientError ? error.traceId : null;
  return (
    <div className="alert alert-danger" role="alert" aria-label="Transactions could not be loaded">
      <div>
        <div className="alert-title">Transactions could not be loaded</div>
        <p>{error.message}</p>
        {traceId && (
          <p className="muted">
            Trace ID <span className="mono">{traceId}</span> <CopyButton value={traceId} label="trace ID" />
          </p>
        )}
      </div>
      <div className="toolbar">
        {onStartOver && (
          <button type="button" className="btn" onClick={onStartOver}>
            Start over
          </button>
        )}
        <button type="button" className="btn" onClick={onRetry}>
          Retry
        </button>
      </div>
    </div>
  );
}
