import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/open';
import { DEMO_ORGANIZATIONS, seedDemo } from '@/lib/db/seed';
import type { Db } from '@/lib/db/types';
import { SANDBOX_ACCOUNTS, startSandbox, type AccountStats, type Sandbox } from '@/lib/sandbox';
import { emptyDatabase } from '../db/databases';
import { REDIS_URL, uniquePrefix } from './redis';

const PORTS = [3540, 3541] as const;
const KEY = Buffer.alloc(32, 5);
const CALLS = 60;

/** Starts one instance: its own process, the same database and Redis as the other. */
async function instance(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/tsx', ['--conditions=react-server', 'tests/integration/budget/instance.ts'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await Promise.race([
    once(child.stdout!, 'data'),
    once(child, 'exit').then(() => {
      throw new Error(`instance on ${port} exited`);
    }),
  ])) as [Buffer];
  if (!chunk.toString().includes('listening')) throw new Error(`instance on ${port}: ${chunk.toString()}`);
  return child;
}

async function get(port: number, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('two server instances on one database and one Redis', () => {
  let sandbox: Sandbox;
  let db: Db;
  let drop: () => Promise<void>;
  const children: ChildProcess[] = [];
  let acmeId = '';
  let shoplineId = '';

  const accounts = async () =>
    ((await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { accounts: Record<string, AccountStats> }).accounts;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, rateLimits: true });
    const database = await emptyDatabase('postgres');
    drop = database.drop;
    if (database.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    db = await openDb(database.config);
    await seedDemo(db, { sandboxUrl: sandbox.url, accounts: SANDBOX_ACCOUNTS, encryptionKey: KEY });
    const [org] = await db.query<{ id: string }>('select id from organizations where slug = $1', [DEMO_ORGANIZATIONS.acme.slug]);
    acmeId = org?.id ?? '';
    const [connection] = await db.query<{ id: string }>(
      "select id from provider_connections where organization_id = $1 and provider = 'shopline'",
      [acmeId],
    );
    shoplineId = connection?.id ?? '';
    const env = {
      DATABASE_URL: database.config.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: uniquePrefix('instances'),
      FUNDSIGHT_ENCRYPTION_KEY: KEY.toString('base64'),
      FUNDSIGHT_LOG: 'silent',
      NODE_ENV: 'test',
    };
    children.push(...(await Promise.all(PORTS.map((port) => instance(port, env)))));
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await db?.close();
    await drop?.();
    await sandbox?.close();
  });

  it('reuses a NeoX token fetched by one instance in the other', async () => {
    const first = await get(PORTS[0], `/overview?org=${acmeId}`);
    expect(first.status).toBe(200);
    // Refresh: the second instance calls NeoX itself, with the token the first one stored.
    const second = await get(PORTS[1], `/overview?org=${acmeId}&refresh=1`);
    expect(second.status).toBe(200);
    for (const overview of [first, second]) {
      expect((overview.body.accounts as { status: string }[]).every((a) => a.status === 'ok')).toBe(true);
    }
    const neox = (await accounts())['neox:ACME00000000001'];
    expect(neox?.byPath['/v2/auth/oauth2/token']?.requests).toBe(1);
    expect(neox?.byPath['/v2/gc/accounts/balance/query']?.requests).toBe(2);
  });

  it(`keeps one SHOPLINE store within 4 requests/s between them: ${CALLS} page loads, no 429`, async () => {
    await fetch(`${sandbox.url}/__sandbox/stats`, { method: 'DELETE' });
    const loads = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => get(PORTS[i % 2]!, `/transactions?org=${acmeId}&connection=${shoplineId}`)),
    );
    expect(loads.map((l) => l.status)).toEqual(Array.from({ length: CALLS }, () => 200));
    const store = (await accounts())['shopline:acme'];
    expect(store).toMatchObject({ requests: CALLS, rateLimited: 0 });
    const afterBurst = (store?.arrivals ?? []).slice(40);
    const rate = (afterBurst.length - 1) / (((afterBurst.at(-1) ?? 0) - (afterBurst[0] ?? 0)) / 1000);
    expect(rate).toBeLessThanOrEqual(4.05);
  }, 60_000);
});
