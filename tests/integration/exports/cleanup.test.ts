import { describe, expect, it } from 'vitest';
import { countRunningExports, listExportAudits } from '@/lib/db/exports';
import { EXPORT_ID_HEADER } from '@/lib/exports/http';
import { parseExportRequest } from '@/lib/exports/request';
import { exportTransactions, MAX_RUNNING_EXPORTS_PER_USER } from '@/lib/exports/service';
import { exportEnvPerSuite } from './support';

const env = exportEnvPerSuite();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('export records and timers end on every path', () => {
  it('marks the record failed and stops its heartbeat when the export fails after the record was written', async () => {
    const request = parseExportRequest(new URLSearchParams('columns=id'));
    // A range past year 9999 (refused by the query schema, so only a bug could send it) fails after the insert.
    const broken = { ...request, filters: { ...request.filters, from: '9999-01-01', to: '9999-12-31' } };
    const error = await exportTransactions(env.connection('acme-shopline'), broken, { user: env.user, db: env.db, heartbeatMs: 10 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RangeError);
    const [audit] = await listExportAudits(env.db, env.user.organizationId, { limit: 1 });
    expect(audit).toMatchObject({ outcome: 'failed', finishedAt: expect.any(Date) });
    const aliveAt = audit?.aliveAt.getTime();
    await sleep(60);
    const [later] = await listExportAudits(env.db, env.user.organizationId, { limit: 1 });
    expect(later?.aliveAt.getTime()).toBe(aliveAt);
    expect(await countRunningExports(env.db, env.user.userId, 60_000)).toBe(0);
  });

  it(`refuses a user's export beyond ${MAX_RUNNING_EXPORTS_PER_USER} running at once with 429, and allows it again when one ends`, async () => {
    const connection = env.connection('acme-shopline');
    const running = [];
    for (let i = 0; i < MAX_RUNNING_EXPORTS_PER_USER; i += 1) running.push(await env.start(connection, 'columns=id'));
    expect(running.every((response) => response.headers.get(EXPORT_ID_HEADER))).toBe(true);
    const refused = await env.start(connection, 'columns=id').catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 429, code: 'too_many_exports' });
    await running[0]?.body?.cancel();
    const again = await env.start(connection, 'columns=id');
    expect(again.status).toBe(200);
    for (const response of [...running.slice(1), again]) await response.body?.cancel();
    expect(await countRunningExports(env.db, env.user.userId, 60_000)).toBe(0);
  });
});
