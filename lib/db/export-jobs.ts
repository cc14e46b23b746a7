import 'server-only';
import { z } from 'zod';
import { storedFiltersSchema, storedOptionsSchema, type StoredFilters, type StoredOptions } from '@/lib/exports/audit-schema';
import { PROVIDER_IDS, type ProviderId } from '@/lib/providers/types';
import type { Db, Queryable } from './types';

/**
 * Export jobs and their files. A job's progress (provider cursor, rows, pages) and the file chunk that
 * covers it are written in one transaction, by the worker holding the job's current `attempt` only: a
 * worker that lost the job (it stalled and another took over, or the job was cancelled) writes nothing.
 */

export const JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportJob {
  readonly id: string;
  readonly seq: number;
  readonly organizationId: string;
  readonly userId: string;
  readonly userEmail: string;
  readonly connectionId: string;
  readonly connectionLabel: string;
  readonly provider: ProviderId;
  readonly format: ExportFormat;
  /** The export's query string as requested (filters and options), parsed again by the worker. */
  readonly requestQuery: string;
  readonly filters: StoredFilters;
  readonly options: StoredOptions;
  readonly fileName: string;
  readonly state: JobState;
  readonly attempt: number;
  /** Where the next provider page starts; null with `startedWalk` false = the first page. */
  readonly cursor: string | null;
  readonly startedWalk: boolean;
  readonly pageSize: number;
  readonly rowCount: number;
  readonly providerPages: number;
  readonly chunkCount: number;
  /** Bytes of the file as served (uncompressed). */
  readonly byteCount: number;
  readonly storedBytes: number;
  /** The oldest row written so far, and the bounds of the filtered range: what the time-left estimate reads. */
  readonly oldestRowAt: Date | null;
  readonly walkFrom: Date | null;
  readonly walkTo: Date | null;
  readonly sha256: string | null;
  readonly errorMessage: string | null;
  readonly errorTraceId: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly aliveAt: Date;
  readonly expiresAt: Date;
}

export type NewExportJob = Pick<
  ExportJob,
  'organizationId' | 'userId' | 'userEmail' | 'connectionId' | 'connectionLabel' | 'provider' | 'format' | 'requestQuery' | 'filters' | 'options' | 'fileName' | 'pageSize' | 'walkFrom' | 'walkTo'
>;

const COLUMNS = `id, seq, organization_id, user_id, user_email, connection_id, connection_label, provider, format, request_query, filters,
  options, file_name, state, attempt, cursor, started_walk, page_size, row_count, provider_pages, chunk_count, byte_count,
  stored_bytes, oldest_row_at, walk_from, walk_to, sha256, error_message, error_trace_id, created_at, started_at, finished_at, alive_at, expires_at`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rowSchema = z.object({
  id: z.string(),
  seq: z.coerce.number(),
  organization_id: z.string(),
  user_id: z.string(),
  user_email: z.string(),
  connection_id: z.string(),
  connection_label: z.string(),
  provider: z.enum(PROVIDER_IDS),
  format: z.enum(EXPORT_FORMATS),
  request_query: z.string(),
  filters: storedFiltersSchema,
  options: storedOptionsSchema,
  file_name: z.string(),
  state: z.enum(JOB_STATES),
  attempt: z.coerce.number(),
  cursor: z.string().nullable(),
  started_walk: z.boolean(),
  page_size: z.coerce.number(),
  row_count: z.coerce.number(),
  provider_pages: z.coerce.number(),
  chunk_count: z.coerce.number(),
  byte_count: z.coerce.number(),
  stored_bytes: z.coerce.number(),
  oldest_row_at: z.date().nullable(),
  walk_from: z.date().nullable(),
  walk_to: z.date().nullable(),
  sha256: z.string().nullable(),
  error_message: z.string().nullable(),
  error_trace_id: z.string().nullable(),
  created_at: z.date(),
  started_at: z.date().nullable(),
  finished_at: z.date().nullable(),
  alive_at: z.date(),
  expires_at: z.date(),
});

