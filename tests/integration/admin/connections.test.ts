import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addConnection,
  checkCandidate,
  editConnection,
  listConnectionViews,
  removeConnection,
  rotateCredentials,
  testCandidate,
  testSavedConnection,
} from '@/lib/admin/connections';
import { listAudit } from '@/lib/admin/audit';
import { FieldError } from '@/lib/admin/errors';
import { listConnections } from '@/lib/db/connections';
import { openDb } from '@/lib/db/open';
import { createOrganization } from '@/lib/db/organizations';
import type { Db } from '@/lib/db/types';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, type SandboxAccount } from '@/lib/sandbox';
import { sandboxConnectionConfig } from '@/lib/sandbox/accounts';
import { sandboxPerSuite } from '../providers/support';

process.env.FUNDSIGHT_LOG = 'silent';

const sandbox = sandboxPerSuite();
let db: Db;
let acme: { id: string };
let globex: { id: string };
const actor = () => ({ userId: null, email: 'admin@acme.test', organizationId: acme.id });

beforeAll(async () => {
  db = await openDb({ kind: 'pglite', dataDir: 'memory://' });
  acme = await createOrganization(db, { name: 'Acme', slug: 'acme' });
  globex = await createOrganization(db, { name: 'Globex', slug: 'globex' });
});
afterAll(() => db.close());

const byKey = (key: string): SandboxAccount => {
  const found = SANDBOX_ACCOUNTS.find((a) => a.key === key);
  if (!found) throw new Error(key);
  return found;
};

function formOf(key: string, label = `Test ${key}`) {
  const account = byKey(key);
  return { provider: account.provider, label, baseUrl: sandboxBaseUrl(sandbox.sandbox.url, account), ...sandboxConnectionConfig(account) };
}

const wrongCredentials = (credentials: Record<string, string>) =>
  Object.fromEntries(Object.entries(credentials).map(([k, v]) => [k, k === 'clientId' ? v : `${v}-wrong`]));

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof FieldError)) throw new Error(`expected a FieldError, got ${String(error)}`);
  return error.fields;
}

describe.each(['acme-genpayment-us', 'acme-shopline', 'acme-neox'])('connection lifecycle of %s against the sandbox', (key) => {
  it('tests, adds, tests saved, rotates (a wrong secret fails, the right one works), disables and removes', async () => {
    const form = formOf(key);
    expect(await testCandidate(await checkCandidate(form))).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected/) });

    const created = await addConnection(db, actor(), form);
    expect(await testSavedConnection(db, acme.id, created.id)).toMatchObject({ ok: true });
    let [view] = (await listConnectionViews(db, acme.id)).filter((v) => v.id === created.id);
    expect(view).toMatchObject({ label: form.label, credentialsReadable: true, lastError: null, lastSuccessAt: expect.any(String) });
    expect(JSON.stringify(view)).not.toContain(Object.values(form.credentials)[0]);

    await rotateCredentials(db, actor(), created.id, wrongCredentials(form.credentials));
    expect(await testSavedConnection(db, acme.id, created.id)).toMatchObject({ ok: false, problem: 'auth' });
    [view] = (await listConnectionViews(db, acme.id)).filter((v) => v.id === created.id);
    expect(view?.lastError?.message).toMatch(/401/);

    await rotateCredentials(db, actor(), created.id, form.credentials);
    expect(await testSavedConnection(db, acme.id, created.id)).toMatchObject({ ok: true });

    await editConnection(db, actor(), created.id, { disabled: true });
    [view] = (await listConnectionViews(db, acme.id)).filter((v) => v.id === created.id);
    expect(view?.disabled).toBe(true);
    // The dashboard lists enabled connections only.
    expect((await listConnections(db, acme.id)).some((c) => c.id === created.id)).toBe(false);

    await removeConnection(db, actor(), created.id);
    expect((await listConnectionViews(db, acme.id)).some((v) => v.id === created.id)).toBe(false);

    const actions = (await listAudit(db, acme.id)).filter((e) => e.target.id === created.id).map((e) => e.action);
    expect(actions).toEqual(['connection.remove', 'connection.disable', 'connection.rotate_credentials', 'connection.rotate_credentials', 'connection.create']);
    const everything = JSON.stringify(await listAudit(db, acme.id));
    for (const secret of Object.values(form.credentials)) expect(everything).not.toContain(secret);
  });
});

