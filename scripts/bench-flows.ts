// Benchmark of the flows aggregation against the sandbox's 1,000,000-transaction SHOPLINE store.
// Run: npx tsx --conditions=react-server scripts/bench-flows.ts [--days 37,90,146] [--rounds 5] [--no-rate-limits]
// The sandbox runs in its own process, with its documented limits on unless --no-rate-limits; each window is
// measured in a fresh child process (which paces itself with the app's budget), and the floor the limit sets is printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clientFor, type LoadedConnection } from '../lib/connections/client';
import { addDays } from '../lib/flows/period';
import { dateIn } from '../lib/time/dates';
import { aggregateFlows } from '../lib/flows/service';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl } from '../lib/sandbox/accounts';
import type { SandboxAccount } from '../lib/sandbox/accounts';
import { dateRange } from '../lib/time/dates';
import { drainBucket, limitFloorSeconds, limitsNote } from './lib/limits';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '37,90,146' },
    rounds: { type: 'string', default: '5' },
    child: { type: 'string' },
    capped: { type: 'boolean', default: false },
    url: { type: 'string' },
    'no-rate-limits': { type: 'boolean', default: false },
  },
});
const LIMITS = !values['no-rate-limits'];

const MB = 1024 * 1024;
const ORG = 'bench-organization';
function benchStore(): Extract<SandboxAccount, { provider: 'shopline' }> {
  const found = SANDBOX_ACCOUNTS.find((a) => a.key === 'bench');
  if (!found || found.provider !== 'shopline') throw new Error('no bench store in the sandbox');
  return found;
}
const store = benchStore();

interface Measure {
  ms: number;
  rows: number;
  pages: number;
  /** Most V8 heap in use above the start, garbage included (sampled every 2 ms). */
  peakHeapMb: number;
}

type Run = () => Promise<{ rows: number; pages: number }>;

const heapUsed = () => v8.getHeapStatistics().used_heap_size;

async function measure(run: Run): Promise<Measure> {
  const gc = runInNewContext('gc') as () => void;
  gc();
  const base = heapUsed();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, heapUsed())), 2);
  const started = performance.now();
  const { rows, pages } = await run();
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, heapUsed());
  return { ms, rows, pages, peakHeapMb: (peak - base) / MB };
}

/** Most live heap above the start: a full GC every 20 ms, then a sample (untimed; GCs slow the run down). */
async function measureLive(run: Run): Promise<number> {
  const gc = runInNewContext('gc') as () => void;
  gc();
  const base = heapUsed();
  let peak = base;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, heapUsed());
  }, 20);
  await run();
  clearInterval(timer);
  return (peak - base) / MB;
}

