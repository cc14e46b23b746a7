import { afterEach, describe, expect, it } from 'vitest';
import { deleteConnection } from '@/lib/db/connections';
import { getExportJobById, listExportJobs, purgeExpiredExportJobs } from '@/lib/db/export-jobs';
import { listExportAudits } from '@/lib/db/exports';
import { addMembership } from '@/lib/db/memberships';
import { createOrganization } from '@/lib/db/organizations';
import { createUser } from '@/lib/db/users';
import { cancelJob, downloadJob, listJobDtos, readJobDto, retryJob } from '@/lib/exports/jobs';
import type { ExportJobDto } from '@/lib/exports/job-schema';
import { ApiError } from '@/lib/http/api-error';
import { startSweeper } from '@/lib/jobs/sweeper';
import { balanceTransactionsRequests, exportEnvPerSuite } from './support';

// Paced by the SHOPLINE budget (4 pages a second): a full walk of the bench store takes about 25 s, time enough to act on a running job.
const env = exportEnvPerSuite();

async function chunksOf(jobId: string): Promise<number> {
  const [row] = await env.db.query<{ n: number | string }>('select count(*) as n from export_file_chunks where job_id = $1', [jobId]);
  return Number(row?.n ?? 0);
}

async function runningWithRows(jobId: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    const job = await getExportJobById(env.db, jobId);
    if (job?.state === 'running' && job.rowCount > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the job never got going');
}

const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : 'not an ApiError');
const cancelAll = async () => {
  for (const job of await listExportJobs(env.db, env.user.organizationId, { limit: 100 })) {
    if (job.state === 'queued' || job.state === 'running') await cancelJob(env.jobs, { ...env.user, role: 'admin' }, job.id);
  }
};

describe('export jobs', () => {
  afterEach(async () => {
    env.sandbox.faults.clear();
    await cancelAll();
  });

  it('refuses a payout id the provider’s declared format rules out with a 400 naming payout_id, and queues nothing', async () => {
    const acme = await env.connection('acme-shopline');
    const before = (await listExportJobs(env.db, env.user.organizationId, { limit: 100 })).length;
    const refused = await env.start(acme, 'payout_id=po_not_digits').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 400, message: expect.stringContaining('"payout_id"') });
    expect(await listExportJobs(env.db, env.user.organizationId, { limit: 100 })).toHaveLength(before);
    // A SHOPLINE payout id (digits) is taken.
    const accepted = await env.start(acme, 'payout_id=12345');
    expect(accepted.filters).toMatchObject({ payout_id: '12345' });
  });

  it('cancels a running job: no file is left, the provider paging stops, the audit says cancelled', async () => {
    const bench = await env.connection('bench');
    const job = await env.start(bench, '');
    await runningWithRows(job.id);
    expect(await chunksOf(job.id)).toBeGreaterThan(0);
    const cancelled = await cancelJob(env.jobs, env.user, job.id);
    expect(cancelled.status).toBe('cancelled');
    expect(await chunksOf(job.id)).toBe(0);
    const pages = balanceTransactionsRequests(env.requests);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // At most the page already in flight when the cancel landed.
    expect(balanceTransactionsRequests(env.requests) - pages).toBeLessThanOrEqual(1);
    expect(await chunksOf(job.id)).toBe(0);
    expect((await getExportJobById(env.db, job.id))?.state).toBe('cancelled');
    expect(await downloadJob(env.jobs, env.user, job.id).catch(statusOf)).toBe(409);
    const [audit] = await listExportAudits(env.db, env.user.organizationId, { limit: 1 });
    expect(audit).toMatchObject({ outcome: 'cancelled', connectionId: bench.id });
    await expect(cancelJob(env.jobs, env.user, job.id)).rejects.toMatchObject({ status: 409 });
  });

  it('runs at most 3 jobs of one user at once; a 4th queues and starts when one ends', async () => {
    const bench = await env.connection('bench');
    const jobs: ExportJobDto[] = [];
    for (let i = 0; i < 4; i += 1) jobs.push(await env.start(bench, ''));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const states = async () => Promise.all(jobs.map(async (job) => (await getExportJobById(env.db, job.id))?.state));
    expect(await states()).toEqual(['running', 'running', 'running', 'queued']);
    await cancelJob(env.jobs, env.user, jobs[0]?.id ?? '');
    await runningWithRows(jobs[3]?.id ?? '');
    expect(await states()).toEqual(['cancelled', 'running', 'running', 'running']);
  });

  it('fails a job whose provider keeps failing, with the provider’s message and trace id, keeping no partial file; Retry queues it again', async () => {
    const bench = await env.connection('bench');
    const job = await env.start(bench, '');
    await runningWithRows(job.id);
    env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'status', status: 503 });
    expect(await env.settled(job.id)).toBe('failed');
    const failed = await readJobDto(env.jobs, env.user, job.id);
    expect(failed.error?.message).toMatch(/unavailable/i);
    expect(failed.error?.traceId).toMatch(/\S/);
    expect(failed.downloadUrl).toBeNull();
    expect(await chunksOf(job.id)).toBe(0);
    const [audit] = await listExportAudits(env.db, env.user.organizationId, { limit: 1 });
    expect(audit).toMatchObject({ outcome: 'failed', errorTraceId: failed.error?.traceId });

    env.sandbox.faults.clear();
    const again = await retryJob(env.jobs, env.user, job.id);
    expect(again).toMatchObject({ status: 'queued', filters: failed.filters, fileName: failed.fileName });
    expect(again.id).not.toBe(job.id);
    await runningWithRows(again.id);
  });

  it('stops a job whose connection is removed, and one whose author lost the finance role', async () => {
    const bench = await env.connection('bench');
    const removed = await env.start(bench, '');
    await runningWithRows(removed.id);
    const other = await env.member('finance', 'demoted@acme.test');
    const demoted = await env.start(bench, '', other);
    await runningWithRows(demoted.id);

    await addMembership(env.db, { userId: other.userId, organizationId: other.organizationId, role: 'viewer' });
    expect(await env.settled(demoted.id)).toBe('failed');
    expect((await getExportJobById(env.db, demoted.id))?.errorMessage).toMatch(/no longer has the finance or admin role/);

    await deleteConnection(env.db, env.user.organizationId, bench.id);
    expect(await env.settled(removed.id)).toBe('failed');
    expect(await chunksOf(removed.id)).toBe(0);
    expect(await chunksOf(demoted.id)).toBe(0);
  });
});

