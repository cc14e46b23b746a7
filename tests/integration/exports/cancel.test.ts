import { describe, expect, it } from 'vitest';
import { getExportAudit } from '@/lib/db/exports';
import { EXPORT_ID_HEADER } from '@/lib/exports/http';
import { balanceTransactionsRequests, exportEnvPerSuite } from './support';

const env = exportEnvPerSuite();
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function auditOf(response: Response) {
  return getExportAudit(env.db, env.user.organizationId, response.headers.get(EXPORT_ID_HEADER) ?? '');
}

describe('cancelling a CSV export', () => {
  it('stops the provider paging when the download is cancelled', async () => {
    const before = balanceTransactionsRequests(env.requests);
    const response = await env.start(env.connection('bench'), '');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read();
    await reader.read();
    await reader.cancel('user cancelled');
    await settle();
    const asked = balanceTransactionsRequests(env.requests) - before;
    // Two chunks read, one more queued and one page read ahead at most, of the store's 100 pages.
    expect(asked).toBeLessThanOrEqual(4);
    await settle();
    expect(balanceTransactionsRequests(env.requests) - before).toBe(asked);
    expect(await auditOf(response)).toMatchObject({ outcome: 'cancelled' });
  });

  it('stops when the client goes away (the request signal), even without a cancel', async () => {
    const before = balanceTransactionsRequests(env.requests);
    const client = new AbortController();
    const response = await env.start(env.connection('bench'), '', client.signal);
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read();
    client.abort();
    await settle();
    const asked = balanceTransactionsRequests(env.requests) - before;
    expect(asked).toBeLessThanOrEqual(3);
    await settle();
    expect(balanceTransactionsRequests(env.requests) - before).toBe(asked);
    const audit = await auditOf(response);
    expect(audit?.outcome).toBe('cancelled');
    expect(audit?.rowCount).toBeLessThan(1_000_000);
  });

  it('keeps recording its progress while it runs, even with the download stalled, and stops once it ends', async () => {
    const response = await env.start(env.connection('bench'), '', undefined, { heartbeatMs: 40 });
    const started = await auditOf(response);
    await settle();
    const running = await auditOf(response);
    // The first page is in the response's head; the page read ahead is not counted until it is taken.
    expect(running).toMatchObject({ outcome: 'running', providerPages: 1, rowCount: 2_500 });
    expect(running?.aliveAt.getTime()).toBeGreaterThan(started?.aliveAt.getTime() ?? Number.POSITIVE_INFINITY);
    await response.body?.cancel();
    const ended = await auditOf(response);
    await settle();
    expect(await auditOf(response)).toEqual(ended);
    expect(ended?.outcome).toBe('cancelled');
  });

  it('does not read ahead while the consumer is stalled (backpressure)', async () => {
    const before = balanceTransactionsRequests(env.requests);
    const response = await env.start(env.connection('bench'), '');
    await settle();
    // The first page (read before the response starts) and the one read ahead; nothing more until the body is read.
    expect(balanceTransactionsRequests(env.requests) - before).toBe(2);
    await response.body?.cancel();
  });
});
