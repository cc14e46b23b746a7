import 'server-only';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadedConnection } from '@/lib/connections/client';
import { csvWriter } from '@/lib/csv/writer';
import { getConnection } from '@/lib/db/connections';
import {
  beatExportJob,
  claimExportJob,
  completeExportJob,
  endExportJob,
  getExportJobById,
  recordExportStep,
  releaseExportJob,
  restartExportFile,
  type ExportJob,
} from '@/lib/db/export-jobs';
import type { Db, SessionLocks } from '@/lib/db/types';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { ApiError } from '@/lib/http/api-error';
import { jobLockName } from '@/lib/jobs/exclusive';
import { startSweeper } from '@/lib/jobs/sweeper';
import { RunnerClosing, type JobHandler, type JobOutcome } from '@/lib/jobs/types';
import { callProvider } from '@/lib/connections/provider-call';
import { transactionsApi } from '@/lib/connections/apis';
import { transactionSource, unfilteredByProvider } from '@/lib/balance-transactions/source';
import { findOrganizationById } from '@/lib/db/organizations';
import type { PageDays } from '@/lib/kept-days/learn';
import { databaseKeptDays } from '@/lib/kept-days/store';
import { keptWalk } from '@/lib/kept-days/walk';
import { recordJobAudit, failureOf } from './job-audit';
import { hashStoredChunks, packChunk } from './job-file';
import { DELIMITERS } from './options';
import { fetchKept, fetchKeptEncoded, pagesAhead, type Sifted } from './pages';
import { exportPlan } from './plan';
import { csvFileWriter, ENCODE_SLICE, type FileWriter } from './file-writer';
import { parseExportRequest } from './request';
import { xlsxFileWriter } from './xlsx';

export interface ExportJobDeps {
  readonly db: Db;
  /** Running jobs per user; a further one waits. */
  readonly maxRunning: number;
  /** Further tries of a failing provider page, after the HTTP layer's own retries, waiting retryBaseMs, 2x, 4x... */
  readonly pageRetries?: number;
  readonly retryBaseMs?: number;
  /** A job ended here (completed, failed): the runner may start a waiting one. */
  readonly onEnded?: () => void;
  /**
   * Takes over a running job only once its heartbeat is this old (on BullMQ, where a worker that looks stalled
   * may be alive); unset: at once (the in-process runner holds the job's lock, so its previous worker is gone).
   */
  readonly staleAfterMs?: number;
  /** How often the worker tells the database it still runs the job; HEARTBEAT_MS unless a test says. */
  readonly heartbeatMs?: number;
  /** Provider pages between two writes of the kept days the walk has closed; KEPT_DAYS_EVERY_PAGES unless a test says. */
  readonly keptDaysEveryPages?: number;
  /**
   * On BullMQ: the worker runs the job under its session lock when it can get it, so that once the worker's
   * process dies the lock, gone with its database session, says so at once (see LOCKED_SILENT_MS). Unset: the
   * runner holds the lock itself (in-process), or there is none (tests of the heartbeat alone).
   */
  readonly locks?: SessionLocks;
}

/**
 * A worker beats twice a second from a timer of its own, whatever its steps do: a page can legitimately take
 * 10 s and more (the HTTP layer's retries, then pageRetries with backoff, behind interactive calls in the
 * budget). What can hold the timer back is a busy event loop: about a second for an XLSX page.
 */
export const HEARTBEAT_MS = 500;
/**
 * A running job whose heartbeat is this old lost its worker (on BullMQ). The longest gap a live worker leaves
 * is a beat plus a busy second; twice that is well clear of it, and soon enough: a restarted instance is
 * answering again after about 2 s.
 */
export const STALE_AFTER_MS = 3_000;
/**
 * A running job whose worker held the job's session lock is looked at once its heartbeat is this old (two
 * beats missed), and taken over at once if that lock is free: the worker's database session has ended, so its
 * process died (PostgreSQL drops a killed process's session, and its locks, as soon as its socket closes; a
 * restarted instance finds its previous incarnation's job this way at start). It is not a worker identity
 * kept across restarts: two live processes can never hold one session lock, so no live worker is taken for
 * a dead one. A worker whose connection broke loses the lock too, and is fenced by the takeover's attempt. A
 * host that vanishes without closing its sockets keeps its sessions (and locks) until PostgreSQL notices:
 * its job is taken over once its heartbeat is STALE_AFTER_MS old, as without the lock.
 */
