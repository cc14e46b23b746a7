// Benchmark: CSV export of the `bench` store (1,000,000 SHOPLINE transactions) through the real route
// (`next start` + the sandbox as its own process, rate limits off), next to a bare loop that only fetches
// and parses the same provider pages (the floor: cursor paging is sequential). Prints rows/s, time to
// first byte and the server process's memory at ~100,000 and at 1,000,000 rows.
// Run after `npx next build`: npx tsx --conditions=react-server scripts/bench-export.ts [--app-port 3396 --sandbox-port 4396]
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRecordCounter } from '@/lib/csv/record-counter';
import { upsertConnectionByLabel } from '@/lib/db/connections';
import { openDb } from '@/lib/db/open';
import { DEMO_ORGANIZATIONS, seedDemo } from '@/lib/db/seed';
import { findOrganizationBySlug } from '@/lib/db/organizations';
import { createProviderClient } from '@/lib/providers/registry';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl } from '@/lib/sandbox/accounts';
import { dateIn } from '@/lib/transactions/dates';
import { EXPORT_PAGE_SIZE } from '@/lib/exports/service';
import { demoSecrets, launch } from './launch.mjs';
import { drainBucket, limitFloorSeconds, limitsNote, shoplineBudget } from './lib/limits';
import { signInCookie } from './lib/session';

const { values } = parseArgs({
  options: {
    'app-port': { type: 'string', default: '3396' },
    'sandbox-port': { type: 'string', default: '4396' },
    // Internal: run only the floor loop against this sandbox and print its figures as JSON (see floorProcess).
    'floor-only': { type: 'string' },
    'no-rate-limits': { type: 'boolean', default: false },
  },
});
const LIMITS = !values['no-rate-limits'];
const APP_PORT = Number(values['app-port']);
const SANDBOX_PORT = Number(values['sandbox-port']);
const PAGE_SIZE = EXPORT_PAGE_SIZE;
const ZONE = DEMO_ORGANIZATIONS.acme.timezone;
const bench = SANDBOX_ACCOUNTS.find((a) => a.key === 'bench');
if (!bench || bench.provider !== 'shopline') throw new Error('no bench store in the sandbox');

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

/** The bench connection next to the demo seed, in a PGlite directory the server then opens. */
async function prepareDatabase(dataDir: string, sandboxUrl: string): Promise<void> {
  const key = Buffer.from(demoSecrets(dataDir).FUNDSIGHT_ENCRYPTION_KEY, 'base64');
  const db = await openDb({ kind: 'pglite', dataDir });
  try {
    await seedDemo(db, { sandboxUrl, accounts: SANDBOX_ACCOUNTS, encryptionKey: key });
    const acme = await findOrganizationBySlug(db, DEMO_ORGANIZATIONS.acme.slug);
    if (!acme || !bench || bench.provider !== 'shopline') throw new Error('seed did not create acme');
    await upsertConnectionByLabel(
      db,
      {
        organizationId: acme.id,
        label: bench.label,
        baseUrl: sandboxBaseUrl(sandboxUrl, bench),
        provider: 'shopline',
        settings: { handle: bench.handle },
        credentials: { accessToken: bench.accessToken },
      },
      key,
    );
  } finally {
    await db.close();
  }
}

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

/** The Next.js server: the largest process in the group `npx next start` leads. */
function serverPid(groupLeader: number): number {
  const members = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === groupLeader;
      } catch {
        return false;
      }
    });
  const [largest] = members.sort((a, b) => rssOf(b) - rssOf(a));
  if (largest === undefined) throw new Error('server process not found');
  return largest;
}

