import 'server-only';
import { hasRole, type Role } from '@/lib/auth/roles';
import { getConnection } from '@/lib/db/connections';
import { endExportJob, getExportJob, insertExportJob, listExportJobs, type ExportJob } from '@/lib/db/export-jobs';
import type { Db } from '@/lib/db/types';
import { ApiError, forbidden, notFound } from '@/lib/http/api-error';
import type { JobRunner } from '@/lib/jobs/types';
import { dateIn, dateRange } from '@/lib/time/dates';
import { callProvider } from '@/lib/connections/provider-call';
import { transactionsApi } from '@/lib/connections/apis';
import { checkPayoutId, declaredFacts } from '@/lib/lists/pipeline';
import { recordJobAudit } from './job-audit';
import { fileResponse } from './job-file';
import type { ExportJobDto } from './job-schema';
import { jobPath, type JobStatus } from './job-status';
import { exportFileName } from './file-name';
import { exportOptionParams, timestampZone } from './options';
import { parseExportRequest } from './request';
import { toSearchParams } from '@/lib/list-query/transactions-url';

/** Export jobs as their users see them: start, follow, cancel, retry, download; each checks tenant and role. */

export interface JobUser {
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
  readonly organizationId: string;
  readonly organizationTimezone: string;
}

export interface JobsContext {
  readonly db: Db;
  readonly runner: JobRunner;
  readonly now?: () => Date;
}

const STATUS: Record<ExportJob['state'], JobStatus> = {
  queued: 'queued',
  running: 'running',
  completed: 'ready',
  failed: 'failed',
  cancelled: 'cancelled',
};

/**
 * The provider gives no row count, so the walk measures itself: the share of the date range walked so far
 * (newest first, down to the oldest row written) gives the pages left, at the pace the budget has given
 * this job's pages so far (which a busy account's interactive calls slow down).
 */
function estimate(job: ExportJob): { secondsLeft: number; done: number } | null {
  if (job.state !== 'running' || job.walkFrom === null || job.oldestRowAt === null || job.providerPages === 0 || job.startedAt === null) return null;
  const elapsedMs = job.aliveAt.getTime() - job.startedAt.getTime();
  if (elapsedMs <= 0) return null;
  const top = (job.walkTo ?? job.createdAt).getTime();
  const span = top - job.walkFrom.getTime();
  if (span <= 0) return null;
  const done = Math.min(1, Math.max(0, top - job.oldestRowAt.getTime()) / span);
  if (done === 0) return null;
  const pagesLeft = Math.max(0, Math.ceil(job.providerPages / done) - job.providerPages);
  return { secondsLeft: (pagesLeft * elapsedMs) / job.providerPages / 1000, done };
}

export function toJobDto(job: ExportJob): ExportJobDto {
  const ready = job.state === 'completed';
  const left = estimate(job);
  return {
    id: job.id,
    number: job.seq,
    user: { email: job.userEmail },
    account: { id: job.connectionId, label: job.connectionLabel },
    format: job.format,
    filters: job.filters,
    fileName: job.fileName,
    status: STATUS[job.state],
    rows: job.rowCount,
    pages: job.providerPages,
    pageSize: job.pageSize,
    bytes: job.byteCount,
    storedBytes: job.storedBytes,
    secondsLeft: left?.secondsLeft ?? null,
    done: left?.done ?? null,
    error: job.errorMessage === null ? null : { message: job.errorMessage, traceId: job.errorTraceId },
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt.toISOString(),
    downloadUrl: ready ? `${jobPath(job.id)}/file` : null,
  };
}

function requireExporter(user: JobUser): void {
  if (!hasRole(user.role, 'finance')) throw forbidden();
}

/** A job the user may see: their organization's, and their own unless they are an admin. */
async function visibleJob(ctx: JobsContext, user: JobUser, jobId: string): Promise<ExportJob> {
  requireExporter(user);
  const job = await getExportJob(ctx.db, user.organizationId, jobId);
  if (!job || (user.role !== 'admin' && job.userId !== user.userId)) throw notFound('Export');
  return job;
}