export const LOCKED_SILENT_MS = 2 * HEARTBEAT_MS;

/** The abort reason once the heartbeat is refused: the job ended or another worker took it over; stop quietly. */
class JobLost extends Error {
  override readonly name = 'JobLost';
  constructor() {
    super('The job ended or another worker took it over.');
  }
}

/** XLSX bytes are stored once this many have collected (the zip comes out in small pieces). */
const XLSX_CHUNK_BYTES = 4 * 1_048_576;
/**
 * Provider pages requested ahead of the one being written: the provider (and the budget) work on them
 * while this one is encoded, compressed and stored; memory holds this many pages more at most.
 */
export const PAGES_AHEAD = 2;
/**
 * An unfiltered walk keeps the days it closed every this many pages (200,000 rows at the largest pages), so a
 * long job that fails later has still taught them; the rest once the job is complete.
 */
export const KEPT_DAYS_EVERY_PAGES = 20;

class AccessLost extends ApiError {
  constructor() {
    super(403, 'access_lost', 'The export stopped: its account was removed, or its author no longer has the finance or admin role.');
  }
}

function writerFor(job: ExportJob, fresh: boolean): FileWriter {
  const { options } = parseExportRequest(new URLSearchParams(job.requestQuery));
  const timeZone = job.options.timeZone;
  if (job.format === 'xlsx') return xlsxFileWriter({ columns: options.columns, timeZone });
  const plan = exportPlan({ columns: options.columns, timeZone, longIds: options.longIds, decimalComma: options.delimiter === 'semicolon' });
  return csvFileWriter(plan, csvWriter({ delimiter: DELIMITERS[options.delimiter], bom: options.bom }), fresh);
}

/** Why a step was refused: the job ended or moved to another worker (stop quietly), or its access is gone. */
async function refusedStep(db: Db, job: ExportJob): Promise<void> {
  const now = await getExportJobById(db, job.id);
  if (now && now.state === 'running' && now.attempt === job.attempt) throw new AccessLost();
}

/** A provider page as the walk holds it until it is stored. */
interface FetchedPage {
  /** The cursor it was asked with, and its days as counted while it was read (null: the walk does not teach). */
  readonly at: string | null;
  readonly days: PageDays | null;
  readonly next: string | null;
  /** Rows kept, and the oldest one's time (the last: newest first). */
  readonly count: number;
  readonly oldest: Date | null;
  /** The rows, for a writer that takes them in order as rows (FileWriter.pages absent); empty once encoded. */
  readonly rows: readonly BalanceTransaction[];
  /** The rows' bytes, when the writer encodes pages on their own (CSV, XLSX). */
  readonly encoded: Buffer[] | null;
}

/** The whole file's SHA-256 and size. */
type Walked = { readonly digest: { readonly sha256: string; readonly bytes: number } };