/** The floor: fetch and parse every page, nothing else. Returns the time of row `mark` for the smaller export. */
async function floor(sandboxUrl: string, mark: number): Promise<FloorRun> {
  if (!bench || bench.provider !== 'shopline') throw new Error('no bench store');
  const api = createProviderClient({
    provider: 'shopline',
    baseUrl: sandboxBaseUrl(sandboxUrl, bench),
    settings: { handle: bench.handle },
    credentials: { accessToken: bench.accessToken },
    http: LIMITS ? { budget: shoplineBudget(sandboxBaseUrl(sandboxUrl, bench), bench.handle) } : {},
  }).transactions;
  if (!api) throw new Error('no transactions api');
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  let rows = 0;
  let markTime = '';
  let cursor: string | null = null;
  do {
    const page = await api.listTransactions(cursor === null ? { limit: PAGE_SIZE } : { cursor, limit: PAGE_SIZE });
    if (rows < mark && rows + page.items.length >= mark) markTime = page.items[mark - rows - 1]?.transactionTime ?? '';
    rows += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  clearInterval(sampler);
  return { rows, ms: performance.now() - started, markTime, rssGrowth: rssPeak - rssBefore };
}

interface FloorRun {
  rows: number;
  ms: number;
  markTime: string;
  rssGrowth: number;
}

/** The floor in a fresh process of its own, so its time and memory are not the benchmark's. */
async function floorProcess(sandboxUrl: string): Promise<FloorRun> {
  // The floor process has a budget of its own: the server's traffic must have drained from the store's bucket.
  if (LIMITS) await drainBucket();
  const { stdout } = await promisify(execFile)(
    'node_modules/.bin/tsx',
    ['--conditions=react-server', 'scripts/bench-export.ts', '--floor-only', sandboxUrl, ...(LIMITS ? [] : ['--no-rate-limits'])],
    { maxBuffer: 1 << 20 },
  );
  if (LIMITS) await drainBucket();
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as FloorRun;
}

interface RouteRun {
  rows: number;
  bytes: number;
  ttfbMs: number;
  ms: number;
  rssBefore: number;
  rssPeak: number;
  /** Server RSS each time another 100,000 rows had arrived: shows whether memory levels off. */
  rssTrail: number[];
}

async function routeExport(url: string, cookie: string, pid: number): Promise<RouteRun> {
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssOf(pid));
  }, 20);
  const counter = createRecordCounter();
  const rssTrail: number[] = [];
  let bytes = 0;
  let ttfbMs = 0;
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { Cookie: cookie } });
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) ttfbMs = performance.now() - started;
      bytes += value.byteLength;
      const before = counter.records;
      if (Math.floor(counter.push(value) / 100_000) > Math.floor(before / 100_000)) rssTrail.push(rssOf(pid));
    }
  } finally {
    clearInterval(sampler);
  }
  rssPeak = Math.max(rssPeak, rssOf(pid));
  return { rows: counter.records - 1, bytes, ttfbMs, ms: performance.now() - started, rssBefore, rssPeak, rssTrail };
}