/** Queues an export of the connection's transactions matching the query (the list's filters and the export options). */
export async function startExportJob(ctx: JobsContext, user: JobUser, connectionId: string, params: URLSearchParams): Promise<ExportJobDto> {
  requireExporter(user);
  const { filters, options } = parseExportRequest(params);
  const connection = await getConnection(ctx.db, user.organizationId, connectionId);
  if (!connection) throw notFound('Connection');
  const api = await callProvider(connection, async () => {
    const capable = transactionsApi(connection);
    // The list's own check of what the provider declares (its payout id format), before anything is queued.
    checkPayoutId(filters, declaredFacts(connection, 'transactions'));
    return capable;
  });
  const timeZone = timestampZone(options.timestamps, user.organizationTimezone);
  const range = dateRange(filters.from, filters.to, filters.tz ?? user.organizationTimezone);
  const query = toSearchParams({ ...filters, limit: 1 });
  query.delete('limit');
  for (const [key, value] of exportOptionParams(options)) query.set(key, value);
  const job = await insertExportJob(ctx.db, {
    organizationId: user.organizationId,
    userId: user.userId,
    userEmail: user.email,
    connectionId: connection.id,
    connectionLabel: connection.label,
    provider: connection.provider,
    format: options.format,
    requestQuery: query.toString(),
    filters,
    options: { columns: [...options.columns], timeZone, delimiter: options.delimiter, bom: options.bom, longIds: options.longIds, format: options.format },
    fileName: exportFileName({ accountLabel: connection.label, filters, date: dateIn(user.organizationTimezone, ctx.now?.() ?? new Date()), format: options.format }),
    // The largest page the provider allows: the walk's time is its page count at the provider's rate.
    pageSize: api.maxPageSize,
    walkFrom: range.fromMs === undefined ? null : new Date(range.fromMs),
    walkTo: range.toMs === undefined ? null : new Date(range.toMs),
  });
  await ctx.runner.enqueue(job.id);
  return toJobDto(job);
}

/** The user's jobs, newest first; an admin's list holds the organization's. */
export async function listJobDtos(ctx: JobsContext, user: JobUser, limit = 100): Promise<ExportJobDto[]> {
  requireExporter(user);
  const jobs = await listExportJobs(ctx.db, user.organizationId, { userId: user.role === 'admin' ? undefined : user.userId, limit });
  return jobs.map(toJobDto);
}

export async function readJobDto(ctx: JobsContext, user: JobUser, jobId: string): Promise<ExportJobDto> {
  return toJobDto(await visibleJob(ctx, user, jobId));
}

/** Cancels a queued or running job: its file is deleted, the worker stops at its next step. */
export async function cancelJob(ctx: JobsContext, user: JobUser, jobId: string): Promise<ExportJobDto> {
  const job = await visibleJob(ctx, user, jobId);
  const ended = await endExportJob(ctx.db, job.id, { state: 'cancelled', attempt: null });
  ctx.runner.abort(job.id);
  ctx.runner.wake();
  if (!ended) throw new ApiError(409, 'not_running', 'This export has already ended.');
  await recordJobAudit(ctx.db, ended);
  return toJobDto(ended);
}

/** A failed or cancelled job again, as a new job with the same account, filters and options. */
export async function retryJob(ctx: JobsContext, user: JobUser, jobId: string): Promise<ExportJobDto> {
  const job = await visibleJob(ctx, user, jobId);
  if (job.state !== 'failed' && job.state !== 'cancelled') throw new ApiError(409, 'not_retryable', 'Only a failed or cancelled export can be retried.');
  return startExportJob(ctx, user, job.connectionId, new URLSearchParams(job.requestQuery));
}

/** The finished file; a job that is not Ready has no file to offer (a partial file never is). */
export async function downloadJob(ctx: JobsContext, user: JobUser, jobId: string): Promise<Response> {
  const job = await visibleJob(ctx, user, jobId);
  if (job.state !== 'completed' || job.sha256 === null) throw new ApiError(409, 'not_ready', 'This export has no finished file to download.');
  return fileResponse(ctx.db, { ...job, sha256: job.sha256 });
}
