// Benchmark: export jobs of the `bench` store (1,000,000 SHOPLINE transactions) through the real server
// (`next start`, in-process job runner, + the sandbox as its own process WITH its rate limits: 4 requests/s).
// The floor is the provider's limit: rows / 10,000 rows per page / 4 pages per second (1,000,000 rows: 25 s).
// Prints each job's time against that floor (with the load), the server's CPU per row, its RSS growth at
// 100,000 rows and at the end, the stored (gzip) and served bytes per row, and the download's time; then a
// CSV job whose server is killed (SIGKILL) halfway and started again, with its rows checked exact. Each job also says when
// the provider answered its pages (from the sandbox's stats): the first and last after the POST, and the gaps between them.
// Run after `npm run build`:
// npx tsx --conditions=react-server scripts/bench-export.ts [--app-port 3396 --sandbox-port 4396] [--formats csv,xlsx] [--runs 3] [--no-kill-resume]
//   [--node-options=--max-semi-space-size=64] [--v8-flags=--heap-growing-percent=100]
//   [--database pglite|postgres] [--redis] [--budget-settle]
// The database is the embedded PGlite by default (inside the server process, so its memory counts in the
// server's RSS); `--database postgres` uses a fresh schema on the machine's PostgreSQL server and `--redis`
// runs the jobs on BullMQ, as a production deployment does.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { upsertConnectionByLabel } from '@/lib/db/connections';
import { openDb } from '@/lib/db/open';
import { DEMO_ORGANIZATIONS, seedDemo } from '@/lib/db/seed';
import { findOrganizationBySlug } from '@/lib/db/organizations';
import { budgetWindows } from '@/lib/connections/budget/shape';
import { shopline } from '@/lib/providers/shopline';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl } from '@/lib/sandbox/accounts';
import { demoSecrets, launch } from './launch.mjs';
import { signInCookie } from './lib/session';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    'app-port': { type: 'string', default: '3396' },
    'sandbox-port': { type: 'string', default: '4396' },
    formats: { type: 'string', default: 'csv,xlsx' },
    /** Uninterrupted CSV runs (the target: every one completes). */
    runs: { type: 'string', default: '1' },
    /** Also a CSV run whose server is killed (SIGKILL) halfway and started again, the job resuming from its last step. */
    'kill-resume': { type: 'boolean', default: true },
    /** NODE_OPTIONS for the server (e.g. `--max-semi-space-size=64`), to compare V8 settings; unset: the server's own. */
    'node-options': { type: 'string' },
    /** V8 flags NODE_OPTIONS refuses (e.g. `--heap-growing-percent=100`), set in the server by a preload (scripts/lib/v8-flags.mjs). */
    'v8-flags': { type: 'string' },
    /** Where the server keeps its data: the embedded PGlite (in its process) or a PostgreSQL server. */
    database: { type: 'string', default: 'pglite' },
    /** PostgreSQL server for `--database postgres`; a fresh schema is made in it and dropped after. */
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    /** Runs the jobs on BullMQ in the machine's Redis (127.0.0.1:6379), under a fresh key prefix. */
    redis: { type: 'boolean', default: false },
    /**
     * Waits before each job until the account's budget windows have lapsed, so every job starts as the first
     * export in a while does. Off: jobs run back to back, and each inherits what the one before left of the
     * budget (a burst window spent, up to 16 s: the next job's first seconds run at the steady rate).
     */
    'budget-settle': { type: 'boolean', default: false },
  },
});
if (values.database !== 'pglite' && values.database !== 'postgres') throw new Error('--database is pglite or postgres');
const APP_PORT = Number(values['app-port']);
const SANDBOX_PORT = Number(values['sandbox-port']);
const PAGE_SIZE = 10_000;
const PAGES_PER_SECOND = 4;
const bench = SANDBOX_ACCOUNTS.find((a) => a.key === 'bench');
if (!bench || bench.provider !== 'shopline') throw new Error('no bench store in the sandbox');

/** The longest window of the bench store's budget, and a second: once it has passed, the budget is whole again. */
const BUDGET_SETTLE_MS = (() => {
  const { steady, burst } = budgetWindows(shopline.rateBudget({ handle: bench.handle }, 'http://sandbox.invalid'));
  return (Math.max(steady.duration, burst?.duration ?? 0) + 1) * 1000;
})();

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