function toJob(raw: unknown): ExportJob {
  const row = rowSchema.parse(raw);
  return {
    id: row.id,
    seq: row.seq,
    organizationId: row.organization_id,
    userId: row.user_id,
    userEmail: row.user_email,
    connectionId: row.connection_id,
    connectionLabel: row.connection_label,
    provider: row.provider,
    format: row.format,
    requestQuery: row.request_query,
    filters: row.filters,
    options: row.options,
    fileName: row.file_name,
    state: row.state,
    attempt: row.attempt,
    cursor: row.cursor,
    startedWalk: row.started_walk,
    pageSize: row.page_size,
    rowCount: row.row_count,
    providerPages: row.provider_pages,
    chunkCount: row.chunk_count,
    byteCount: row.byte_count,
    storedBytes: row.stored_bytes,
    oldestRowAt: row.oldest_row_at,
    walkFrom: row.walk_from,
    walkTo: row.walk_to,
    sha256: row.sha256,
    errorMessage: row.error_message,
    errorTraceId: row.error_trace_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    aliveAt: row.alive_at,
    expiresAt: row.expires_at,
  };
}

export async function insertExportJob(db: Queryable, input: NewExportJob): Promise<ExportJob> {
  const [row] = await db.query(
    `insert into export_jobs (organization_id, user_id, user_email, connection_id, connection_label, provider, format,
       request_query, filters, options, file_name, page_size, walk_from, walk_to)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13, $14) returning ${COLUMNS}`,
    [
      input.organizationId,
      input.userId,
      input.userEmail,
      input.connectionId,
      input.connectionLabel,
      input.provider,
      input.format,
      input.requestQuery,
      JSON.stringify(storedFiltersSchema.parse(input.filters)),
      JSON.stringify(storedOptionsSchema.parse(input.options)),
      input.fileName,
      input.pageSize,
      input.walkFrom,
      input.walkTo,
    ],
  );
  return toJob(row);
}

/** Any job by id: for the worker, which has no session. */
export async function getExportJobById(db: Queryable, id: string): Promise<ExportJob | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.query(`select ${COLUMNS} from export_jobs where id = $1`, [id]);
  return row ? toJob(row) : null;
}

/** One job of the organization; null for an unknown id or another organization's. */
export async function getExportJob(db: Queryable, organizationId: string, id: string): Promise<ExportJob | null> {
  if (!UUID.test(organizationId) || !UUID.test(id)) return null;
  const [row] = await db.query(`select ${COLUMNS} from export_jobs where organization_id = $1 and id = $2`, [organizationId, id]);
  return row ? toJob(row) : null;
}

/** The organization's jobs newest first, or one user's when `userId` is given. */
export async function listExportJobs(
  db: Queryable,
  organizationId: string,
  filter: { readonly userId?: string; readonly limit: number },
): Promise<ExportJob[]> {
  if (!UUID.test(organizationId)) return [];
  const rows = await db.query(
    `select ${COLUMNS} from export_jobs where organization_id = $1 and ($2::uuid is null or user_id = $2::uuid)
     order by seq desc limit $3`,
    [organizationId, filter.userId ?? null, filter.limit],
  );
  return rows.map(toJob);
}

/** Jobs not yet ended, oldest first: what an in-process runner takes up again after a restart. */
export async function listUnfinishedExportJobs(db: Queryable): Promise<ExportJob[]> {
  const rows = await db.query(`select ${COLUMNS} from export_jobs where state in ('queued', 'running') order by seq`);
  return rows.map(toJob);
}

export type Claim =
  | { readonly kind: 'claimed'; readonly job: ExportJob }
  | { readonly kind: 'quota' }
  | { readonly kind: 'ended' }
  | { readonly kind: 'alive' };

/**
 * Takes the job for a worker: a queued job starts if its user has fewer than `maxRunning` running jobs;
 * a running one (its worker stalled or died) is taken over. Either way the attempt grows, which fences the
 * previous worker. The user's row is locked so two claims for one user are counted one after the other.
 * With `staleAfterMs`, a running job is taken over only once its heartbeat (`alive_at`) is that old, by the
 * database's clock; one still beating is `alive`: its worker lives, whatever the queue thinks of its lock.
 * Without it, the caller knows the worker is gone (it holds the job's lock) and takes the job at once.
 * `underLock`: the caller holds the job's session lock. A job whose worker held that lock too (`run_locked`)
 * is then taken at once: the lock being free again means that worker's database session ended. One whose
 * worker runs without it (it took the job by its heartbeat from a stuck worker that held the lock) still
 * needs its heartbeat stale: the lock says nothing about that worker. The claim records which of the two it is.
 */
