import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { seedDemo } from '@/lib/db/seed';
import { exportJobSystem } from '@/lib/exports/job-system';
import { log } from '@/lib/log';
import { assertRedisReachable } from '@/lib/redis/client';
import { sandboxAccountsSchema, type SandboxListing } from '@/lib/sandbox/account-types';

/** The demo accounts as the running sandbox lists them; the app's code holds none of their credentials. */
async function sandboxAccounts(sandboxUrl: string): Promise<readonly SandboxListing[]> {
  const response = await fetch(`${sandboxUrl.replace(/\/+$/, '')}/__sandbox/accounts`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the sandbox at ${sandboxUrl} did not list its accounts (HTTP ${response.status})`);
  return sandboxAccountsSchema.parse(await response.json()).accounts;
}

/** Validates configuration, opens and migrates the database, seeds the demo; exits on failure. */
export async function startServer(): Promise<void> {
  try {
    const env = serverEnv();
    if (env.redisUrl) await assertRedisReachable(env.redisUrl);
    const db = await getDb();
    if (env.demoSeed) {
      if (!env.sandboxUrl) throw new Error('FUNDSIGHT_SANDBOX_URL must be set when FUNDSIGHT_DEMO_SEED=true');
      await seedDemo(db, { sandboxUrl: env.sandboxUrl, accounts: await sandboxAccounts(env.sandboxUrl) });
    }
    // Every instance runs a job worker; without Redis, unfinished jobs resume here.
    await exportJobSystem();
    log.info('server.ready', { database: env.database.kind, redis: env.redisUrl !== null, demoSeed: env.demoSeed });
  } catch (error) {
    console.error(`Fundsight cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
