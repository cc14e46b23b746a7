import 'server-only';
import type { LoadedConnection } from '@/lib/connections/client';
import { csvWriter, type CsvWriter } from '@/lib/csv/writer';
import { countRunningExports, finishExportAudit, insertExportAudit, recordExportProgress, type ExportAudit } from '@/lib/db/exports';
import type { Queryable } from '@/lib/db/types';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { ApiError } from '@/lib/http/api-error';
import { log } from '@/lib/log';
import { dateIn, dateRange } from '@/lib/transactions/dates';
import { callProvider, ProviderApiError } from '@/lib/transactions/errors';
import { transactionsApi } from '@/lib/transactions/service';
import { transactionSource } from '@/lib/transactions/source';
import { exportFileName } from './file-name';
import { EXPORT_HEARTBEAT_MS, EXPORT_STALE_AFTER_MS } from './audit';
import { csvHeaders } from './http';
import { DELIMITERS } from './options';
import { exportPages, type PageCounter } from './pages';
import { exportPlan, type ExportPlan } from './plan';
import type { ExportRequest } from './request';
import { csvStream, type CsvChunk, type ExportEnd } from './stream';

/**
 * Rows per provider page for exports, measured with scripts/bench-export.ts against 1,000 and 10,000:
 * the fastest of the three (about 10 s for 1,000,000 rows, against 10-11 s and 12 s), and the server's
 * memory levels off soonest (about 50 MB above idle from roughly 400,000 rows on). With 1,000-row pages
 * it levels off later, near 80 MB; 10,000-row pages hold so many rows at once that it grew by 230 MB.
 */
export const EXPORT_PAGE_SIZE = 2_500;

/** Exports one user may have running at once; another is refused with 429 until one ends. */
export const MAX_RUNNING_EXPORTS_PER_USER = 3;

export interface ExportUser {
  readonly userId: string;
  readonly email: string;
  readonly organizationId: string;
  readonly organizationTimezone: string;
}

export interface ExportContext {
  readonly user: ExportUser;
  /** Where the audit record is written. */
  readonly db: Queryable;
  /** The request's signal: the client going away cancels the export. */
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  /** How often the running export records its progress; EXPORT_HEARTBEAT_MS unless a test says otherwise. */
  readonly heartbeatMs?: number;
}

export function timestampZone(timestamps: string, organizationZone: string): string {
  if (timestamps === 'merchant') return organizationZone;
  return timestamps === 'utc' ? 'UTC' : timestamps;
}

/**
 * Rows encoded at a time: their cells die young instead of living as long as the page, and each slice's
 * text (about 30 KB) stays below V8's large-object size, which would send it straight to the old generation.
 */
const ENCODE_SLICE = 200;

function encodePage(rows: readonly BalanceTransaction[], plan: ExportPlan, writer: CsvWriter): CsvChunk {
  const texts: string[] = [];
  for (let start = 0; start < rows.length; start += ENCODE_SLICE) {
    texts.push(writer.records(rows.slice(start, start + ENCODE_SLICE).map((row) => plan.encode(row))));
  }
  return { texts, rows: rows.length };
}

type Chunks = Required<Pick<AsyncIterator<CsvChunk, void>, 'next' | 'return'>>;

/** Each page as CSV text; like exportPages, it holds no page between calls. */
function csvChunks(pages: AsyncIterator<BalanceTransaction[], void>, plan: ExportPlan, writer: CsvWriter): Chunks {
  return {
    async next() {
      const page = await pages.next();
      return page.done ? page : { done: false, value: encodePage(page.value, plan, writer) };
    },
    async return() {
      await pages.return?.();
      return { done: true, value: undefined };
    },
  };
}

/** A safe account of why it failed: the provider's message and trace id, or a generic line. */
function failureOf(error: unknown): { message: string; traceId: string | null } {
  if (error instanceof ProviderApiError) return { message: error.message, traceId: error.traceId };
  if (error instanceof ApiError) return { message: error.message, traceId: null };
  log.error('export.unexpected', { error: error instanceof Error ? error.name : 'unknown' });
  return { message: 'Something went wrong on our side while writing the file.', traceId: null };
}

/**
 * While the export runs, its audit record gets the progress so far every few seconds. A record left
 * "running" without these heartbeats belongs to a server that stopped, and is shown as interrupted.
 */
