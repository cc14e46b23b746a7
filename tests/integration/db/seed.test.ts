import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConnection, listConnections } from '@/lib/db/connections';
import { listMembershipsForUser } from '@/lib/db/memberships';
import { findOrganizationBySlug } from '@/lib/db/organizations';
import { DEMO_USERS, isTestOnlyAccount, seedDemo } from '@/lib/db/seed';
import { findUserByEmail } from '@/lib/db/users';
import { SANDBOX_ACCOUNTS } from '@/lib/sandbox/accounts';
import { DRIVERS, openTestDatabase, type TestDatabase } from './databases';
import { TEST_KEY } from './fixtures';

const DEMO_ACCOUNTS = SANDBOX_ACCOUNTS.filter((account) => !isTestOnlyAccount(account));

async function counts(t: TestDatabase) {
  const [row] = await t.db.query<Record<string, number>>(
    `select (select count(*)::int from organizations) as organizations, (select count(*)::int from users) as users,
            (select count(*)::int from memberships) as memberships, (select count(*)::int from provider_connections) as connections`,
  );
  return row;
}

describe.each(DRIVERS)('demo seed on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.dispose());

  it('skips the sandbox’s test-only accounts', () => {
    const skipped = SANDBOX_ACCOUNTS.filter(isTestOnlyAccount).map((a) => a.key);
    expect(skipped).toEqual(expect.arrayContaining(['bench', 'cnstore', 'noscope']));
    expect(DEMO_ACCOUNTS.every((a) => !a.label.startsWith('TEST ONLY'))).toBe(true);
  });

  it('creates the two merchants, five users and the demo connections, and is idempotent', async () => {
    const options = { sandboxUrl: 'http://127.0.0.1:4010', accounts: SANDBOX_ACCOUNTS, encryptionKey: TEST_KEY };
    expect(await seedDemo(t.db, options)).toEqual({ usersCreated: 5, connections: DEMO_ACCOUNTS.length });
    const after = await counts(t);
    expect(after).toEqual({ organizations: 2, users: 5, memberships: 5, connections: DEMO_ACCOUNTS.length });

    const acme = await findOrganizationBySlug(t.db, 'acme');
    const ids = (await listConnections(t.db, acme!.id)).map((c) => c.id);
    expect(await seedDemo(t.db, options)).toEqual({ usersCreated: 0, connections: DEMO_ACCOUNTS.length });
    expect(await counts(t)).toEqual(after);
    expect((await listConnections(t.db, acme!.id)).map((c) => c.id)).toEqual(ids);
  });

  it('gives each demo user their merchant and role', async () => {
    for (const demo of DEMO_USERS) {
      const user = await findUserByEmail(t.db, demo.email);
      const memberships = await listMembershipsForUser(t.db, user!.id);
      expect(memberships.map((m) => [m.slug, m.role])).toEqual([[demo.merchant, demo.role]]);
    }
    expect(await findOrganizationBySlug(t.db, 'acme')).toMatchObject({ name: 'Acme Outfitters', timezone: 'America/New_York' });
    expect(await findOrganizationBySlug(t.db, 'globex')).toMatchObject({ name: 'Globex Trading', timezone: 'Europe/Berlin' });
  });

  it('points connections at the current sandbox URL with the sandbox credentials', async () => {
    await seedDemo(t.db, { sandboxUrl: 'http://127.0.0.1:5999/', accounts: SANDBOX_ACCOUNTS, encryptionKey: TEST_KEY });
    const globex = await findOrganizationBySlug(t.db, 'globex');
    const connections = await listConnections(t.db, globex!.id);
    expect(connections.map((c) => c.label).sort()).toEqual(
      DEMO_ACCOUNTS.filter((a) => a.merchant === 'globex').map((a) => a.label).sort(),
    );
    for (const summary of connections) expect(summary.baseUrl.startsWith('http://127.0.0.1:5999/')).toBe(true);
    const neox = connections.find((c) => c.provider === 'neox');
    const loaded = await getConnection(t.db, globex!.id, neox!.id, TEST_KEY);
    const account = DEMO_ACCOUNTS.find((a) => a.key === 'globex-neox');
    expect(loaded?.credentials).toEqual(
      account?.provider === 'neox' ? { clientId: account.clientId, clientSecret: account.clientSecret } : null,
    );
  });
});
