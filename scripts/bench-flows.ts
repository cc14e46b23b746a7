// Benchmark of the flows aggregation against the sandbox's 1,000,000-transaction SHOPLINE store.
// Run: npx tsx --conditions=react-server scripts/bench-flows.ts [--days 37,90,146] [--rounds 5] [--sections kept,windows]
//        [--sandbox-port 0] [--no-rate-limits]
// kept: bytes per row with and without SHOPLINE `fields`, then a 90-day view with kept days (embedded database):
// the first view, and repeat views (provider pages read, and those older than the settle window).
// The sandbox runs in its own process, with its documented limits on unless --no-rate-limits; each window is
// measured in a fresh child process (which paces itself with the app's budget), and the floor the limit sets is printed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clientFor, type LoadedConnection } from '../lib/connections/client';
import type { ProviderPage } from '../lib/domain/transaction';
import { addDays } from '../lib/flows/period';
import { aggregateFlows } from '../lib/flows/service';
import { SETTLE_DAYS } from '../lib/kept-days/settle';
import { sandboxBaseUrl } from '../lib/sandbox/accounts';
import { dateIn, dateRange, startOfDay } from '../lib/time/dates';
import { benchStore, keptBench, load } from './lib/kept-bench';
import { drainBucket, limitFloorSeconds, limitsNote } from './lib/limits';
import { resetStats, startSandboxProcess, storeStats } from './lib/sandbox-process';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '37,90,146' },
    rounds: { type: 'string', default: '5' },
    child: { type: 'string' },
    capped: { type: 'boolean', default: false },
    kept: { type: 'boolean', default: false },
    sections: { type: 'string', default: 'kept,windows' },
    'sandbox-port': { type: 'string', default: '0' },
    url: { type: 'string' },
    'no-rate-limits': { type: 'boolean', default: false },
  },
});
const LIMITS = !values['no-rate-limits'];

const MB = 1024 * 1024;
const ORG = 'bench-organization';
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

type ListPage = (input: { cursor?: string | null; limit: number }) => Promise<ProviderPage<{ transactionTime: string }>>;

/** The floor: the provider pages back to `fromMs`, fetched and parsed (wire schema + mapping), nothing else; one at a
 * time, or with the next page requested before the current one is counted (as the aggregation does). */