describe('export downloads and retention', () => {
  it('serves a file only to its organization, to its author or an admin, with at least the finance role', async () => {
    const acme = await env.connection('acme-shopline');
    const { job } = await env.exportFile(acme, 'type=refund');
    const colleague = await env.member('finance', 'colleague@acme.test');
    const admin = await env.member('admin', 'boss@acme.test');
    const viewer = await env.member('viewer', 'viewer@acme.test');
    const globex = await createOrganization(env.db, { name: 'Globex', slug: 'globex', timezone: 'UTC' });
    const stranger = await createUser(env.db, { email: 'admin@globex.test', name: 'G', password: 'correct horse battery' });
    await addMembership(env.db, { userId: stranger.id, organizationId: globex.id, role: 'admin' });
    const outsider = { userId: stranger.id, email: stranger.email, role: 'admin' as const, organizationId: globex.id, organizationTimezone: 'UTC' };

    expect((await downloadJob(env.jobs, admin, job.id)).status).toBe(200);
    expect(await downloadJob(env.jobs, colleague, job.id).catch(statusOf)).toBe(404);
    expect(await downloadJob(env.jobs, viewer, job.id).catch(statusOf)).toBe(403);
    expect(await downloadJob(env.jobs, outsider, job.id).catch(statusOf)).toBe(404);
    expect(await downloadJob(env.jobs, env.user, 'not-a-job').catch(statusOf)).toBe(404);
    expect((await listJobDtos(env.jobs, colleague)).map((j) => j.id)).not.toContain(job.id);
    expect((await listJobDtos(env.jobs, admin)).map((j) => j.id)).toContain(job.id);
    expect(await listJobDtos(env.jobs, outsider)).toEqual([]);
  });

  it('deletes jobs and their files 7 days on, on a timer that stops', async () => {
    const acme = await env.connection('acme-shopline');
    const { job } = await env.exportFile(acme, 'type=refund');
    const stored = await getExportJobById(env.db, job.id);
    expect(stored && stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 86_400_000);
    expect(await purgeExpiredExportJobs(env.db, new Date(Date.now() + 6 * 86_400_000))).toBe(0);

    await env.db.query(`update export_jobs set expires_at = now() - interval '1 second' where id = $1`, [job.id]);
    const sweeper = startSweeper('test-retention', 20, () => purgeExpiredExportJobs(env.db, new Date()));
    for (let i = 0; i < 100 && (await getExportJobById(env.db, job.id)); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await getExportJobById(env.db, job.id)).toBeNull();
    expect(await chunksOf(job.id)).toBe(0);
    expect(await downloadJob(env.jobs, env.user, job.id).catch(statusOf)).toBe(404);

    sweeper.stop();
    const { job: later } = await env.exportFile(acme, 'type=refund');
    await env.db.query(`update export_jobs set expires_at = now() - interval '1 second' where id = $1`, [later.id]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await getExportJobById(env.db, later.id)).not.toBeNull();
  });
});