async function walk(deps: ExportJobDeps, job: ExportJob, connection: LoadedConnection, signal: AbortSignal): Promise<Walked | null> {
  const { db } = deps;
  const { filters } = parseExportRequest(new URLSearchParams(job.requestQuery));
  let fresh = !job.startedWalk;
  // A zip cannot be continued from the middle: an XLSX taken over from a dead worker is written again.
  if (job.format === 'xlsx' && !fresh) {
    if (!(await restartExportFile(db, job))) return null;
    fresh = true;
  }
  const api = await callProvider(connection, async () => transactionsApi(connection));
  const range = { fromMs: job.walkFrom?.getTime(), toMs: job.walkTo?.getTime() };
  const payouts = { payoutId: filters.payout_id, payoutStatus: filters.payout_status };
  // Kept days are cut in the organization's zone, as the transactions and flows views cut them (not the file's).
  const timeZone = (await findOrganizationById(db, job.organizationId))?.timezone;
  const kept = await keptWalk(databaseKeptDays(async () => db), connection, { range, timeZone, teaches: unfilteredByProvider(payouts), jumps: fresh });
  const view = {
    ...payouts,
    types: filters.type,
    range,
    // A fresh walk of a date range starts at its end, where kept days say (lib/kept-days/jump); a resumed one at its cursor.
    startAfterId: kept.startAfterId,
  };
  const local = new AbortController();
  const stop = AbortSignal.any([signal, local.signal]);
  // Paced by the account's shared budget alone, behind interactive calls.
  const source = transactionSource(api, view, { pageSize: Math.min(job.pageSize, api.maxPageSize), signal: stop, priority: 'background' });
  const retries = deps.pageRetries ?? 3;
  const withRetries = async <R>(fetch: () => Promise<R>): Promise<R> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await callProvider(connection, fetch);
      } catch (error) {
        if (stop.aborted || attempt >= retries || (error instanceof ApiError && error.status < 500)) throw error;
        await sleep((deps.retryBaseMs ?? 1_000) * 2 ** attempt, undefined, { signal: stop });
      }
    }
  };
  const writer = writerFor(job, fresh);
  // A page is encoded as soon as it arrives (see FileWriter.pages): only its bytes wait for the pages before it.
  const fetchPage = async (cursor: string | null, early: (next: string | null) => void): Promise<FetchedPage> => {
    // Every row of the page is counted for the kept days as it goes by (the walk's own are sifted from them).
    const counted = kept.countPage(source, (row) => row);
    const from = counted?.source ?? source;
    const days = counted?.days ?? null;
    const pages = writer.pages;
    if (pages) {
      // Encoded as the provider's body arrives, where the client can hand rows over; else once the page is read.
      const sifted = await withRetries(() => fetchKeptEncoded(from, cursor, (rows) => pages.encode(rows), ENCODE_SLICE, early));
      if (sifted) {
        const oldest = sifted.last ? new Date(sifted.last.transactionTime) : null;
        return { at: cursor, days, next: sifted.next, count: sifted.count, oldest, rows: [], encoded: sifted.parts };
      }
    }
    const { kept: rows, next } = await withRetries((): Promise<Sifted<BalanceTransaction>> => fetchKept(from, cursor, early));
    const last = rows.at(-1);
    const encoded = writer.pages?.encode(rows) ?? null;
    return { at: cursor, days, next, count: rows.length, oldest: last ? new Date(last.transactionTime) : null, rows: encoded ? [] : rows, encoded };
  };

  const hash = createHash('sha256');
  /**
   * The bytes hashed, in the file's order. A resumed CSV goes on from the chunks earlier workers stored: they
   * are read back and hashed while this walk fetches its first pages, not once it has ended.
   */
  let hashed: Promise<number> = fresh ? Promise.resolve(0) : hashStoredChunks(db, job.id, hash, job.chunkCount);
  // Awaited at the end; a walk that stops early must not leave a rejection unhandled.
  hashed.catch(() => undefined);
  let held: Buffer[] = [];
  let heldBytes = 0;
  const step = async (next: string | null, rows: number, pages: number, oldest: Date | null, parts: Buffer[], flush: boolean) => {
    held.push(...parts);
    heldBytes += parts.reduce((n, part) => n + part.byteLength, 0);
    const store = job.format === 'csv' || flush || heldBytes >= XLSX_CHUNK_BYTES;
    const chunk = store ? await packChunk(held) : null;
    if (store) {
      const parts = held;
      const partBytes = heldBytes;
      hashed = hashed.then((bytes) => {
        for (const part of parts) hash.update(part);
        return bytes + partBytes;
      });
      hashed.catch(() => undefined);
      held = [];
      heldBytes = 0;
    }
    const ok = await recordExportStep(db, job, { cursor: next, rows, pages, oldestRowAt: oldest, chunk: chunk ?? undefined });
    if (!ok) {
      local.abort(new Error('step refused'));
      await refusedStep(db, job);
    }
    return ok;
  };
  const keepEvery = deps.keptDaysEveryPages ?? KEPT_DAYS_EVERY_PAGES;
  let unsaved = 0;
  /** Kept days being written while the walk goes on (the store never fails: it logs and drops). */
  let saving: Promise<unknown> = Promise.resolve();
  let walked: Walked;
  try {
    // A job resumed after its walk ended (null cursor) has only the file's end left to write.
    if (fresh || job.cursor !== null) {
      for await (const page of pagesAhead(fetchPage, { cursor: fresh ? null : job.cursor, ahead: PAGES_AHEAD, signal: stop })) {
        // In the walk's order, whatever order the pages came in. A resumed walk's first page follows no page
        // it read: the learner keeps no day that page begins inside.
        if (page.days) kept.learn(page.at, page.days);
        const parts = page.encoded && writer.pages ? await writer.pages.write(page.encoded) : await writer.write(page.rows);
        if (!(await step(page.next, page.count, 1, page.oldest, parts, false))) return null;
        unsaved += 1;
        if (unsaved >= keepEvery) {
          unsaved = 0;
          saving = Promise.all([saving, kept.save()]);
        }
      }
    }
    if (!(await step(null, 0, 0, null, await writer.end(), true))) return null;
    const bytes = await hashed;
    walked = { digest: { sha256: hash.digest('hex'), bytes } };
  } finally {
    // Pages still asked for past the view's end are dropped at once, not answered while kept days are written.
    local.abort(new Error('walk ended'));
    // A walk that stopped still leaves what it kept on its way written (or dropped) before its job ends.
    await saving;
  }
  // The rest of the days once the walk is whole, before the job is complete: a ready job has taught its days.
  await kept.finish();
  return walked;
}