describe('test connection reports the exact problem', () => {
  it('401 for a wrong token', async () => {
    const form = formOf('acme-shopline');
    const result = await testCandidate(await checkCandidate({ ...form, credentials: { accessToken: 'wrong-token' } }));
    expect(result).toMatchObject({ ok: false, problem: 'auth', status: 401, message: expect.stringContaining('401') });
  });

  it('403 for a token without the read_finance_account scope', async () => {
    const result = await testCandidate(await checkCandidate(formOf('noscope')));
    expect(result).toMatchObject({ ok: false, problem: 'forbidden', status: 403, message: expect.stringContaining('read_finance_account') });
  });

  it('an unreachable host', async () => {
    const result = await testCandidate(await checkCandidate({ ...formOf('acme-shopline'), baseUrl: 'http://127.0.0.1:9/shopline/acme' }));
    expect(result).toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('a wrong base URL path answers 404, and one repeating the client path is refused before any call', async () => {
    const form = formOf('acme-shopline');
    const result = await testCandidate(await checkCandidate({ ...form, baseUrl: `${sandbox.sandbox.url}/nowhere` }));
    expect(result).toMatchObject({ ok: false, problem: 'wrong_path', status: 404 });
    const fields = await fieldErrors(checkCandidate({ ...form, baseUrl: `${form.baseUrl}/admin/openapi/v20250601` }));
    expect(fields.baseUrl).toMatch(/Leave the API path "\/admin\/openapi\/v20250601" out/);
  });

  it('field errors name each bad field of the provider form', async () => {
    const fields = await fieldErrors(
      checkCandidate({ provider: 'neox', baseUrl: '', settings: { subMerchantId: '' }, credentials: { clientId: '', clientSecret: '' } }),
    );
    expect(Object.keys(fields).sort()).toEqual(['credentials.clientId', 'credentials.clientSecret', 'settings.subMerchantId']);
    expect(await fieldErrors(checkCandidate({ ...formOf('acme-neox'), baseUrl: '' }))).toHaveProperty('baseUrl');
  });
});

describe('tenant isolation', () => {
  it('another organization cannot see, test, edit, rotate or remove the connection', async () => {
    const created = await addConnection(db, actor(), formOf('acme-genpayment-us', 'Isolated'));
    const other = { userId: null, email: 'admin@globex.test', organizationId: globex.id };
    expect(await listConnectionViews(db, globex.id)).toEqual([]);
    await expect(testSavedConnection(db, globex.id, created.id)).rejects.toMatchObject({ status: 404 });
    await expect(editConnection(db, other, created.id, { label: 'Taken' })).rejects.toMatchObject({ status: 404 });
    await expect(rotateCredentials(db, other, created.id, { accessToken: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(removeConnection(db, other, created.id)).rejects.toMatchObject({ status: 404 });
    expect((await listConnectionViews(db, acme.id)).find((v) => v.id === created.id)?.label).toBe('Isolated');
  });

  it('a connection whose credentials no longer decrypt is listed as needing new credentials, and rotation fixes it', async () => {
    const created = await addConnection(db, actor(), formOf('acme-genpayment-us', 'Old key'));
    await db.query("update provider_connections set credentials_ciphertext = 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA' where id = $1", [created.id]);
    expect((await listConnectionViews(db, acme.id)).find((v) => v.id === created.id)?.credentialsReadable).toBe(false);
    expect(await testSavedConnection(db, acme.id, created.id)).toMatchObject({ ok: false, problem: 'credentials' });
    await rotateCredentials(db, actor(), created.id, sandboxConnectionConfig(byKey('acme-genpayment-us')).credentials);
    expect((await listConnectionViews(db, acme.id)).find((v) => v.id === created.id)?.credentialsReadable).toBe(true);
  });
});