export async function claimExportJob(
  db: Db,
  id: string,
  maxRunning: number,
  options: { readonly staleAfterMs?: number; readonly underLock?: boolean } = {},
): Promise<Claim> {
  return db.transaction(async (tx) => {
    const [head] = await tx.query<{ user_id: string; state: string }>(`select user_id, state from export_jobs where id = $1`, [id]);
    if (!head || (head.state !== 'queued' && head.state !== 'running')) return { kind: 'ended' };
    await tx.query(`select id from users where id = $1 for update`, [head.user_id]);
    if (head.state === 'queued') {
      const [count] = await tx.query<{ n: number | string }>(
        `select count(*) as n from export_jobs where user_id = $1 and state = 'running' and id <> $2`,
        [head.user_id, id],
      );
      if (Number(count?.n ?? 0) >= maxRunning) return { kind: 'quota' };
    }
    // The staleness is checked in the update itself: of two claims at once, the second sees the first's heartbeat.
    const [row] = await tx.query(
      `update export_jobs set state = 'running', attempt = attempt + 1, started_at = coalesce(started_at, now()), alive_at = now(),
         run_locked = $3
       where id = $1 and (state = 'queued' or (state = 'running' and ($2::double precision is null
         or alive_at <= now() - $2::double precision * interval '1 millisecond' or ($3 and run_locked))))
       returning ${COLUMNS}`,
      [id, options.staleAfterMs ?? null, options.underLock ?? false],
    );
    if (row) return { kind: 'claimed', job: toJob(row) };
    const [now] = await tx.query<{ state: string }>(`select state from export_jobs where id = $1`, [id]);
    return now?.state === 'running' ? { kind: 'alive' } : { kind: 'ended' };
  });
}

/** The worker holding `attempt` is alive: false once the job has ended or another worker took it over. */
export async function beatExportJob(db: Queryable, job: Pick<ExportJob, 'id' | 'attempt'>): Promise<boolean> {
  const rows = await db.query(`update export_jobs set alive_at = now() where id = $1 and attempt = $2 and state = 'running' returning id`, [
    job.id,
    job.attempt,
  ]);
  return rows.length > 0;
}

/**
 * The worker holding `attempt` lets the job go (its runner closes) without ending it: its heartbeat is made
 * stale at once, so the next worker need not wait for it to age.
 */
export async function releaseExportJob(db: Queryable, job: Pick<ExportJob, 'id' | 'attempt'>): Promise<boolean> {
  const rows = await db.query(
    `update export_jobs set alive_at = to_timestamp(0) where id = $1 and attempt = $2 and state = 'running' returning id`,
    [job.id, job.attempt],
  );
  return rows.length > 0;
}

/** A running job that may have lost its worker: `stale` when its heartbeat is, else its worker held the job's lock. */
export interface SilentExportJob {
  readonly id: string;
  readonly attempt: number;
  readonly stale: boolean;
}

/**
 * Running jobs whose heartbeat is at least `staleAfterMs` old (database clock): their worker is gone or stuck;
 * with `lockedSilentMs`, also those run under the job's session lock whose heartbeat is that old (not `stale`):
 * the caller sees whether that lock is free, i.e. whether their worker's session ended.
 */
export async function listStaleExportJobs(db: Queryable, staleAfterMs: number, lockedSilentMs?: number): Promise<SilentExportJob[]> {
  const rows = await db.query<{ id: string; attempt: number | string; stale: boolean }>(
    `select id, attempt, alive_at <= now() - $1::double precision * interval '1 millisecond' as stale from export_jobs
     where state = 'running' and (alive_at <= now() - $1::double precision * interval '1 millisecond'
       or (run_locked and alive_at <= now() - $2::double precision * interval '1 millisecond'))
     order by seq`,
    [staleAfterMs, lockedSilentMs ?? staleAfterMs],
  );
  return rows.map((row) => ({ id: row.id, attempt: Number(row.attempt), stale: row.stale }));
}

/** A file written from the start again (XLSX cannot continue a half-written zip): no chunks, no progress. */
export async function restartExportFile(db: Db, job: Pick<ExportJob, 'id' | 'attempt'>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `update export_jobs set cursor = null, started_walk = false, row_count = 0, provider_pages = 0, chunk_count = 0,
         byte_count = 0, stored_bytes = 0, oldest_row_at = null, alive_at = now()
       where id = $1 and attempt = $2 and state = 'running' returning id`,
      [job.id, job.attempt],
    );
    if (rows.length === 0) return false;
    await tx.query(`delete from export_file_chunks where job_id = $1`, [job.id]);
    return true;
  });
}

/**
 * File bytes go to and from the database as hex text (decode/encode in SQL): PGlite's own bytea conversion
 * makes a string per byte, which for a 1,000,000-row export cost seconds of CPU and collection.
 */
function hexOf(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
}