function report(name: string, run: RouteRun, floorMs: number, floorRows: number): void {
  console.info(
    `${name}: ${run.rows.toLocaleString('en-US')} rows, ${mb(run.bytes)} in ${secs(run.ms)} (${rate(run.rows, run.ms)}), ` +
      `first byte ${Math.round(run.ttfbMs)} ms, ${(run.ms / ((floorMs * run.rows) / floorRows)).toFixed(3)}x the floor's time for as many rows; ` +
      `server RSS ${mb(run.rssBefore)} -> peak ${mb(run.rssPeak)} (growth ${mb(run.rssPeak - run.rssBefore)})`,
  );
  if (run.rssTrail.length > 1) console.info(`  server RSS growth per 100,000 rows: ${run.rssTrail.map((rss) => Math.round((rss - run.rssBefore) / 1_048_576)).join(', ')} MB`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until `stopAfter` network chunks, or to the end; `error` when the transfer broke off. */
async function readExport(response: Response, stopAfter: number, atChunk?: { chunk: number; run: () => Promise<void> }) {
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const counter = createRecordCounter();
  for (let chunk = 1; chunk <= stopAfter; chunk += 1) {
    const result = await reader.read().catch((error: unknown) => ({ error }));
    if ('error' in result) {
      const cause = result.error instanceof Error && result.error.cause instanceof Error ? `: ${result.error.cause.message}` : '';
      return { rows: counter.records - 1, error: `${result.error instanceof Error ? result.error.message : String(result.error)}${cause}` };
    }
    if (result.done) return { rows: counter.records - 1, error: null };
    counter.push(result.value);
    if (chunk === atChunk?.chunk) await atChunk.run();
  }
  await reader.cancel();
  return { rows: counter.records - 1, error: null };
}

/** Through the real server: a provider failing midway cuts the response off, and each ending lands in the audit. */
async function endings(server: { appUrl: string; cookie: string; exportUrl: (search: string) => string }, sandboxUrl: string): Promise<void> {
  const faults = `${sandboxUrl}/__sandbox/faults`;
  const failing = await fetch(server.exportUrl(''), { headers: { Cookie: server.cookie } });
  const failed = await readExport(failing, Number.POSITIVE_INFINITY, {
    chunk: 3,
    run: async () => {
      const fault = { provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'status', status: 503 };
      await fetch(faults, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
    },
  });
  await fetch(faults, { method: 'DELETE' });
  console.info(`provider failing midway: ${failed.rows.toLocaleString('en-US')} rows received, then ${failed.error ? `the transfer broke off (${failed.error})` : 'a clean end (WRONG)'}`);

  const controller = new AbortController();
  const cancelled = await fetch(server.exportUrl(''), { headers: { Cookie: server.cookie }, signal: controller.signal });
  const read = await readExport(cancelled, 3);
  controller.abort();
  await sleep(1_000);
  const admin = await signInCookie(server.appUrl, 'admin@acme.test', 'fundsight-demo');
  const audit = (await (await fetch(`${server.appUrl}/api/exports?limit=2`, { headers: { Cookie: admin } })).json()) as {
    items: { outcome: string; rows: number; providerPages: number; error: { message: string } | null }[];
  };
  console.info(`download cancelled by the client after ${read.rows.toLocaleString('en-US')} rows; audit, newest first:`);
  for (const item of audit.items) {
    console.info(`  ${item.outcome}: ${item.rows.toLocaleString('en-US')} rows, ${item.providerPages} provider pages${item.error ? `, "${item.error.message}"` : ''}`);
  }
}

/** A fresh server per measured export, so each memory figure starts from the same warmed-up baseline. */
async function withServer<T>(dataDir: string, run: (server: { appUrl: string; pid: number; cookie: string; exportUrl: (search: string) => string }) => Promise<T>): Promise<T> {
  const { stop, appUrl, appPid } = await launch({
    appPort: APP_PORT,
    sandboxPort: SANDBOX_PORT,
    dataDir,
    sandboxArgs: LIMITS ? [] : ['--no-rate-limits'],
    extraEnv: { FUNDSIGHT_LOG: 'silent' },
  });
  try {
    if (appPid === undefined) throw new Error('no server pid');
    const pid = serverPid(appPid);
    const cookie = await signInCookie(appUrl, 'finance@acme.test', 'fundsight-demo');
    const { connections } = (await (await fetch(`${appUrl}/api/connections`, { headers: { Cookie: cookie } })).json()) as {
      connections: { id: string; label: string }[];
    };
    const connection = connections.find((c) => c.label === bench?.label);
    if (!connection) throw new Error('bench connection not listed');
    const exportUrl = (search: string) => `${appUrl}/api/connections/${connection.id}/exports/transactions?${search}`;
    // Warm-up: route compilation, JIT, connection pools; a few days of rows.
    await routeExport(exportUrl(`from=${dateIn(ZONE, new Date(Date.now() - 3 * 86_400_000))}`), cookie, pid);
    return await run({ appUrl, pid, cookie, exportUrl });
  } finally {
    stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('run `npx next build` first');
  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'fundsight-bench-export-'));
  await prepareDatabase(dataDir, sandboxUrl);
  try {
    console.info(`CSV export benchmark: bench store, provider pages of ${PAGE_SIZE}, ${limitsNote(LIMITS)}, next start per export`);
    if (LIMITS && bench?.provider === 'shopline') {
      const pages = Math.ceil(bench.transactionCount / PAGE_SIZE);
      console.info(`floor under the limit: ${bench.transactionCount.toLocaleString('en-US')} rows = ${pages} pages, ≥ ${limitFloorSeconds(pages).toFixed(1)} s at 4/s after a burst of 40`);
    }
    const { small, firstFloor, from } = await withServer(dataDir, async ({ pid, cookie, exportUrl }) => {
      const measured = await floorProcess(sandboxUrl);
      console.info(
        `floor (fetch + parse only, own process): ${measured.rows.toLocaleString('en-US')} rows in ${secs(measured.ms)} (${rate(measured.rows, measured.ms)}), RSS growth ${mb(measured.rssGrowth)}`,
      );
      const since = dateIn(ZONE, new Date(measured.markTime));
      return { small: await routeExport(exportUrl(`from=${since}`), cookie, pid), firstFloor: measured, from: since };
    });
    const { full, again, secondFloor } = await withServer(dataDir, async (server) => {
      const run = await routeExport(server.exportUrl(''), server.cookie, server.pid);
      // The same export again on the same server: 2,000,000 rows through one process. Memory that grew with
      // the export would show here as a peak above the first export's.
      const repeat = await routeExport(server.exportUrl(''), server.cookie, server.pid);
      await endings(server, sandboxUrl);
      const measured = await floorProcess(sandboxUrl);
      console.info(`floor again: ${measured.rows.toLocaleString('en-US')} rows in ${secs(measured.ms)} (${rate(measured.rows, measured.ms)}), RSS growth ${mb(measured.rssGrowth)}`);
      return { full: run, again: repeat, secondFloor: measured };
    });
    const floorMs = Math.min(firstFloor.ms, secondFloor.ms);
    report(`route, from=${from}`, small, floorMs, firstFloor.rows);
    report('route, all rows', full, floorMs, firstFloor.rows);
    report('route, all rows again on the same server', again, floorMs, firstFloor.rows);
    console.info(
      `  after 2,000,000 rows through one server: peak ${mb(Math.max(full.rssPeak, again.rssPeak))}, ` +
        `${mb(Math.max(full.rssPeak, again.rssPeak) - full.rssBefore)} above the server before the first export`,
    );
    for (const run of [full, again]) {
      if (run.rows !== firstFloor.rows) throw new Error(`the export wrote ${run.rows} rows, the provider holds ${firstFloor.rows}`);
    }
    console.info(
      `summary: total ${(full.ms / floorMs).toFixed(3)}x the floor (target <= 1.25), first byte ${Math.round(full.ttfbMs)} ms (target < 1000), ` +
        `server memory growth ${mb(small.rssPeak - small.rssBefore)} at ${small.rows.toLocaleString('en-US')} rows vs ${mb(full.rssPeak - full.rssBefore)} at ${full.rows.toLocaleString('en-US')} (target < 150 MB, flat)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const floorOnly = values['floor-only'];
(floorOnly === undefined ? main() : floor(floorOnly, 100_000).then((run) => console.info(JSON.stringify(run)))).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
