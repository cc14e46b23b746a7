// Benchmark: export jobs of the `bench` store (1,000,000 SHOPLINE transactions) through the real server
// (`next start`, in-process job runner, + the sandbox as its own process WITH its rate limits: 4 requests/s).
// The floor is the provider's limit: rows / 10,000 rows per page / 4 pages per second (1,000,000 rows: 25 s).
// Prints each job's time against that floor, the server's RSS growth at 100,000 rows and at the end, the
// stored (gzip) and served bytes per row, and the download's time.
// Run after `npx next build`: npx tsx --conditions=react-server scripts/bench-export.ts [--app-port 3396 --sandbox-port 4396] [--formats csv,xlsx]
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { upsertConnectionByLabel } from '@/lib/db/connections';
import { openDb } from '@/lib/db/open';
import { DEMO_ORGANIZATIONS, seedDemo } from '@/lib/db/seed';
import { findOrganizationBySlug } from '@/lib/db/organizations';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl } from '@/lib/sandbox/accounts';
import { demoSecrets, launch } from './launch.mjs';
import { signInCookie } from './lib/session';

const { values } = parseArgs({
  options: {
    'app-port': { type: 'string', default: '3396' },
    'sandbox-port': { type: 'string', default: '4396' },
    formats: { type: 'string', default: 'csv,xlsx' },
  },
});
const APP_PORT = Number(values['app-port']);
const SANDBOX_PORT = Number(values['sandbox-port']);
const PAGE_SIZE = 10_000;
const PAGES_PER_SECOND = 4;
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

interface JobRun {
  rows: number;
  pages: number;
  ms: number;
  rssBefore: number;
  rssPeak: number;
  rssAt100k: number | null;
  storedBytes: number;
  servedBytes: number;
  downloadMs: number;
  downloadedLines: number;
}

interface JobStatus {
  id: string;
  status: string;
  rows: number;
  pages: number;
  bytes: number;
  storedBytes: number;
  error: { message: string } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a job, follows it while sampling the server's RSS, then downloads the file and counts its lines. */
async function runJob(server: { appUrl: string; pid: number; cookie: string; connectionId: string }, search: string): Promise<JobRun> {
  const headers = { Cookie: server.cookie };
  const rssBefore = rssOf(server.pid);
  let rssPeak = rssBefore;
  let rssAt100k: number | null = null;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssOf(server.pid));
  }, 50);
  const started = performance.now();
  let job: JobStatus;
  try {
    const response = await fetch(`${server.appUrl}/api/connections/${server.connectionId}/exports/transactions?${search}`, { method: 'POST', headers });
    if (response.status !== 202) throw new Error(`start answered ${response.status}: ${await response.text()}`);
    job = (await response.json()) as JobStatus;
    while (job.status === 'queued' || job.status === 'running') {
      await sleep(200);
      job = (await (await fetch(`${server.appUrl}/api/exports/jobs/${job.id}`, { headers })).json()) as JobStatus;
      if (rssAt100k === null && job.rows >= 100_000) rssAt100k = rssOf(server.pid);
    }
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
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
  // Next.js drops a route handler's Content-Length (the body goes chunked): compare with the job's own count.
  if (served !== job.bytes) throw new Error(`served ${served} bytes, the job wrote ${job.bytes}`);
  return {
    rows: job.rows,
    pages: job.pages,
    ms,
    rssBefore,
    rssPeak,
    rssAt100k,
    storedBytes: job.storedBytes,
    servedBytes: served,
    downloadMs: performance.now() - downloadStarted,
    downloadedLines: lines,
  };
}

function report(name: string, run: JobRun): void {
  const floorMs = (run.rows / PAGE_SIZE / PAGES_PER_SECOND) * 1000;
  console.info(
    `${name}: ${run.rows.toLocaleString('en-US')} rows, ${run.pages} provider pages, in ${secs(run.ms)} (${rate(run.rows, run.ms)}); ` +
      `floor under the limit ${secs(floorMs)} -> ${(run.ms / floorMs).toFixed(3)}x (target <= 1.15)`,
  );
  console.info(
    `  server RSS ${mb(run.rssBefore)} -> peak ${mb(run.rssPeak)}: growth ${mb(run.rssPeak - run.rssBefore)}` +
      `${run.rssAt100k === null ? '' : `, ${mb(run.rssAt100k - run.rssBefore)} at 100,000 rows`}`,
  );
  console.info(
    `  file ${mb(run.servedBytes)} served (${(run.servedBytes / run.rows).toFixed(1)} B/row), ${mb(run.storedBytes)} stored gzip ` +
      `(${(run.storedBytes / run.rows).toFixed(1)} B/row); download ${secs(run.downloadMs)}, ${run.downloadedLines.toLocaleString('en-US')} lines`,
  );
}

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('run `npx next build` first');
  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'fundsight-bench-export-'));
  await prepareDatabase(dataDir, sandboxUrl);
  const formats = (values.formats ?? 'csv,xlsx').split(',');
  console.info(`load before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.info(`Export job benchmark: bench store, provider pages of ${PAGE_SIZE}, sandbox WITH rate limits (${PAGES_PER_SECOND}/s), next start`);
  const { stop, appUrl, appPid } = await launch({ appPort: APP_PORT, sandboxPort: SANDBOX_PORT, dataDir, extraEnv: { FUNDSIGHT_LOG: 'silent' } });
  try {
    if (appPid === undefined) throw new Error('no server pid');
    const pid = serverPid(appPid);
    const cookie = await signInCookie(appUrl, 'finance@acme.test', 'fundsight-demo');
    const { connections } = (await (await fetch(`${appUrl}/api/connections`, { headers: { Cookie: cookie } })).json()) as {
      connections: { id: string; label: string }[];
    };
    const connection = connections.find((c) => c.label === bench?.label);
    if (!connection) throw new Error('bench connection not listed');
    const server = { appUrl, pid, cookie, connectionId: connection.id };
    // Warm-up: route compilation, JIT, pools; one provider page.
    await runJob(server, `from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}&columns=id`);
    for (const format of formats) {
      const run = await runJob(server, `format=${format}`);
      report(`${format.toUpperCase()} job, all rows`, run);
      if (format === 'csv' && run.downloadedLines - 1 !== run.rows) throw new Error(`the file holds ${run.downloadedLines - 1} records, the job wrote ${run.rows}`);
    }
  } finally {
    stop();
    await sleep(1_000);
    rmSync(dataDir, { recursive: true, force: true });
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
