// Benchmark: Fundsight within the providers' rate limits, on one instance and on two sharing Redis.
// Run after `npm run build`: npx tsx scripts/bench-budget.ts [--overview-loads 100] [--page-loads 50]
//   [--instances 1,2] [--no-rate-limits]   (the sandbox's documented limits are ON unless that flag is given)
// Two instances need PostgreSQL (FUNDSIGHT_BENCH_DATABASE_URL, default the local `test` database; a fresh
// schema is made and dropped) and Redis (FUNDSIGHT_BENCH_REDIS_URL, default 127.0.0.1:6379, a fresh prefix).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_ENV, demoSecrets } from './launch.mjs';
import { percentile, signInCookie } from './lib/session';

const { values } = parseArgs({
  options: {
    'overview-loads': { type: 'string', default: '100' },
    'page-loads': { type: 'string', default: '50' },
    instances: { type: 'string', default: '1,2' },
    'no-rate-limits': { type: 'boolean', default: false },
  },
});
const OVERVIEW_LOADS = Number(values['overview-loads']);
const PAGE_LOADS = Number(values['page-loads']);
const LIMITS = !values['no-rate-limits'];
const SANDBOX_PORT = 3542;
const APP_PORTS = [3543, 3544];
const PG_URL = process.env.FUNDSIGHT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.FUNDSIGHT_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
// SHOPLINE's documented limit: a leaky bucket, 4 requests/s per store, burst 40.
const SHOPLINE_RATE = 4;
const SHOPLINE_BURST = 40;

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const ms = (n: number) => `${n.toFixed(0)} ms`;

interface Stats {
  accounts: Record<string, { requests: number; rateLimited: number; byPath: Record<string, { requests: number }> }>;
  totals: { requests: number; rateLimited: number };
}

function start(command: string, args: string[], env: Record<string, string>, name: string): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return child;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { redirect: 'manual' })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

const stop = (children: ChildProcess[]) => {
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone already
      }
    }
  }
};

async function sandboxStats(reset = false): Promise<Stats> {
  const url = `http://127.0.0.1:${SANDBOX_PORT}/__sandbox/stats`;
  const stats = (await (await fetch(url)).json()) as Stats;
  if (reset) await fetch(url, { method: 'DELETE' });
  return stats;
}

interface Timed<T> {
  readonly ms: number;
  readonly status: number;
  readonly body: T;
}

async function timed<T>(url: string, cookie: string): Promise<Timed<T>> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie } });
  const body = (await response.json()) as T;
  return { ms: performance.now() - started, status: response.status, body };
}

type Overview = { accounts: { provider: string; label: string; status: string; error?: { kind: string } }[] };
type Page = { items: unknown[]; error?: { code: string; kind?: string } };

async function overviewScenario(apps: string[], cookies: string[]): Promise<void> {
  await sandboxStats(true);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: OVERVIEW_LOADS }, (_, i) => timed<Overview>(`${apps[i % apps.length]}/api/balances`, cookies[i % apps.length]!)),
  );
  const wall = performance.now() - started;
  const stats = await sandboxStats();
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const accountErrors = results.reduce((n, r) => n + (r.status === 200 ? r.body.accounts.filter((a) => a.status !== 'ok').length : 1), 0);
  const kinds = new Set(results.flatMap((r) => (r.status === 200 ? r.body.accounts.flatMap((a) => (a.error ? [a.error.kind] : [])) : [`HTTP ${r.status}`])));
  console.info(`  ${OVERVIEW_LOADS} concurrent overview loads (acme, ${results[0]?.body.accounts?.length ?? '?'} accounts), ${(wall / 1000).toFixed(1)} s wall`);
  console.info(`    latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies.at(-1) ?? 0)}   (floor under the limits: 1 provider call per account, ~0 ms of waiting)`);
  console.info(`    user-visible account errors: ${accountErrors}${kinds.size ? ` (${[...kinds].join(', ')})` : ''}   (target 0)`);
  console.info('    upstream calls per account in this cache window (target 1):');
  for (const [account, s] of Object.entries(stats.accounts).sort()) {
    const paths = Object.entries(s.byPath).map(([path, p]) => `${path.split('/').pop()} ${p.requests}`).join(', ');
    console.info(`      ${account.padEnd(28)} ${s.requests}  (${paths}; 429s sent ${s.rateLimited})`);
  }
}