export interface Progress {
  /** The next page's cursor; null once the walk has ended. */
  readonly cursor: string | null;
  readonly rows: number;
  readonly pages: number;
  readonly oldestRowAt: Date | null;
  /** The file bytes this progress produced, compressed, and their size as served; absent when none. */
  readonly chunk?: { readonly data: Uint8Array; readonly rawBytes: number };
}

/**
 * Records a step and its chunk together, or nothing: only while the job runs under this attempt, the chunk
 * is the next one, the connection still exists and the user still holds finance or admin in the organization.
 */
export async function recordExportStep(db: Db, job: ExportJob, progress: Progress): Promise<boolean> {
  return db.transaction(async (tx) => {
    const chunk = progress.chunk;
    const rows = await tx.query<{ chunk_count: number }>(
      `update export_jobs j set cursor = $3, started_walk = true, row_count = row_count + $4, provider_pages = provider_pages + $5,
         oldest_row_at = coalesce($6, oldest_row_at), chunk_count = chunk_count + $7, byte_count = byte_count + $8,
         stored_bytes = stored_bytes + $9, alive_at = now()
       where j.id = $1 and j.attempt = $2 and j.state = 'running'
         and exists (select 1 from provider_connections c where c.id = j.connection_id and c.organization_id = j.organization_id)
         and exists (select 1 from memberships m where m.user_id = j.user_id and m.organization_id = j.organization_id
                     and m.role in ('finance', 'admin'))
       returning chunk_count`,
      [
        job.id,
        job.attempt,
        progress.cursor,
        progress.rows,
        progress.pages,
        progress.oldestRowAt,
        chunk ? 1 : 0,
        chunk?.rawBytes ?? 0,
        chunk?.data.byteLength ?? 0,
      ],
    );
    const [updated] = rows;
    if (!updated) return false;
    if (chunk) {
      await tx.query(`insert into export_file_chunks (job_id, seq, data, raw_bytes) values ($1, $2, decode($3, 'hex'), $4)`, [
        job.id,
        Number(updated.chunk_count) - 1,
        hexOf(chunk.data),
        chunk.rawBytes,
      ]);
    }
    return true;
  });
}

export async function completeExportJob(db: Queryable, job: Pick<ExportJob, 'id' | 'attempt'>, sha256: string): Promise<boolean> {
  const rows = await db.query(
    `update export_jobs set state = 'completed', sha256 = $3, finished_at = now(), alive_at = now()
     where id = $1 and attempt = $2 and state = 'running' returning id`,
    [job.id, job.attempt, sha256],
  );
  return rows.length > 0;
}

/**
 * Ends a job that is not finished as failed or cancelled and deletes its file: a partial file is never kept.
 * `attempt` null ends it whoever runs it (a cancel); false when it had already ended.
 */
export async function endExportJob(
  db: Db,
  id: string,
  ending: { readonly state: 'failed' | 'cancelled'; readonly attempt: number | null; readonly message?: string; readonly traceId?: string | null },
): Promise<ExportJob | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `update export_jobs set state = $2, error_message = $3, error_trace_id = $4, finished_at = now(), alive_at = now()
       where id = $1 and state in ('queued', 'running') and ($5::integer is null or attempt = $5::integer) returning ${COLUMNS}`,
      [id, ending.state, ending.message ?? null, ending.traceId ?? null, ending.attempt],
    );
    if (!row) return null;
    await tx.query(`delete from export_file_chunks where job_id = $1`, [id]);
    return toJob(row);
  });
}

export interface StoredChunk {
  readonly seq: number;
  readonly data: Uint8Array;
  readonly rawBytes: number;
}

/** Up to `limit` chunks from `fromSeq` on, in order. */
export async function readExportChunks(db: Queryable, jobId: string, fromSeq: number, limit: number): Promise<StoredChunk[]> {
  const rows = await db.query<{ seq: number; data: string; raw_bytes: number }>(
    `select seq, encode(data, 'hex') as data, raw_bytes from export_file_chunks where job_id = $1 and seq >= $2 order by seq limit $3`,
    [jobId, fromSeq, limit],
  );
  return rows.map((row) => ({ seq: Number(row.seq), data: Buffer.from(row.data, 'hex'), rawBytes: Number(row.raw_bytes) }));
}

/** Deletes jobs (and their files) kept past their expiry; returns how many. */
export async function purgeExpiredExportJobs(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query(`delete from export_jobs where expires_at <= $1 returning id`, [now]);
  return rows.length;
}