async function child(url: string, days: number, rounds: number): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const connection: LoadedConnection = {
    id: 'conn_bench',
    organizationId: ORG,
    provider: 'shopline',
    label: 'bench',
    baseUrl: sandboxBaseUrl(url, store),
    settings: { handle: store.handle },
    credentials: { accessToken: store.accessToken },
  };
  const api = clientFor(connection).transactions;
  if (!api) throw new Error('no transactions API');
  const to = dateIn('UTC', new Date());

  // The floor: the same provider pages, fetched and parsed (wire schema + mapping), nothing else; one at a
  // time, or with the next page requested before the current one is counted (as the aggregation does).
  const floor = (window: number, pipelined: boolean) => async () => {
    const fromMs = dateRange(addDays(to, 1 - window), to, 'UTC').fromMs ?? 0;
    const fetchPage = (cursor: string | null) => api.listTransactions(cursor ? { cursor, limit: api.maxPageSize } : { limit: api.maxPageSize });
    let rows = 0;
    let pages = 1;
    let page = await fetchPage(null);
    for (;;) {
      const last = page.items.at(-1);
      const cursor = page.nextCursor;
      const more = cursor !== null && last !== undefined && Date.parse(last.transactionTime) >= fromMs;
      const next = more && pipelined ? fetchPage(cursor) : null;
      rows += page.items.length;
      if (!more) return { rows, pages };
      pages += 1;
      page = await (next ?? fetchPage(cursor));
    }
  };
  const aggregate = (window: number) => async () => {
    const query = { range: { from: addDays(to, 1 - window), to }, currency: 'USD', account: connection.id };
    const dto = await aggregateFlows({ organizationId: ORG, timeZone: 'UTC' }, [connection], query, { cache: null });
    return { rows: dto.totals.count, pages: dto.providerPages, scanned: dto.scannedRows };
  };

  // Warm-up: JIT and connection pool, on a week.
  await floor(7, false)();
  await aggregate(7)();
  if (values.capped) {
    const once = await measure(aggregate(days));
    process.stdout.write(`${JSON.stringify({ days, once })}\n`);
    return;
  }
  const results: Record<'floor' | 'floorPipelined' | 'aggregate', Measure[]> = { floor: [], floorPipelined: [], aggregate: [] };
  for (let round = 0; round < rounds; round += 1) {
    results.floor.push(await measure(floor(days, false)));
    results.floorPipelined.push(await measure(floor(days, true)));
    results.aggregate.push(await measure(aggregate(days)));
  }
  const live = { floor: await measureLive(floor(days, false)), aggregate: await measureLive(aggregate(days)) };
  process.stdout.write(`${JSON.stringify({ days, results, live, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]) => Math.max(...xs);

async function startSandboxProcess(): Promise<{ url: string; process: ChildProcess }> {
  const args = ['tsx', 'scripts/sandbox.ts', '--port', '0', ...(LIMITS ? [] : ['--no-rate-limits'])];
  const sandbox = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let output = '';
  for await (const chunk of sandbox.stdout ?? []) {
    output += String(chunk);
    const match = /listening on (\S+)/.exec(output);
    if (match?.[1]) return { url: match[1], process: sandbox };
  }
  throw new Error('sandbox did not start');
}

const CAP_MB = 48;

/** Measures one window in a fresh process, so JIT state and heap high-water marks of one run do not leak into another. */
async function runChild(url: string, days: number, args: string[], nodeFlags: string[] = []): Promise<unknown> {
  // Each child has a budget of its own: the previous one's traffic must have drained from the store's bucket.
  if (LIMITS) await drainBucket();
  const script = fileURLToPath(import.meta.url);
  const run = spawn(process.execPath, [...nodeFlags, ...process.execArgv, script, '--child', String(days), '--url', url, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  run.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const [code] = (await once(run, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`child for ${days} days exited with ${code}`);
  return JSON.parse(text.trim().split('\n').at(-1) ?? '{}');
}

async function main(): Promise<void> {
  const rounds = Number(values.rounds);
  const windows = (values.days ?? '').split(',').map(Number);
  const sandbox = await startSandboxProcess();
  try {
    console.info(`bench store: ${store.transactionCount.toLocaleString('en-US')} transactions, one every ~63 s (about 1,371 a day); sandbox ${sandbox.url}, ${limitsNote(LIMITS)}`);
    console.info('aggregation = aggregateFlows() in-process (the route handler\'s service function), provider pages over HTTP; page size 10,000');
    console.info(`median of ${rounds} rounds after a warm-up; peak heap = most V8 heap above the start of that run`);
    for (const days of windows) {
      const report = (await runChild(sandbox.url, days, ['--rounds', String(rounds)])) as {
        results: Record<string, Measure[]>;
        live: { floor: number; aggregate: number };
        maxRssMb: number;
      };
      const line = (name: string, ms: Measure[]) =>
        `  ${name.padEnd(16)} ${median(ms.map((m) => m.ms)).toFixed(0).padStart(6)} ms  (runs ${ms.map((m) => m.ms.toFixed(0)).join(', ')})  peak heap +${max(ms.map((m) => m.peakHeapMb)).toFixed(1)} MB  pages ${ms[0]?.pages}`;
      const { floor = [], floorPipelined = [], aggregate = [] } = report.results;
      console.info(`\n${days} days: ${aggregate[0]?.rows.toLocaleString('en-US')} USD transactions in the period, ${floor[0]?.rows.toLocaleString('en-US')} rows fetched`);
      console.info(line('floor', floor));
      console.info(line('floor pipelined', floorPipelined));
      console.info(line('aggregation', aggregate));
      if (LIMITS) {
        const pages = aggregate[0]?.pages ?? 0;
        console.info(`  floor under the limit: ${pages} pages on one store need ≥ ${(limitFloorSeconds(pages) * 1000).toFixed(0)} ms at 4/s after a burst of 40`);
      }
      const ratio = median(aggregate.map((m) => m.ms)) / median(floor.map((m) => m.ms));
      const ratioPipelined = median(aggregate.map((m) => m.ms)) / median(floorPipelined.map((m) => m.ms));
      console.info(`  aggregation / floor = ${ratio.toFixed(2)}x, / pipelined floor = ${ratioPipelined.toFixed(2)}x`);
      console.info(
        `  peak live heap (GC every 20 ms): floor +${report.live.floor.toFixed(1)} MB, aggregation +${report.live.aggregate.toFixed(1)} MB; child max RSS ${report.maxRssMb.toFixed(0)} MB`,
      );
    }
    console.info(`\nsame aggregation with the V8 old space capped at ${CAP_MB} MB (all rows of 146 days would need several hundred):`);
    for (const days of [windows[0] ?? 37, windows.at(-1) ?? 146]) {
      const { once } = (await runChild(sandbox.url, days, ['--capped'], [`--max-old-space-size=${CAP_MB}`])) as { once: Measure };
      console.info(`  ${days} days, ${once.rows.toLocaleString('en-US')} transactions: completed in ${once.ms.toFixed(0)} ms, peak heap +${once.peakHeapMb.toFixed(1)} MB`);
    }
  } finally {
    if (sandbox.process.pid !== undefined) process.kill(-sandbox.process.pid, 'SIGTERM');
  }
}

if (values.child !== undefined) {
  await child(values.url ?? '', Number(values.child), Number(values.rounds));
} else {
  await main();
}