function heartbeat(db: Queryable, audit: ExportAudit, counter: PageCounter, everyMs: number): () => void {
  const timer = setInterval(() => {
    recordExportProgress(db, audit.id, { rowCount: counter.rows, providerPages: counter.pages }).catch((error: unknown) => {
      log.error('export.heartbeat_failed', { exportId: audit.id, error: error instanceof Error ? error.name : 'unknown' });
    });
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

function recorder(db: Queryable, audit: ExportAudit, counter: PageCounter, startedMs: number, stopHeartbeat: () => void) {
  let ended = false;
  return async (end: ExportEnd): Promise<void> => {
    stopHeartbeat();
    // The first ending stands: the stream and the set-up's own failure handling may both report one.
    if (ended) return;
    ended = true;
    const failure = end.outcome === 'failed' ? failureOf(end.error) : null;
    try {
      await finishExportAudit(db, audit.id, {
        outcome: end.outcome,
        rowCount: end.rows,
        providerPages: counter.pages,
        errorMessage: failure?.message,
        errorTraceId: failure?.traceId,
      });
    } catch (error) {
      log.error('export.audit_failed', { exportId: audit.id, error: error instanceof Error ? error.name : 'unknown' });
    }
    log.info('export.finished', {
      exportId: audit.id,
      outcome: end.outcome,
      rows: end.rows,
      providerPages: counter.pages,
      ms: Math.round(performance.now() - startedMs),
    });
  };
}

/**
 * Streams every transaction of the connection matching the filters as CSV. The audit record is written
 * first; the first provider page is read before the response starts, so a failure there is an ordinary
 * JSON error; later failures cut the response off (see csvStream).
 */
export async function exportTransactions(connection: LoadedConnection, request: ExportRequest, ctx: ExportContext): Promise<Response> {
  const { filters, options } = request;
  const { user } = ctx;
  const api = await callProvider(connection, async () => transactionsApi(connection));
  const timeZone = timestampZone(options.timestamps, user.organizationTimezone);
  const plan = exportPlan({ columns: options.columns, timeZone, longIds: options.longIds });
  const writer = csvWriter({ delimiter: DELIMITERS[options.delimiter], bom: options.bom });
  const fileName = exportFileName({ accountLabel: connection.label, filters, date: dateIn(user.organizationTimezone, ctx.now?.() ?? new Date()) });

  const running = await countRunningExports(ctx.db, user.userId, EXPORT_STALE_AFTER_MS);
  if (running >= MAX_RUNNING_EXPORTS_PER_USER) {
    throw new ApiError(
      429,
      'too_many_exports',
      `You have ${running} exports running; wait for one to finish or cancel it before starting another.`,
    );
  }
  const audit = await insertExportAudit(ctx.db, {
    organizationId: user.organizationId,
    userId: user.userId,
    userEmail: user.email,
    connectionId: connection.id,
    connectionLabel: connection.label,
    filters,
    options: { columns: [...options.columns], timeZone, delimiter: options.delimiter, bom: options.bom, longIds: options.longIds },
    fileName,
  });
  const counter: PageCounter = { pages: 0, rows: 0 };
  const stopHeartbeat = heartbeat(ctx.db, audit, counter, ctx.heartbeatMs ?? EXPORT_HEARTBEAT_MS);
  const onEnd = recorder(ctx.db, audit, counter, performance.now(), stopHeartbeat);

  // Whatever fails from here on (a provider, a bug) ends the record and stops its heartbeat; onEnd runs once.
  try {
    const controller = new AbortController();
    const signal = ctx.signal ? AbortSignal.any([controller.signal, ctx.signal]) : controller.signal;
    const view = {
      payoutId: filters.payout_id,
      payoutStatus: filters.payout_status,
      types: filters.type,
      range: dateRange(filters.from, filters.to, filters.tz ?? user.organizationTimezone),
    };
    const source = transactionSource(api, view, { pageSize: Math.min(EXPORT_PAGE_SIZE, api.maxPageSize), signal });
    const chunks = csvChunks(exportPages(source, counter), plan, writer);
    const rest: AsyncIterator<CsvChunk, void> = {
      next: () => callProvider(connection, () => chunks.next()),
      return: () => chunks.return(),
    };

    const first = await rest.next();
    const header = writer.header(plan.header);
    const head: CsvChunk = first.done ? { texts: [header], rows: 0 } : { texts: [header, ...first.value.texts], rows: first.value.rows };
    const body = csvStream({
      head,
      rest: first.done ? { next: async () => ({ done: true, value: undefined }) } : rest,
      signal,
      abort: (reason) => controller.abort(reason),
      onEnd,
    });
    return new Response(body, { status: 200, headers: csvHeaders(fileName, audit.id) });
  } catch (error) {
    const cancelled = ctx.signal?.aborted === true;
    await onEnd(cancelled ? { outcome: 'cancelled', rows: 0 } : { outcome: 'failed', rows: 0, error });
    throw cancelled ? new ApiError(499, 'cancelled', 'The export was cancelled.') : error;
  }
}
