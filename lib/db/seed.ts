import 'server-only';
import type { Role } from '@/lib/auth/roles';
import { sandboxBaseUrl, sandboxConnectionConfig, type SandboxListing, type SandboxMerchant } from '@/lib/sandbox/account-types';
import { upsertConnectionByLabel, type NewConnection } from './connections';
import { addMembership } from './memberships';
import { upsertOrganizationBySlug } from './organizations';
import type { Db } from './types';
import { createUser, findUserByEmail } from './users';

export type DemoMerchant = SandboxMerchant;

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = 'fundsight-demo';

export const DEMO_ORGANIZATIONS: Record<DemoMerchant, { name: string; slug: string; timezone: string }> = {
  acme: { name: 'Acme Outfitters', slug: 'acme', timezone: 'America/New_York' },
  globex: { name: 'Globex Trading', slug: 'globex', timezone: 'Europe/Berlin' },
};

export const DEMO_USERS: readonly { email: string; name: string; merchant: DemoMerchant; role: Role }[] = [
  { email: 'finance@acme.test', name: 'Avery Finance', merchant: 'acme', role: 'finance' },
  { email: 'admin@acme.test', name: 'Alex Admin', merchant: 'acme', role: 'admin' },
  { email: 'viewer@acme.test', name: 'Vic Viewer', merchant: 'acme', role: 'viewer' },
  { email: 'finance@globex.test', name: 'Gabi Finance', merchant: 'globex', role: 'finance' },
  { email: 'admin@globex.test', name: 'Gus Admin', merchant: 'globex', role: 'admin' },
];

// Sandbox accounts that exist for automated tests only (benchmarks, edge cases): never shown in the demo.
const TEST_ONLY_KEYS = new Set(['bench', 'cnstore', 'noscope']);
const SEED_LOCK_KEY = 7_240_118;

export function isTestOnlyAccount(account: Pick<SandboxListing, 'key' | 'label'>): boolean {
  return TEST_ONLY_KEYS.has(account.key) || account.label.toUpperCase().startsWith('TEST ONLY');
}

export interface SeedDemoOptions {
  /** The running sandbox; null seeds organizations and users but no connections. */
  readonly sandboxUrl: string | null;
  /** The sandbox's accounts (GET /__sandbox/accounts, or SANDBOX_ACCOUNTS in tests); test-only ones are skipped. */
  readonly accounts: readonly SandboxListing[];
  readonly encryptionKey?: Buffer;
}

export interface SeedSummary {
  readonly usersCreated: number;
  readonly connections: number;
}

/**
 * Creates the two demo merchants, their users and their sandbox connections. Idempotent: existing
 * users keep their password and lock state; connections get the current sandbox URL and credentials.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const orgIds = {} as Record<DemoMerchant, string>;
    for (const merchant of ['acme', 'globex'] as const) {
      orgIds[merchant] = (await upsertOrganizationBySlug(tx, DEMO_ORGANIZATIONS[merchant])).id;
    }
    let usersCreated = 0;
    for (const demo of DEMO_USERS) {
      const existing = await findUserByEmail(tx, demo.email);
      const user = existing ?? (await createUser(tx, { email: demo.email, name: demo.name, password: DEMO_PASSWORD }));
      if (!existing) usersCreated += 1;
      await addMembership(tx, { userId: user.id, organizationId: orgIds[demo.merchant], role: demo.role });
    }
    const { sandboxUrl } = options;
    if (sandboxUrl === null) return { usersCreated, connections: 0 };
    const accounts = options.accounts.filter((account) => !isTestOnlyAccount(account));
    for (const account of accounts) {
      const connection: NewConnection = {
        organizationId: orgIds[account.merchant],
        label: account.label,
        baseUrl: sandboxBaseUrl(sandboxUrl, account),
        provider: account.provider,
        ...sandboxConnectionConfig(account),
      };
      await upsertConnectionByLabel(tx, connection, options.encryptionKey);
    }
    return { usersCreated, connections: accounts.length };
  });
}