async function pagesScenario(apps: string[], cookies: string[], shoplineId: string): Promise<void> {
  await sandboxStats(true);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: PAGE_LOADS }, (_, i) =>
      timed<Page>(`${apps[i % apps.length]}/api/connections/${shoplineId}/transactions?limit=50`, cookies[i % apps.length]!),
    ),
  );
  const wall = (performance.now() - started) / 1000;
  const stats = await sandboxStats();
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const failed = results.filter((r) => r.status !== 200);
  const rateLimited = failed.filter((r) => r.status === 429 || r.body.error?.kind === 'rate_limited').length;
  const floor = Math.max(0, (PAGE_LOADS - SHOPLINE_BURST) / SHOPLINE_RATE);
  const store = stats.accounts['shopline:acme'];
  console.info(`  ${PAGE_LOADS} concurrent transaction page loads, one SHOPLINE store (acme), ${wall.toFixed(1)} s wall`);
  console.info(`    pages/s ${(PAGE_LOADS / wall).toFixed(2)}   (limit ${SHOPLINE_RATE}/s sustained, target ≥ 3.6/s; with the burst of ${SHOPLINE_BURST} the floor is ${floor.toFixed(1)} s for ${PAGE_LOADS} pages)`);
  console.info(`    latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`);
  console.info(`    429s seen by users: ${rateLimited}, other failures: ${failed.length - rateLimited}${failed[0] ? ` (first: HTTP ${failed[0].status} ${failed[0].body.error?.code ?? ''})` : ''}   (target 0)`);
  console.info(`    provider calls for the store: ${store?.requests ?? 0}, 429s the sandbox sent: ${store?.rateLimited ?? 0}   (target 0)`);
}

async function phase(instances: number): Promise<void> {
  const children: ChildProcess[] = [];
  const schema = `fundsight_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    const env: Record<string, string> = {
      ...DEMO_ENV,
      // One pair for every instance of a phase: they must read each other's sessions and credentials.
      ...demoSecrets('memory://'),
      FUNDSIGHT_SANDBOX_URL: `http://127.0.0.1:${SANDBOX_PORT}`,
      FUNDSIGHT_LOG: 'silent',
    };
    if (instances > 1) {
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const url = new URL(PG_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      Object.assign(env, { DATABASE_URL: url.toString(), REDIS_URL, REDIS_KEY_PREFIX: `fundsight:bench:${schema}:` });
    } else {
      env.PGLITE_DATA_DIR = 'memory://';
    }
    const apps = APP_PORTS.slice(0, instances).map((port) => `http://localhost:${port}`);
    // One after the other: both seed the same database, and the first one migrates it.
    for (const [i, app] of apps.entries()) {
      const port = APP_PORTS[i]!;
      const child = start('npx', ['next', 'start', '-p', String(port)], { ...env, NEXTAUTH_URL: app }, `app${i + 1}`);
      children.push(child);
      await waitFor(`${app}/sign-in`, child);
    }
    const cookies = await Promise.all(apps.map((app) => signInCookie(app, 'finance@acme.test', 'fundsight-demo')));
    const { connections } = (await (await fetch(`${apps[0]}/api/connections`, { headers: { Cookie: cookies[0]! } })).json()) as {
      connections: { id: string; provider: string; label: string }[];
    };
    const shopline = connections.find((c) => c.provider === 'shopline' && !c.label.startsWith('TEST ONLY'));
    if (!shopline) throw new Error('no SHOPLINE demo connection');

    console.info(`\n== ${instances === 1 ? 'one instance (embedded: PGlite, budgets and cache in memory)' : `${instances} instances sharing PostgreSQL and Redis`}; load ${load()}`);
    await overviewScenario(apps, cookies);
    // A full budget for the next figure: SHOPLINE's burst window is 16 s.
    await new Promise((resolve) => setTimeout(resolve, 17_000));
    await pagesScenario(apps, cookies, shopline.id);
    const total = await sandboxStats();
    console.info(`  load after the phase: ${load()}; sandbox 429s in the last scenario: ${total.totals.rateLimited}`);
  } finally {
    stop(children);
    if (instances > 1) {
      await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
  }
}

async function main(): Promise<void> {
  const sandboxArgs = ['tsx', 'scripts/sandbox.ts', '--port', String(SANDBOX_PORT), ...(LIMITS ? [] : ['--no-rate-limits'])];
  const sandbox = start('npx', sandboxArgs, {}, 'sandbox');
  try {
    await waitFor(`http://127.0.0.1:${SANDBOX_PORT}/__sandbox/health`, sandbox);
    console.info(`provider budget benchmark; sandbox rate limits ${LIMITS ? 'ON (documented: SHOPLINE 4/s burst 40, Genstore 40 + 2/s, NeoX 10 + 10/s)' : 'OFF (--no-rate-limits)'}`);
    for (const instances of values.instances.split(',').map(Number)) await phase(instances);
  } finally {
    stop([sandbox]);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