/** A fresh schema on the PostgreSQL server, and a URL whose connections use it. */
async function postgresSchema(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `fundsight_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}

/** The bench connection next to the demo seed, in the database the server then opens. */
async function prepareDatabase(dataDir: string, sandboxUrl: string, postgresUrl: string | undefined): Promise<void> {
  const key = Buffer.from(demoSecrets(dataDir).FUNDSIGHT_ENCRYPTION_KEY, 'base64');
  const db = await openDb(postgresUrl === undefined ? { kind: 'pglite', dataDir } : { kind: 'postgres', url: postgresUrl });
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

/** CPU time (user + system) the process has used, in ms: the kernel's count, as process.cpuUsage() reads it inside. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
/** USER_HZ: 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

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

interface Server {
  readonly appUrl: string;
  readonly sandboxUrl: string;
  pid: number;
  readonly cookie: string;
  readonly connectionId: string;
  /** Kills the server at once and starts it again on the same data; resolves with its new group leader. */
  readonly killAndRestart: () => Promise<number | undefined>;
}

interface JobRun {
  rows: number;
  pages: number;
  ms: number;
  rssBefore: number;
  rssPeak: number;
  rssAt100k: number | null;
  /** RSS samples (every 50 ms) with the rows stored when taken: flat memory means a flat series. */
  rssSamples: { rows: number; rss: number }[];
  /** Server CPU ms the job took (its whole run, the download excluded). */
  cpuMs: number;
  loadDuring: string;
  storedBytes: number;
  servedBytes: number;
  downloadMs: number;
  downloadedLines: number;
  contentLength: string | null;
  etag: string | null;
  /** Kill-and-resume runs: rows stored when the server was killed, the restart's time, and when rows grew again. */
  killedAtRows: number | null;
  restartMs: number;
  resumedMs: number | null;
  timeline: Timeline | null;
}

/** The job as the provider saw it: when its pages were answered, against the POST and the job's end. */
interface Timeline {
  /** The POST's answer, and the first and last provider page answered, in ms after the POST was sent. */
  readonly postAnsweredMs: number;
  readonly firstPageMs: number;
  readonly lastPageMs: number;
  /** The job's finishedAt (database clock, same machine), and when the poll first saw it ready, in ms after the POST. */
  readonly finishedMs: number | null;
  readonly seenReadyMs: number;
  /** Gaps between consecutive page answers: the largest, and how many (and their time past 250 ms) exceed 400 ms. */
  readonly maxGapMs: number;
  readonly longGaps: number;
  readonly longGapsExcessMs: number;
}

/** Page answers (epoch ms) of the account with the most requests since the sandbox's stats were last reset. */
async function providerArrivals(sandboxUrl: string): Promise<number[]> {
  const stats = (await (await fetch(`${sandboxUrl}/__sandbox/stats`)).json()) as { accounts: Record<string, { arrivals: number[] }> };
  const [busiest] = Object.values(stats.accounts).sort((a, b) => b.arrivals.length - a.arrivals.length);
  return busiest?.arrivals ?? [];
}

function timelineOf(arrivals: readonly number[], postedAt: number, postAnsweredAt: number, finishedAt: string | null, seenReadyAt: number): Timeline | null {
  const first = arrivals[0];
  const last = arrivals.at(-1);
  if (first === undefined || last === undefined) return null;
  let maxGapMs = 0;
  let longGaps = 0;
  let longGapsExcessMs = 0;
  for (let i = 1; i < arrivals.length; i += 1) {
    const gap = (arrivals[i] ?? 0) - (arrivals[i - 1] ?? 0);
    maxGapMs = Math.max(maxGapMs, gap);
    if (gap > 400) {
      longGaps += 1;
      longGapsExcessMs += gap - 250;
    }
  }
  return {
    postAnsweredMs: postAnsweredAt - postedAt,
    firstPageMs: first - postedAt,
    lastPageMs: last - postedAt,
    finishedMs: finishedAt === null ? null : Date.parse(finishedAt) - postedAt,
    seenReadyMs: seenReadyAt - postedAt,
    maxGapMs,
    longGaps,
    longGapsExcessMs,
  };
}

interface JobStatus {
  id: string;
  status: string;
  rows: number;
  pages: number;
  bytes: number;
  storedBytes: number;
  error: { message: string } | null;
  finishedAt: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a job, follows it while sampling the server's RSS, then downloads the file and counts its lines. */
async function runJob(server: Server, search: string, killAtRows: number | null = null): Promise<JobRun> {
  const headers = { Cookie: server.cookie };
  let rssBefore = rssOf(server.pid);
  let cpuBefore = cpuMsOf(server.pid);
  let cpuKilled = 0;
  let killedAtRows: number | null = null;
  let restartMs = 0;
  // After a kill: when the job's stored rows first grow past what the restarted server first reports (its takeover).
  let killedAt: number | null = null;
  let rowsAtRestart: number | null = null;
  let resumedMs: number | null = null;
  let rssPeak = rssBefore;
  let rssAt100k: number | null = null;
  const rssSamples: { rows: number; rss: number }[] = [];
  let rowsNow = 0;
  const sampler = setInterval(() => {
    try {
      const rss = rssOf(server.pid);
      rssPeak = Math.max(rssPeak, rss);
      if (killedAt === null) rssSamples.push({ rows: rowsNow, rss });
    } catch {
      // the server is being restarted
    }
  }, 50);
  if (values['budget-settle']) await sleep(BUDGET_SETTLE_MS);
  await fetch(`${server.sandboxUrl}/__sandbox/stats`, { method: 'DELETE' });
  const started = performance.now();
  const postedAt = Date.now();
  let postAnsweredAt = postedAt;
  let job: JobStatus;
  try {
    const response = await fetch(`${server.appUrl}/api/connections/${server.connectionId}/exports/transactions?${search}`, { method: 'POST', headers });
    if (response.status !== 202) throw new Error(`start answered ${response.status}: ${await response.text()}`);
    job = (await response.json()) as JobStatus;
    postAnsweredAt = Date.now();
    while (job.status === 'queued' || job.status === 'running') {
      await sleep(200);
      job = (await (await fetch(`${server.appUrl}/api/exports/jobs/${job.id}`, { headers })).json()) as JobStatus;
      rowsNow = job.rows;
      if (rssAt100k === null && job.rows >= 100_000) rssAt100k = rssOf(server.pid);
      if (killedAt !== null && resumedMs === null) {
        if (rowsAtRestart === null) rowsAtRestart = job.rows;
        else if (job.rows > rowsAtRestart) resumedMs = performance.now() - killedAt;
      }
      if (killAtRows !== null && killedAtRows === null && job.rows >= killAtRows) {
        killedAtRows = job.rows;
        cpuKilled = cpuMsOf(server.pid) - cpuBefore;
        const restartStarted = performance.now();
        killedAt = restartStarted;
        const leader = await server.killAndRestart();
        if (leader === undefined) throw new Error('no server pid after the restart');
        server.pid = serverPid(leader);
        restartMs = performance.now() - restartStarted;
        cpuBefore = cpuMsOf(server.pid);
        rssBefore = rssOf(server.pid);
        rssPeak = rssBefore;
      }
    }
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  const seenReadyAt = Date.now();
  const timeline = timelineOf(await providerArrivals(server.sandboxUrl), postedAt, postAnsweredAt, job.finishedAt, seenReadyAt);
  const cpuMs = cpuKilled + cpuMsOf(server.pid) - cpuBefore;
  const loadDuring = loadavg()[0]?.toFixed(2) ?? '?';
  if (job.status !== 'ready') throw new Error(`job ended ${job.status}: ${job.error?.message ?? ''}`);
  const downloadStarted = performance.now();
  const file = await fetch(`${server.appUrl}/api/exports/jobs/${job.id}/file`, { headers });
  if (!file.ok || !file.body) throw new Error(`download answered ${file.status}`);
  let lines = 0;
  let served = 0;
  const reader = file.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    served += value.byteLength;
    for (let i = 0; i < value.length; i += 1) if (value[i] === 0x0a) lines += 1;
  }
  if (served !== job.bytes) throw new Error(`served ${served} bytes, the job wrote ${job.bytes}`);
  const contentLength = file.headers.get('content-length');
  if (contentLength !== String(served)) throw new Error(`Content-Length ${contentLength ?? 'missing'}, ${served} bytes served`);
  return {
    rows: job.rows,
    pages: job.pages,
    ms,
    rssBefore,
    rssPeak,
    rssAt100k,
    rssSamples,
    cpuMs,
    loadDuring,
    storedBytes: job.storedBytes,
    servedBytes: served,
    downloadMs: performance.now() - downloadStarted,
    downloadedLines: lines,
    contentLength,
    etag: file.headers.get('etag'),
    killedAtRows,
    restartMs,
    resumedMs,
    timeline,
  };
}

/** Median RSS over each tenth of the rows (samples taken while the job wrote them); null when a tenth has none. */
function rssByTenth(run: JobRun): (number | null)[] {
  const tenths: number[][] = Array.from({ length: 10 }, () => []);
  for (const { rows, rss } of run.rssSamples) tenths[Math.min(9, Math.floor((rows / run.rows) * 10))]?.push(rss);
  return tenths.map((values) => (values.length === 0 ? null : ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? null)));
}

function report(name: string, run: JobRun): void {
  const floorMs = (run.rows / PAGE_SIZE / PAGES_PER_SECOND) * 1000;
  console.info(
    `${name}: ${run.rows.toLocaleString('en-US')} rows, ${run.pages} provider pages, in ${secs(run.ms)} (${rate(run.rows, run.ms)}); ` +
      `floor under the limit ${secs(floorMs)} -> ${(run.ms / floorMs).toFixed(3)}x (target <= 1.15); load ${run.loadDuring}`,
  );
  const t = run.timeline;
  if (t) {
    console.info(
      `  provider pages answered from ${secs(t.firstPageMs)} to ${secs(t.lastPageMs)} after the POST (answered in ${secs(t.postAnsweredMs)}); ` +
        `largest gap ${secs(t.maxGapMs)}, ${t.longGaps} gaps over 0.40 s (${secs(t.longGapsExcessMs)} past 0.25 s each); ` +
        `job finished ${t.finishedMs === null ? '?' : secs(t.finishedMs - t.lastPageMs)} after the last page, seen ready at ${secs(t.seenReadyMs)}`,
    );
  }
  console.info(`  server CPU ${secs(run.cpuMs)}: ${((run.cpuMs * 1000) / run.rows).toFixed(1)} µs/row`);
  if (run.killedAtRows !== null) {
    console.info(`  server killed (SIGKILL) at ${run.killedAtRows.toLocaleString('en-US')} rows, answering again after ${secs(run.restartMs)}; the job resumed from its last step` +
        `${run.resumedMs === null ? '' : `, its rows growing again ${secs(run.resumedMs)} after the kill`}`,
    );
  }
  console.info(
    `  server RSS ${run.killedAtRows === null ? '' : '(after the restart) '}${mb(run.rssBefore)} -> peak ${mb(run.rssPeak)}: growth ${mb(run.rssPeak - run.rssBefore)}` +
      `${run.rssAt100k === null || run.killedAtRows !== null ? '' : `, ${mb(run.rssAt100k - run.rssBefore)} at 100,000 rows`}`,
  );
  if (run.killedAtRows === null) {
    // Flat means: once warm (the first tenth: first pages, compiled code, heap sized), the median stays level.
    const tenths = rssByTenth(run);
    const second = tenths[1];
    const last = tenths[9];
    console.info(
      `  server RSS median by tenth of the rows: ${tenths.map((v) => (v === null ? '-' : (v / 1_048_576).toFixed(0))).join(' ')} MB` +
        `${second == null || last == null ? '' : `; from the 2nd tenth to the last ${last >= second ? '+' : ''}${mb(last - second)}`}`,
    );
  }
  console.info(
    `  file ${mb(run.servedBytes)} served (${(run.servedBytes / run.rows).toFixed(1)} B/row), ${mb(run.storedBytes)} stored gzip ` +
      `(${(run.storedBytes / run.rows).toFixed(1)} B/row); download ${secs(run.downloadMs)}, ${run.downloadedLines.toLocaleString('en-US')} lines, ` +
      `Content-Length ${run.contentLength ?? 'missing (chunked)'}`,
  );
}

/**
 * What the exports taught (kept days): the flows view of the bench account's last 366 days, as the server answers
 * it afterwards: the account-days it took from kept days, and what it still walked at the provider.
 */
async function flowsAfter(server: Server): Promise<void> {
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const started = performance.now();
  const response = await fetch(`${server.appUrl}/api/flows?from=${from}&to=${to}&account=${server.connectionId}`, { headers: { Cookie: server.cookie } });
  if (!response.ok) throw new Error(`flows answered ${response.status}`);
  const flows = (await response.json()) as { keptDays: number; providerPages: number; scannedRows: number; timeZone: string };
  console.info(
    `flows view ${from}..${to} (${flows.timeZone}) of the bench account after the export jobs: ${secs(performance.now() - started)}, ` +
      `${flows.keptDays} of its days from kept days, ${flows.providerPages} provider pages (${flows.scannedRows.toLocaleString('en-US')} rows) walked live`,
  );
}

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('run `npm run build` first');
  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'fundsight-bench-export-'));
  const postgres = values.database === 'postgres' ? await postgresSchema(values['postgres-url']) : undefined;
  await prepareDatabase(dataDir, sandboxUrl, postgres?.url);
  const formats = (values.formats ?? 'csv,xlsx').split(',');
  console.info(`load before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const v8Flags = values['v8-flags'];
  const preload = v8Flags === undefined ? [] : [`--import ${new URL('./lib/v8-flags.mjs', import.meta.url).href}`];
  const nodeOptions = [values['node-options'], ...preload].filter((option) => option !== undefined).join(' ');
  const serverEnv: Record<string, string> = {
    ...(nodeOptions === '' ? {} : { NODE_OPTIONS: nodeOptions }),
    ...(v8Flags === undefined ? {} : { FUNDSIGHT_BENCH_V8_FLAGS: v8Flags }),
    ...(postgres === undefined ? {} : { DATABASE_URL: postgres.url }),
    ...(values.redis ? { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `fundsight-bench-${randomBytes(4).toString('hex')}:` } : {}),
  };
  console.info(
    `Export job benchmark: bench store, provider pages of ${PAGE_SIZE}, sandbox WITH rate limits (${PAGES_PER_SECOND}/s), next start` +
      `${values['node-options'] === undefined ? '' : `, NODE_OPTIONS ${values['node-options']}`}${v8Flags === undefined ? '' : `, V8 flags ${v8Flags}`}` +
      `, database ${postgres === undefined ? 'PGlite (in the server process)' : 'PostgreSQL server'}, jobs ${values.redis ? 'on BullMQ (Redis)' : 'in-process'}` +
      `${values['budget-settle'] ? `, ${secs(BUDGET_SETTLE_MS)} before each job for the budget to settle` : ', jobs back to back'}`,
  );
  const { stop, appUrl, appPid, killAndRestartApp } = await launch({
    appPort: APP_PORT,
    sandboxPort: SANDBOX_PORT,
    dataDir,
    extraEnv: { FUNDSIGHT_LOG: 'silent', ...serverEnv },
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
    const server: Server = { appUrl, sandboxUrl, pid, cookie, connectionId: connection.id, killAndRestart: killAndRestartApp };
    // Warm-up: route compilation, JIT, pools; one provider page.
    await runJob(server, `from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}&columns=id`);
    const csvRuns: JobRun[] = [];
    const runs = Number(values.runs ?? '1');
    for (const format of formats) {
      for (let i = 1; i <= (format === 'csv' ? runs : 1); i += 1) {
        const run = await runJob(server, `format=${format}`);
        report(`${format.toUpperCase()} job, all rows${format === 'csv' && runs > 1 ? `, run ${i} of ${runs}` : ''}`, run);
        if (format === 'csv') {
          if (run.downloadedLines - 1 !== run.rows) throw new Error(`the file holds ${run.downloadedLines - 1} records, the job wrote ${run.rows}`);
          csvRuns.push(run);
        }
      }
    }
    if (csvRuns.length > 0) await flowsAfter(server);
    const [uninterrupted] = csvRuns;
    if (values['kill-resume'] && uninterrupted) {
      const run = await runJob(server, 'format=csv', Math.floor(uninterrupted.rows / 2));
      report('CSV job, all rows, server killed halfway and resumed', run);
      if (run.rows !== uninterrupted.rows || run.downloadedLines - 1 !== run.rows) {
        throw new Error(`resumed: ${run.rows} rows, ${run.downloadedLines - 1} records; uninterrupted: ${uninterrupted.rows}`);
      }
      console.info(`  rows exact: ${run.rows.toLocaleString('en-US')} as uninterrupted; same bytes as the uninterrupted file (ETag): ${run.etag === uninterrupted.etag ? 'yes' : 'no'}`);
    }
  } finally {
    stop();
    await sleep(1_000);
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
    console.info(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
