import 'server-only';
import { getDb } from '@/lib/db';
import { getExportAudit, listExportAudits, type ExportAudit } from '@/lib/db/exports';
import { ApiError, notFound } from '@/lib/http/api-error';
import type { ExportAuditQuery } from './audit-query';
import type { ExportAuditDto, ExportAuditPageDto } from './audit-schema';

/** Reading the export audit: admins see the organization's, everyone else only their own. */

/**
 * Streamed exports (before export jobs) recorded a heartbeat this often while they ran; export jobs write
 * their audit record once, when they end, so only such older records can still be "running".
 */
export const EXPORT_HEARTBEAT_MS = 10_000;
/** A running streamed export without a heartbeat for this long lost its server (a restart or a crash). */
export const EXPORT_STALE_AFTER_MS = 6 * EXPORT_HEARTBEAT_MS;

const INTERRUPTED = 'The server stopped before the file was finished, so the download did not complete.';

export function toExportAuditDto(audit: ExportAudit, now: Date = new Date()): ExportAuditDto {
  const interrupted = audit.outcome === 'running' && now.getTime() - audit.aliveAt.getTime() > EXPORT_STALE_AFTER_MS;
  return {
    id: audit.id,
    number: audit.seq,
    user: { id: audit.userId, email: audit.userEmail },
    account: { id: audit.connectionId, label: audit.connectionLabel },
    filters: audit.filters,
    options: audit.options,
    fileName: audit.fileName,
    outcome: interrupted ? 'interrupted' : audit.outcome,
    rows: audit.rowCount,
    providerPages: audit.providerPages,
    error: interrupted
      ? { message: INTERRUPTED, traceId: null }
      : audit.errorMessage === null
        ? null
        : { message: audit.errorMessage, traceId: audit.errorTraceId },
    startedAt: audit.startedAt.toISOString(),
    finishedAt: audit.finishedAt?.toISOString() ?? null,
  };
}

// The cursor is the last row's sequence number; the organization filter, not the cursor, keeps tenants apart.
const CURSOR = /^\d{1,10}$/;

function beforeSeq(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!CURSOR.test(cursor)) throw new ApiError(400, 'invalid_parameter', 'Invalid query parameter "cursor": not a cursor from this list.');
  return Number(cursor);
}

export async function listExportAuditDtos(organizationId: string, query: ExportAuditQuery): Promise<ExportAuditPageDto> {
  const rows = await listExportAudits(await getDb(), organizationId, { limit: query.limit + 1, beforeSeq: beforeSeq(query.cursor) });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const now = new Date();
  return { items: items.map((audit) => toExportAuditDto(audit, now)), nextCursor: rows.length > query.limit && last ? String(last.seq) : null };
}

/** One export; another user's is a 404 unless the reader is an admin. */
export async function readExportAudit(
  user: { readonly organizationId: string; readonly userId: string; readonly role: string },
  exportId: string,
): Promise<ExportAuditDto> {
  const audit = await getExportAudit(await getDb(), user.organizationId, exportId);
  if (!audit || (user.role !== 'admin' && audit.userId !== user.userId)) throw notFound('Export');
  return toExportAuditDto(audit);
}