async function run(deps: ExportJobDeps, job: ExportJob, signal: AbortSignal): Promise<void> {
  const connection = await getConnection(deps.db, job.organizationId, job.connectionId);
  if (!connection) throw new AccessLost();
  const walked = await walk(deps, job, connection, signal);
  if (!walked) return;
  const { sha256, bytes } = walked.digest;
  if (bytes !== (await getExportJobById(deps.db, job.id))?.byteCount) throw new Error('The stored file does not add up to the bytes written.');
  if (await completeExportJob(deps.db, job, sha256)) {
    const done = await getExportJobById(deps.db, job.id);
    if (done) await recordJobAudit(deps.db, done);
  }
}

/** Runs one export job to its end, or until it is cancelled, taken over, or its runner closes. */
export function exportJobHandler(deps: ExportJobDeps): JobHandler {
  const handle = async (jobId: string, signal: AbortSignal, underLock: boolean): Promise<JobOutcome> => {
    const claim = await claimExportJob(deps.db, jobId, deps.maxRunning, { staleAfterMs: deps.staleAfterMs, underLock });
    if (claim.kind === 'quota') return 'later';
    // Ended, or alive in another worker (the queue gave it out again, its worker was only slow): not ours.
    if (claim.kind !== 'claimed') return 'done';
    const { job } = claim;
    const lost = new AbortController();
    const heartbeat = startSweeper('export-heartbeat', deps.heartbeatMs ?? HEARTBEAT_MS, async () => {
      if (!(await beatExportJob(deps.db, job))) lost.abort(new JobLost());
    });
    const stop = AbortSignal.any([signal, lost.signal]);
    try {
      await run(deps, job, stop);
    } catch (error) {
      // Closing: the job stays running, for another worker (or the next start) to take over now.
      if (signal.aborted && signal.reason instanceof RunnerClosing) {
        heartbeat.stop();
        await releaseExportJob(deps.db, job).catch(() => undefined);
        return 'later';
      }
      if (!stop.aborted) {
        const failure = failureOf(error);
        const ended = await endExportJob(deps.db, job.id, { state: 'failed', attempt: job.attempt, message: failure.message, traceId: failure.traceId });
        if (ended) await recordJobAudit(deps.db, ended);
      }
    } finally {
      heartbeat.stop();
    }
    deps.onEnded?.();
    return 'done';
  };
  return async (jobId, { signal }) => {
    const { locks } = deps;
    if (!locks) return handle(jobId, signal, false);
    // Held by another live session (or another entry of this job in this process): the claim then goes by the
    // heartbeat alone. A lock that cannot be asked for (its connection is down) is the same.
    const name = jobLockName(jobId);
    const locked = await locks.tryLock(name).catch(() => false);
    try {
      return await handle(jobId, signal, locked);
    } finally {
      if (locked) await locks.unlock(name).catch(() => undefined);
    }
  };
}
