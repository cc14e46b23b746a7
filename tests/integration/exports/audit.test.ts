import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finishExportAudit,
  getExportAudit,
  insertExportAudit,
  listExportAudits,
  recordExportProgress,
  type NewExportAudit,
} from '@/lib/db/exports';
import { openDb } from '@/lib/db/open';
import { createOrganization } from '@/lib/db/organizations';
import type { Db } from '@/lib/db/types';
import { createUser } from '@/lib/db/users';
import { EXPORT_STALE_AFTER_MS, toExportAuditDto } from '@/lib/exports/audit';
import { exportAuditDtoSchema } from '@/lib/exports/audit-schema';

let db: Db;
let base: NewExportAudit;
let otherOrganizationId: string;

beforeAll(async () => {
  db = await openDb({ kind: 'pglite', dataDir: 'memory://' });
  const organization = await createOrganization(db, { name: 'Acme', slug: 'acme' });
  otherOrganizationId = (await createOrganization(db, { name: 'Globex', slug: 'globex' })).id;
  const user = await createUser(db, { email: 'finance@acme.test', name: 'Avery', password: 'correct horse battery' });
  base = {
    organizationId: organization.id,
    userId: user.id,
    userEmail: user.email,
    connectionId: 'conn_0123456789abcdef0123456789abcdef',
    connectionLabel: 'Acme (SHOPLINE Payments)',
    filters: { type: ['payment'], from: '2024-03-01' },
    options: { columns: ['id', 'amount'], timeZone: 'UTC', delimiter: 'comma', bom: true, longIds: 'text', format: 'csv' },
    fileName: 'acme_payment_from-2024-03-01_2024-04-02.csv',
  };
});

afterAll(() => db.close());

describe('export audit repository', () => {
  it('records who exported what, running until it ends, and keeps the first ending', async () => {
    const audit = await insertExportAudit(db, base);
    expect(audit).toMatchObject({ outcome: 'running', rowCount: 0, finishedAt: null, userEmail: 'finance@acme.test', filters: base.filters });
    expect(await finishExportAudit(db, audit.id, { outcome: 'failed', rowCount: 20_000, providerPages: 3, errorMessage: 'down', errorTraceId: 't-1' })).toBe(true);
    expect(await finishExportAudit(db, audit.id, { outcome: 'cancelled', rowCount: 1, providerPages: 1 })).toBe(false);
    const stored = await getExportAudit(db, base.organizationId, audit.id);
    expect(stored).toMatchObject({ outcome: 'failed', rowCount: 20_000, providerPages: 3, errorMessage: 'down', errorTraceId: 't-1' });
    expect(stored?.finishedAt).toBeInstanceOf(Date);
    const dto = exportAuditDtoSchema.parse(toExportAuditDto(stored ?? audit));
    expect(dto).toMatchObject({ outcome: 'failed', rows: 20_000, error: { message: 'down', traceId: 't-1' }, account: { label: base.connectionLabel } });
  });

  it('takes a running export’s heartbeat, and none once it has ended', async () => {
    const audit = await insertExportAudit(db, base);
    await recordExportProgress(db, audit.id, { rowCount: 7_500, providerPages: 3 });
    const running = await getExportAudit(db, base.organizationId, audit.id);
    expect(running).toMatchObject({ outcome: 'running', rowCount: 7_500, providerPages: 3 });
    expect(running?.aliveAt.getTime()).toBeGreaterThanOrEqual(audit.aliveAt.getTime());
    await finishExportAudit(db, audit.id, { outcome: 'completed', rowCount: 9_000, providerPages: 4 });
    await recordExportProgress(db, audit.id, { rowCount: 1, providerPages: 1 });
    expect(await getExportAudit(db, base.organizationId, audit.id)).toMatchObject({ outcome: 'completed', rowCount: 9_000, providerPages: 4 });
  });

  it('shows a running export whose heartbeat stopped as interrupted, and leaves ended ones as they ended', async () => {
    const running = await insertExportAudit(db, base);
    const alive = running.aliveAt.getTime();
    expect(toExportAuditDto(running, new Date(alive + EXPORT_STALE_AFTER_MS))).toMatchObject({ outcome: 'running', error: null });
    const stale = exportAuditDtoSchema.parse(toExportAuditDto(running, new Date(alive + EXPORT_STALE_AFTER_MS + 1)));
    expect(stale).toMatchObject({ outcome: 'interrupted', finishedAt: null, error: { traceId: null } });
    expect(stale.error?.message).toMatch(/server stopped before the file was finished/);

    await finishExportAudit(db, running.id, { outcome: 'completed', rowCount: 10, providerPages: 1 });
    const completed = await getExportAudit(db, base.organizationId, running.id);
    if (!completed) throw new Error('audit vanished');
    expect(toExportAuditDto(completed, new Date(alive + 24 * 3_600_000))).toMatchObject({ outcome: 'completed', error: null });
  });

  it('lists the organization’s exports newest first, page by page, and never another organization’s', async () => {
    for (let i = 0; i < 5; i += 1) await insertExportAudit(db, { ...base, fileName: `file-${i}.csv` });
    const first = await listExportAudits(db, base.organizationId, { limit: 3 });
    const second = await listExportAudits(db, base.organizationId, { limit: 3, beforeSeq: first.at(-1)?.seq });
    const names = [...first, ...second].map((a) => a.fileName);
    expect(names.slice(0, 5)).toEqual(['file-4.csv', 'file-3.csv', 'file-2.csv', 'file-1.csv', 'file-0.csv']);
    expect(new Set(names).size).toBe(names.length);
    expect(await listExportAudits(db, otherOrganizationId, { limit: 10 })).toEqual([]);
    expect(await getExportAudit(db, otherOrganizationId, first[0]?.id ?? '')).toBeNull();
    expect(await getExportAudit(db, base.organizationId, 'not-a-uuid')).toBeNull();
  });

  it('refuses an outcome outside the four', async () => {
    const audit = await insertExportAudit(db, base);
    await expect(
      db.query(`update export_audits set outcome = 'lost', finished_at = now() where id = $1`, [audit.id]),
    ).rejects.toThrow();
  });
});
