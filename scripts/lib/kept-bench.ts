// A bench store connection in a throwaway embedded database, so benchmarks run the kept-days code as the app does.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { LoadedConnection } from '@/lib/connections/client';
import { createConnection } from '@/lib/db/connections';
import { openDb } from '@/lib/db/open';
import { createOrganization } from '@/lib/db/organizations';
import type { Db } from '@/lib/db/types';
import { databaseKeptDays, type KeptDaysStore } from '@/lib/kept-days/store';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, type SandboxAccount } from '@/lib/sandbox/accounts';

type ShoplineAccount = Extract<SandboxAccount, { provider: 'shopline' }>;

export function benchStore(): ShoplineAccount {
  const found = SANDBOX_ACCOUNTS.find((a) => a.key === 'bench');
  if (!found || found.provider !== 'shopline') throw new Error('no bench store in the sandbox');
  return found;
}

export interface KeptBench {
  readonly db: Db;
  readonly connection: LoadedConnection;
  readonly kept: KeptDaysStore;
}

/** An organization in `timeZone` with the bench store connected, in PGlite in memory. */
export async function keptBench(sandboxUrl: string, timeZone: string): Promise<KeptBench> {
  const store = benchStore();
  const db = await openDb({ kind: 'pglite', dataDir: 'memory://' });
  const org = await createOrganization(db, { name: 'Bench', slug: `bench-${randomBytes(4).toString('hex')}`, timezone: timeZone });
  const input = {
    organizationId: org.id,
    provider: 'shopline' as const,
    label: store.label,
    baseUrl: sandboxBaseUrl(sandboxUrl, store),
    settings: { handle: store.handle },
    credentials: { accessToken: store.accessToken },
  };
  const summary = await createConnection(db, input, randomBytes(32));
  return { db, connection: { ...input, id: summary.id }, kept: databaseKeptDays(async () => db) };
}

/** The 1-, 5- and 15-minute load averages, as `uptime` prints them. */
export const load = () => `load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;
