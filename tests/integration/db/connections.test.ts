import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectionInputError,
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  listConnectionsWithCredentials,
  StoredConnectionError,
  upsertConnectionByLabel,
} from '@/lib/db/connections';
import type { Organization } from '@/lib/db/organizations';
import { DRIVERS, openTestDatabase, type TestDatabase } from './databases';
import { genpaymentConnection, newOrganization, OTHER_KEY, TEST_KEY } from './fixtures';

describe.each(DRIVERS)('provider connections on %s', (kind) => {
  let t: TestDatabase;
  let acme: Organization;
  let globex: Organization;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    acme = await newOrganization(t.db, 'Acme');
    globex = await newOrganization(t.db, 'Globex');
  });
  afterAll(() => t.dispose());

  it('stores credentials encrypted: the column holds a v1 envelope, never the token', async () => {
    const token = 'gpat_plaintext_must_not_appear';
    const created = await createConnection(t.db, genpaymentConnection(acme.id, token), TEST_KEY);
    const [row] = await t.db.query<{ credentials_ciphertext: string; settings: unknown }>(
      'select credentials_ciphertext, settings from provider_connections where id = $1',
      [created.id],
    );
    expect(row?.credentials_ciphertext).toMatch(/^v1\./);
    expect(row?.credentials_ciphertext).not.toContain(token);
    expect(row?.settings).toEqual({ shop: 'acme-us' });
    const loaded = await getConnection(t.db, acme.id, created.id, TEST_KEY);
    expect(loaded).toMatchObject({ provider: 'genpayment', settings: { shop: 'acme-us' }, credentials: { accessToken: token } });
  });

  it('gives connections unguessable ids', async () => {
    const a = await createConnection(t.db, genpaymentConnection(acme.id), TEST_KEY);
    const b = await createConnection(t.db, genpaymentConnection(acme.id), TEST_KEY);
    expect(a.id).toMatch(/^conn_[0-9a-f]{32}$/);
    expect(a.id).not.toBe(b.id);
  });

  it('lists metadata without credentials', async () => {
    const token = 'gpat_listed_but_hidden';
    await createConnection(t.db, genpaymentConnection(acme.id, token), TEST_KEY);
    const list = await listConnections(t.db, acme.id);
    expect(list.length).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toContain(token);
    for (const connection of list) expect(connection).not.toHaveProperty('credentials');
  });

  it('isolates tenants: another organization’s connection id reads as missing', async () => {
    const globexConnection = await createConnection(t.db, genpaymentConnection(globex.id), TEST_KEY);
    expect(await getConnection(t.db, acme.id, globexConnection.id, TEST_KEY)).toBeNull();
    expect(await getConnection(t.db, globex.id, globexConnection.id, TEST_KEY)).not.toBeNull();
    expect((await listConnections(t.db, acme.id)).map((c) => c.id)).not.toContain(globexConnection.id);
    expect((await listConnectionsWithCredentials(t.db, acme.id, TEST_KEY)).map((c) => c.id)).not.toContain(globexConnection.id);
    expect(await deleteConnection(t.db, acme.id, globexConnection.id)).toBe(false);
    expect(await deleteConnection(t.db, globex.id, globexConnection.id)).toBe(true);
    expect(await getConnection(t.db, globex.id, globexConnection.id, TEST_KEY)).toBeNull();
  });

  it('reads unknown ids and malformed organization ids as missing', async () => {
    expect(await getConnection(t.db, acme.id, 'conn_00000000000000000000000000000000', TEST_KEY)).toBeNull();
    expect(await getConnection(t.db, 'not-a-uuid', 'conn_x', TEST_KEY)).toBeNull();
    expect(await listConnections(t.db, 'not-a-uuid')).toEqual([]);
  });

  it('refuses to open credentials with the wrong key, without revealing them', async () => {
    const token = 'gpat_wrong_key_secret';
    const created = await createConnection(t.db, genpaymentConnection(acme.id, token), TEST_KEY);
    const error = await getConnection(t.db, acme.id, created.id, OTHER_KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredConnectionError);
    expect(String((error as Error).message)).not.toContain(token);
  });

  it('refuses ciphertext copied from another tenant’s row', async () => {
    const victim = await createConnection(t.db, genpaymentConnection(globex.id, 'gpat_globex_secret'), TEST_KEY);
    const attacker = await createConnection(t.db, genpaymentConnection(acme.id), TEST_KEY);
    await t.db.query(
      `update provider_connections set credentials_ciphertext =
         (select credentials_ciphertext from provider_connections where id = $1) where id = $2`,
      [victim.id, attacker.id],
    );
    await expect(getConnection(t.db, acme.id, attacker.id, TEST_KEY)).rejects.toBeInstanceOf(StoredConnectionError);
  });

  it.each([
    ['an unknown provider', { provider: 'stripe' }],
    [
      'a NeoX subMerchantId over 15 characters',
      { provider: 'neox', settings: { subMerchantId: 'X'.repeat(16) }, credentials: { clientId: 'c', clientSecret: 's' } },
    ],
    [
      'NeoX credentials without clientSecret',
      { provider: 'neox', settings: { subMerchantId: 'ACME1' }, credentials: { clientId: 'c' } },
    ],
    ['an unexpected settings key', { settings: { shop: 'acme', accessToken: 'gpat_misplaced_secret' } }],
    ['SHOPLINE settings on a GenPayment connection', { settings: { handle: 'acme' } }],
    ['a non-http base URL', { baseUrl: 'file:///etc/passwd' }],
    ['an empty label', { label: ' ' }],
  ])('rejects %s before storing, naming fields but not values', async (_name, override) => {
    const input = { ...genpaymentConnection(acme.id), ...override } as Parameters<typeof createConnection>[1];
    const error = await createConnection(t.db, input, TEST_KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionInputError);
    expect((error as Error).message).not.toContain('gpat_');
  });

  it('rejects a second connection with the same label in one organization', async () => {
    const input = genpaymentConnection(acme.id);
    await createConnection(t.db, input, TEST_KEY);
    await expect(createConnection(t.db, input, TEST_KEY)).rejects.toBeInstanceOf(ConnectionInputError);
    await expect(createConnection(t.db, { ...input, organizationId: globex.id }, TEST_KEY)).resolves.toBeDefined();
  });

  it('upserts by label: same id, new URL and credentials', async () => {
    const input = genpaymentConnection(acme.id, 'gpat_old');
    const first = await upsertConnectionByLabel(t.db, input, TEST_KEY);
    const second = await upsertConnectionByLabel(
      t.db,
      { ...input, baseUrl: 'http://127.0.0.1:5020/genpayment/acme-us', credentials: { accessToken: 'gpat_new' } },
      TEST_KEY,
    );
    expect(second.id).toBe(first.id);
    expect(second.baseUrl).toBe('http://127.0.0.1:5020/genpayment/acme-us');
    expect((await getConnection(t.db, acme.id, first.id, TEST_KEY))?.credentials).toEqual({ accessToken: 'gpat_new' });
  });
});
