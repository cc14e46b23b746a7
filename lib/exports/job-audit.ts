import 'server-only';
import type { ExportJob } from '@/lib/db/export-jobs';
import { insertEndedExportAudit } from '@/lib/db/exports';
import type { Queryable } from '@/lib/db/types';
import { ApiError } from '@/lib/http/api-error';
import { log } from '@/lib/log';
import { ProviderApiError } from '@/lib/connections/provider-call';

/** A safe account of why a job failed: the provider's message and trace id, or a generic line. */
export function failureOf(error: unknown): { message: string; traceId: string | null } {
  if (error instanceof ProviderApiError) return { message: error.message, traceId: error.traceId };
  if (error instanceof ApiError) return { message: error.message, traceId: null };
  log.error('export.unexpected', { error: error instanceof Error ? error.name : 'unknown' });
  return { message: 'Something went wrong on our side while writing the file.', traceId: null };
}

/** The audit record of an ended job (written once, by whoever ended it) and its log line. */
export async function recordJobAudit(db: Queryable, job: ExportJob): Promise<void> {
  if (job.state === 'queued' || job.state === 'running') return;
  const ms = (job.finishedAt ?? new Date()).getTime() - job.createdAt.getTime();
  try {
    await insertEndedExportAudit(db, {
      organizationId: job.organizationId,
      userId: job.userId,
      userEmail: job.userEmail,
      connectionId: job.connectionId,
      connectionLabel: job.connectionLabel,
      filters: job.filters,
      options: job.options,
      fileName: job.fileName,
      startedAt: job.createdAt,
      ending: {
        outcome: job.state,
        rowCount: job.rowCount,
        providerPages: job.providerPages,
        errorMessage: job.errorMessage,
        errorTraceId: job.errorTraceId,
      },
    });
  } catch (error) {
    log.error('export.audit_failed', { exportId: job.id, error: error instanceof Error ? error.name : 'unknown' });
  }
  log.info('export.finished', { exportId: job.id, format: job.format, outcome: job.state, rows: job.rowCount, providerPages: job.providerPages, ms });
}
