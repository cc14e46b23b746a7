import { describe, expect, it } from 'vitest';
import type { ExportJob } from '@/lib/db/export-jobs';
import { toJobDto } from '@/lib/exports/jobs';

const DAY = 86_400_000;
const to = new Date('2024-03-31T00:00:00Z');

function job(fields: Partial<ExportJob>): ExportJob {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    seq: 1,
    organizationId: '00000000-0000-4000-8000-000000000002',
    userId: '00000000-0000-4000-8000-000000000003',
    userEmail: 'finance@acme.test',
    connectionId: 'conn_1',
    connectionLabel: 'Acme',
    provider: 'shopline',
    format: 'csv',
    requestQuery: '',
    filters: {},
    options: { columns: ['id'], timeZone: 'UTC', delimiter: 'comma', bom: true, longIds: 'plain', format: 'csv' },
    fileName: 'acme.csv',
    state: 'running',
    attempt: 1,
    cursor: 'c',
    startedWalk: true,
    pageSize: 10_000,
    rowCount: 100_000,
    providerPages: 10,
    chunkCount: 10,
    byteCount: 1_000,
    storedBytes: 100,
    oldestRowAt: new Date(to.getTime() - 2.5 * DAY),
    walkFrom: new Date(to.getTime() - 10 * DAY),
    walkTo: to,
    sha256: null,
    errorMessage: null,
    errorTraceId: null,
    createdAt: to,
    startedAt: to,
    finishedAt: null,
    aliveAt: to,
    expiresAt: new Date(to.getTime() + 7 * DAY),
    ...fields,
  };
}

describe('toJobDto', () => {
  it('estimates the time left from the share of the range walked, at the pace its pages have come so far', () => {
    // A quarter of the range in 10 pages and 2.5 s: 30 pages left at 4 a second, 7.5 s.
    expect(toJobDto(job({ startedAt: new Date(to.getTime() - 2_500) }))).toMatchObject({ status: 'running', done: 0.25, secondsLeft: 7.5, downloadUrl: null });
    // The same walk, slowed to 2 pages a second by others sharing the account's budget.
    expect(toJobDto(job({ startedAt: new Date(to.getTime() - 5_000) })).secondsLeft).toBe(15);
  });

  it('gives no estimate without a start date, before the first page, or once the job has ended', () => {
    expect(toJobDto(job({ walkFrom: null })).secondsLeft).toBeNull();
    expect(toJobDto(job({ providerPages: 0, oldestRowAt: null })).secondsLeft).toBeNull();
    expect(toJobDto(job({ startedAt: to, aliveAt: to })).secondsLeft).toBeNull();
    expect(toJobDto(job({ state: 'completed', sha256: 'ab', finishedAt: to }))).toMatchObject({
      status: 'ready',
      secondsLeft: null,
      downloadUrl: '/api/exports/jobs/00000000-0000-4000-8000-000000000001/file',
    });
  });

  it('offers no download for a failed or cancelled job, and says why it failed', () => {
    const failed = toJobDto(job({ state: 'failed', finishedAt: to, errorMessage: 'The provider is unavailable.', errorTraceId: 't-1' }));
    expect(failed).toMatchObject({ status: 'failed', downloadUrl: null, error: { message: 'The provider is unavailable.', traceId: 't-1' } });
    expect(toJobDto(job({ state: 'cancelled', finishedAt: to })).downloadUrl).toBeNull();
  });
});