async function walkPages(list: ListPage, fromMs: number, pipelined: boolean): Promise<{ rows: number; pages: number }> {
  const fetchPage = (cursor: string | null) => list(cursor ? { cursor, limit: 10_000 } : { limit: 10_000 });
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

  // The floor: the same provider pages (every column), fetched and parsed, nothing else.
  const floor = (window: number, pipelined: boolean) => () =>
    walkPages(api.listTransactions.bind(api), dateRange(addDays(to, 1 - window), to, 'UTC').fromMs ?? 0, pipelined);
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


const FLOW_FIELDS = 'id,type,amount,fee,currency,transaction_time';

/** Bytes per row of one 10,000-row page, with every column and with the flow columns only. */
async function bytesPerRow(url: string): Promise<{ full: number; fields: number }> {
  const base = `${sandboxBaseUrl(url, store)}/admin/openapi/v20250601/payments/store/balance_transactions.json?limit=10000`;
  const headers = { Authorization: `Bearer ${store.accessToken}`, 'Content-Type': 'application/json; charset=utf-8' };
  const per = async (target: string) => {
    const text = await (await fetch(target, { headers })).text();
    return Buffer.byteLength(text) / ((JSON.parse(text) as { transactions: unknown[] }).transactions.length || 1);
  };
  return { full: await per(base), fields: await per(`${base}&fields=${FLOW_FIELDS}`) };
}

interface KeptView {
  ms: number;
  /** The same pages (flow columns), pipelined, fetched and parsed alone. */
  floorMs: number;
  load: string;
  pages: number;
  keptDays: number;
  rows: number;
  /** Provider pages whose newest row is older than the settle window. */
  oldPages: number;
}

async function keptChild(url: string, rounds: number): Promise<void> {
  const { connection, kept } = await keptBench(url, 'UTC');
  const api = clientFor(connection).transactions;
  if (!api?.listTransactionFlows) throw new Error('no flow columns on the SHOPLINE client');
  const flowsList = api.listTransactionFlows.bind(api);
  const bytes = await bytesPerRow(url);
  const today = dateIn('UTC', new Date());
  const windowStartMs = startOfDay(addDays(today, -SETTLE_DAYS), 'UTC');
  const query = { range: { period: '90d' as const }, currency: 'USD', account: connection.id };
  const view = async (floorFromMs: number): Promise<KeptView> => {
    const floorStarted = performance.now();
    await walkPages(flowsList, floorFromMs, true);
    const floorMs = performance.now() - floorStarted;
    await resetStats(url);
    const started = performance.now();
    const dto = await aggregateFlows({ organizationId: connection.organizationId, timeZone: 'UTC' }, [connection], query, { cache: null, kept });
    const ms = performance.now() - started;
    const { pages } = await storeStats(url, store.handle);
    const oldPages = pages.filter(([newest]) => newest < windowStartMs).length;
    return { ms, floorMs, load: load(), pages: dto.providerPages, keptDays: dto.keptDays, rows: dto.totals.count, oldPages };
  };
  const first = await view(startOfDay(addDays(today, -89), 'UTC'));
  const repeats: KeptView[] = [];
  for (let round = 0; round < rounds; round += 1) repeats.push(await view(windowStartMs));
  process.stdout.write(`${JSON.stringify({ bytes, first, repeats, load: load() })}\n`);
}

async function keptSection(url: string, rounds: number): Promise<void> {
  if (LIMITS) await drainBucket();
  const script = fileURLToPath(import.meta.url);
  const run = spawn(process.execPath, [...process.execArgv, script, '--kept', '--url', url, '--rounds', String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  run.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const [code] = (await once(run, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`kept child exited with ${code}`);
  const report = JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as { bytes: { full: number; fields: number }; first: KeptView; repeats: KeptView[]; load: string };
  const { bytes, first, repeats } = report;
  console.info(`\nSHOPLINE fields (one 10,000-row page of the bench store): ${bytes.full.toFixed(1)} bytes/row with every column, ${bytes.fields.toFixed(1)} with ${FLOW_FIELDS} (${((1 - bytes.fields / bytes.full) * 100).toFixed(0)}% less); ${report.load}`);
  console.info(`kept days, 90 days (UTC, settle window ${SETTLE_DAYS} days + today), embedded database, ${limitsNote(LIMITS)}`);
  const floor = (pages: number) => `floor under the limit ≥ ${(limitFloorSeconds(pages) * 1000).toFixed(0)} ms for ${pages} pages`;
  console.info(
    `  first view   ${first.ms.toFixed(0).padStart(6)} ms  pages ${first.pages}, older than the window ${first.oldPages}, kept days read ${first.keptDays}, ${first.rows.toLocaleString('en-US')} rows; fetch floor ${first.floorMs.toFixed(0)} ms, ${floor(first.pages)}; ${first.load}`,
  );
  const ms = repeats.map((r) => r.ms);
  const floors = repeats.map((r) => r.floorMs);
  console.info(
    `  repeat view  ${median(ms).toFixed(0).padStart(6)} ms median (runs ${ms.map((m) => m.toFixed(0)).join(', ')})  pages ${repeats.map((r) => r.pages).join('/')}, older than the window ${repeats.map((r) => r.oldPages).join('/')}, kept days read ${repeats[0]?.keptDays}; fetch floor ${median(floors).toFixed(0)} ms median, ${floor(repeats[0]?.pages ?? 0)}; target < 1000 ms, 0 older pages; ${repeats.map((r) => r.load).join(' | ')}`,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]) => Math.max(...xs);

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
  const sandbox = await startSandboxProcess({ port: Number(values['sandbox-port']), rateLimits: LIMITS });
  const sections = new Set((values.sections ?? '').split(','));
  try {
    console.info(`bench store: ${store.transactionCount.toLocaleString('en-US')} transactions, one every ~63 s (about 1,371 a day); sandbox ${sandbox.url}, ${limitsNote(LIMITS)}`);
    if (sections.has('kept')) await keptSection(sandbox.url, rounds);
    if (!sections.has('windows')) return;
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
    sandbox.stop();
  }
}

if (values.kept) {
  await keptChild(values.url ?? '', Number(values.rounds));
} else if (values.child !== undefined) {
  await child(values.url ?? '', Number(values.child), Number(values.rounds));
} else {
  await main();
}
