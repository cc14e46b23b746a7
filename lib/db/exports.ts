import 'server-only';
import { z } from 'zod';
import { storedFiltersSchema, storedOptionsSchema, type StoredFilters, type StoredOptions } from '@/lib/exports/audit-schema';
import type { Queryable } from './types';

/** The export audit: one row per CSV export, written when it starts and completed when it ends. */

export const EXPORT_OUTCOMES = ['running', 'completed', 'failed', 'cancelled'] as const;
export type ExportOutcome = (typeof EXPORT_OUTCOMES)[number];
export type FinishedOutcome = Exclude<ExportOutcome, 'running'>;

export interface ExportAudit {
  readonly id: string;
  readonly seq: number;
  readonly organizationId: string;
  readonly userId: string | null;
  readonly userEmail: string;
  readonly connectionId: string;
  readonly connectionLabel: string;
  readonly filters: StoredFilters;
  readonly options: StoredOptions;
  readonly fileName: string;
  readonly outcome: ExportOutcome;
  readonly rowCount: number;
  readonly providerPages: number;
  readonly errorMessage: string | null;
  readonly errorTraceId: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  /** The last heartbeat of the server writing the file (see recordExportProgress). */
  readonly aliveAt: Date;
}

/** What an export is recorded with when it starts; it always has a user then. */
export interface NewExportAudit
  extends Pick<ExportAudit, 'organizationId' | 'userEmail' | 'connectionId' | 'connectionLabel' | 'filters' | 'options' | 'fileName'> {
  readonly userId: string;
}

export interface ExportEnding {
  readonly outcome: FinishedOutcome;
  readonly rowCount: number;
  readonly providerPages: number;
  readonly errorMessage?: string | null;
  readonly errorTraceId?: string | null;
}

interface ExportAuditRow {
  id: string;
  seq: number;
  organization_id: string;
  user_id: string | null;
  user_email: string;
  connection_id: string;
  connection_label: string;
  filters: unknown;
  options: unknown;
  file_name: string;
  outcome: string;
  row_count: number;
  provider_pages: number;
  error_message: string | null;
  error_trace_id: string | null;
  started_at: Date;
  finished_at: Date | null;
  alive_at: Date;
}

const COLUMNS = `id, seq, organization_id, user_id, user_email, connection_id, connection_label, filters, options,
  file_name, outcome, row_count, provider_pages, error_message, error_trace_id, started_at, finished_at, alive_at`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toAudit(row: ExportAuditRow): ExportAudit {
  return {
    id: row.id,
    seq: Number(row.seq),
    organizationId: row.organization_id,
    userId: row.user_id,
    userEmail: row.user_email,
    connectionId: row.connection_id,
    connectionLabel: row.connection_label,
    filters: storedFiltersSchema.parse(row.filters),
    options: storedOptionsSchema.parse(row.options),
    fileName: row.file_name,
    outcome: z.enum(EXPORT_OUTCOMES).parse(row.outcome),
    rowCount: Number(row.row_count),
    providerPages: Number(row.provider_pages),
    errorMessage: row.error_message,
    errorTraceId: row.error_trace_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    aliveAt: row.alive_at,
  };
}

export async function insertExportAudit(db: Queryable, input: NewExportAudit): Promise<ExportAudit> {
  const [row] = await db.query<ExportAuditRow>(
    `insert into export_audits
       (organization_id, user_id, user_email, connection_id, connection_label, filters, options, file_name)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8) returning ${COLUMNS}`,
    [
      input.organizationId,
      input.userId,
      input.userEmail,
      input.connectionId,
      input.connectionLabel,
      JSON.stringify(storedFiltersSchema.parse(input.filters)),
      JSON.stringify(storedOptionsSchema.parse(input.options)),
      input.fileName,
    ],
  );
  if (!row) throw new Error('insert into export_audits returned no row');
  return toAudit(row);
}

/** The user's exports still running, not counting those whose server stopped (no heartbeat for `staleAfterMs`). */
export async function countRunningExports(db: Queryable, userId: string, staleAfterMs: number): Promise<number> {
  const [row] = await db.query<{ running: string | number }>(
    `select count(*) as running from export_audits
     where user_id = $1 and outcome = 'running' and alive_at > now() - ($2::integer * interval '1 millisecond')`,
    [userId, staleAfterMs],
  );
  return Number(row?.running ?? 0);
}

/** Records how a running export ended; false when it had already ended (the first ending stands). */
export async function finishExportAudit(db: Queryable, id: string, ending: ExportEnding): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update export_audits
     set outcome = $2, row_count = $3, provider_pages = $4, error_message = $5, error_trace_id = $6, finished_at = now()
     where id = $1 and outcome = 'running' returning id`,
    [id, ending.outcome, ending.rowCount, ending.providerPages, ending.errorMessage ?? null, ending.errorTraceId ?? null],
  );
  return rows.length > 0;
}

/** A running export's heartbeat: its progress so far, and that its server is still writing it. */
export async function recordExportProgress(db: Queryable, id: string, progress: { readonly rowCount: number; readonly providerPages: number }): Promise<void> {
  await db.query(
    `update export_audits set row_count = $2, provider_pages = $3, alive_at = now() where id = $1 and outcome = 'running'`,
    [id, progress.rowCount, progress.providerPages],
  );
}

/** The organization's exports, newest first; `beforeSeq` continues a list after its last row. */
export async function listExportAudits(
  db: Queryable,
  organizationId: string,
  page: { readonly limit: number; readonly beforeSeq?: number },
): Promise<ExportAudit[]> {
  if (!UUID.test(organizationId)) return [];
  const rows = await db.query<ExportAuditRow>(
    `select ${COLUMNS} from export_audits
     where organization_id = $1 and ($2::integer is null or seq < $2::integer)
     order by seq desc limit $3`,
    [organizationId, page.beforeSeq ?? null, page.limit],
  );
  return rows.map(toAudit);
}

/** One export of the organization; null for an unknown id or another organization's. */
export async function getExportAudit(db: Queryable, organizationId: string, id: string): Promise<ExportAudit | null> {
  if (!UUID.test(organizationId) || !UUID.test(id)) return null;
  const [row] = await db.query<ExportAuditRow>(`select ${COLUMNS} from export_audits where organization_id = $1 and id = $2`, [
    organizationId,
    id,
  ]);
  return row ? toAudit(row) : null;
}

/** An export job's audit record, written once when the job ends: who, what, how many rows, how it ended. */
export async function insertEndedExportAudit(
  db: Queryable,
  input: NewExportAudit & { readonly startedAt: Date; readonly ending: ExportEnding },
): Promise<void> {
  await db.query(
    `insert into export_audits
       (organization_id, user_id, user_email, connection_id, connection_label, filters, options, file_name, outcome, row_count,
        provider_pages, error_message, error_trace_id, started_at, finished_at, alive_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, now(), now())`,
    [
      input.organizationId,
      input.userId,
      input.userEmail,
      input.connectionId,
      input.connectionLabel,
      JSON.stringify(storedFiltersSchema.parse(input.filters)),
      JSON.stringify(storedOptionsSchema.parse(input.options)),
      input.fileName,
      input.ending.outcome,
      input.ending.rowCount,
      input.ending.providerPages,
      input.ending.errorMessage ?? null,
      input.ending.errorTraceId ?? null,
      input.startedAt,
    ],
  );
}
