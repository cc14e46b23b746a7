// Benchmark: latency of GET /api/connections/:id/transactions against the sandbox, next to the same
// provider calls made directly with the provider client. Prints p50/p95 and the route's overhead.
// Run after `npm run build`: npx tsx --conditions=react-server scripts/bench-transactions.ts [--requests 200]
//   [--app-port 3391 --sandbox-port 4391] [--no-rate-limits]
// --date-filter [--days-back 300]: no build needed; the bench store's transactions filtered to one day that far back,
// in-process (the route's service function, an embedded database): the provider pages and requests the first page
// of the list costs (a) cold, from the top (that walk keeps the days it passes), (b) for another day as far back,
// from what (a) kept (its whole day and its totals card too), (c) after a flows view kept the year.
// The sandbox's documented limits are on unless --no-rate-limits: then every figure includes waiting for
// SHOPLINE's budget (4/s per store), and the floor that limit sets is printed next to it.
import { parseArgs } from 'node:util';
import { aggregateFlows } from '@/lib/flows/service';
import type { KeptDaysStore } from '@/lib/kept-days/store';
import { createProviderClient } from '@/lib/providers/registry';
import { createCursorCodec } from '@/lib/paging/cursor';
import { dateIn, daysInRange, shiftDate } from '@/lib/time/dates';
import { lastKeepableDay } from '@/lib/kept-days/settle';
import { keptDaysKey } from '@/lib/kept-days/source';
import { transactionTotals } from '@/lib/transactions/totals';
import { DEFAULT_TRANSACTION_LIMIT } from '@/lib/list-query/transactions-url';
import { listTransactions } from '@/lib/transactions/service';
import { SCAN_PAGE_SIZE } from '@/lib/paging/page';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl } from '@/lib/sandbox/accounts';
import { launch } from './launch.mjs';
import { drainBucket, limitFloorSeconds, limitsNote, shoplineBudget, SHOPLINE_LIMIT } from './lib/limits';
import { benchStore, keptBench, load, type KeptBench } from './lib/kept-bench';
import { resetStats, startSandboxProcess, storeStats } from './lib/sandbox-process';
import { percentile, signInCookie } from './lib/session';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    'no-rate-limits': { type: 'boolean', default: false },
    'app-port': { type: 'string', default: '3391' },
    'sandbox-port': { type: 'string', default: '4391' },
    'date-filter': { type: 'boolean', default: false },
    'days-back': { type: 'string', default: '300' },
  },
});
const REQUESTS = Number(values.requests);
const LIMITS = !values['no-rate-limits'];
const SIZES = [100, 1000] as const;

async function time(run: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 10; i += 1) await run(); // warm-up: JIT, connection pools, token caches
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9);

async function main(): Promise<void> {
  const { stop, appUrl, sandboxUrl } = await launch({
    appPort: Number(values['app-port']),
    sandboxPort: Number(values['sandbox-port']),
    dataDir: 'memory://',
    sandboxArgs: LIMITS ? [] : ['--no-rate-limits'],
    extraEnv: { FUNDSIGHT_LOG: 'silent' },
  });
  try {
    const cookie = await signInCookie(appUrl, 'finance@acme.test', 'fundsight-demo');
    const { connections } = (await (await fetch(`${appUrl}/api/connections`, { headers: { Cookie: cookie } })).json()) as {
      connections: { id: string; provider: string }[];
    };
    const shopline = connections.find((c) => c.provider === 'shopline');
    const account = SANDBOX_ACCOUNTS.find((a) => a.key === 'acme-shopline');
    if (!shopline || !account || account.provider !== 'shopline') throw new Error('no SHOPLINE demo account');
    const client = createProviderClient({
      provider: 'shopline',
      baseUrl: sandboxBaseUrl(sandboxUrl, account),
      settings: { handle: account.handle },
      credentials: { accessToken: account.accessToken },
      http: LIMITS ? { budget: shoplineBudget(sandboxBaseUrl(sandboxUrl, account), account.handle) } : {},
    });
    const transactions = client.transactions;
    if (!transactions) throw new Error('SHOPLINE client without transactions');

    console.info(`transactions route vs direct provider call, ${REQUESTS} requests each, first page, ${limitsNote(LIMITS)}`);
    if (LIMITS) {
      const perRequest = 1000 / SHOPLINE_LIMIT.perSecond;
      console.info(
        `floor under the limit: ${REQUESTS + 10} sequential calls take ≥ ${limitFloorSeconds(REQUESTS + 10).toFixed(1)} s, i.e. a p50 ≥ ~${perRequest} ms once the burst is spent`,
      );
    }
    console.info('page size |  route p50 |  route p95 | direct p50 | direct p95 | overhead p50 | overhead p95');
    for (const limit of SIZES) {
      const route = await time(async () => {
        const response = await fetch(`${appUrl}/api/connections/${shopline.id}/transactions?limit=${limit}`, { headers: { Cookie: cookie } });
        const body = (await response.json()) as { items: unknown[] };
        if (!response.ok || body.items.length !== limit) throw new Error(`route answered ${response.status}`);
      });
      if (LIMITS) await drainBucket();
      const direct = await time(async () => {
        const page = await transactions.listTransactions({ limit });
        if (page.items.length !== limit) throw new Error('short page');
      });
      const [r50, r95, d50, d95] = [percentile(route, 50), percentile(route, 95), percentile(direct, 50), percentile(direct, 95)];
      if (LIMITS) await drainBucket();
      console.info(
        `${String(limit).padStart(9)} | ${fmt(r50)}  | ${fmt(r95)}  | ${fmt(d50)}  | ${fmt(d95)}  | ${fmt(r50 - d50)}    | ${fmt(r95 - d95)}`,
      );
    }
  } finally {
    stop();
  }
}

interface FirstPage {
  requests: number;
  pages: number;
  rows: number;
  ms: number;
}

/** The first page of a one-day filter as a user gets it: requests until it is full or the list ends ("Keep searching"). */
async function firstPage(bench: KeptBench, day: string, keptDays?: KeptDaysStore): Promise<FirstPage> {
  const codec = createCursorCodec('bench-transactions-date-filter-secret');
  const started = performance.now();
  let requests = 0;
  let pages = 0;
  let rows = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await listTransactions(bench.connection, { limit: DEFAULT_TRANSACTION_LIMIT, from: day, to: day, cursor }, { codec, timeZone: 'UTC', keptDays });
    requests += 1;
    pages += page.providerPages;
    rows += page.items.length;
    cursor = page.nextCursor ?? undefined;
    if (!page.searching || cursor === undefined) return { requests, pages, rows, ms: performance.now() - started };
  }
}

/** Every row of the day at one provider page per list page: the provider pages the whole range costs. */
async function wholeRange(bench: KeptBench, day: string, keptDays: KeptDaysStore): Promise<{ pages: number; rows: number }> {
  const codec = createCursorCodec('bench-transactions-date-filter-secret');
  let pages = 0;
  let rows = 0;
  let cursor: string | undefined;
  do {
    const page = await listTransactions(bench.connection, { limit: SCAN_PAGE_SIZE, from: day, to: day, cursor }, { codec, timeZone: 'UTC', keptDays });
    pages += page.providerPages;
    rows += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { pages, rows };
}

const report = (label: string, run: FirstPage) =>
  console.info(
    `  ${label.padEnd(34)} ${run.requests} requests, ${run.pages} provider pages, ${(run.ms / 1000).toFixed(2)} s for the first ${run.rows} rows (floor under the limit ≥ ${limitFloorSeconds(run.pages).toFixed(1)} s); ${load()}`,
  );

/** The provider calls the totals card of a one-day filter costs (counted by the sandbox). */
async function totalsOf(bench: KeptBench, sandboxUrl: string, day: string, keptDays: KeptDaysStore): Promise<{ calls: number; count: number; ms: number }> {
  await resetStats(sandboxUrl);
  const started = performance.now();
  let resume: string | undefined;
  let count = 0;
  for (let step = 0; step < 500; step += 1) {
    const totals = await transactionTotals(bench.connection, { limit: DEFAULT_TRANSACTION_LIMIT, from: day, to: day }, { timeZone: 'UTC', keptDays, resume, secret: 'bench-transactions-totals-secret' });
    count = totals.count;
    resume = totals.resume ?? undefined;
    if (resume === undefined) break;
  }
  return { calls: (await storeStats(sandboxUrl, benchStore().handle)).requests, count, ms: performance.now() - started };
}

async function dateFilter(): Promise<void> {
  const back = Number(values['days-back']);
  const sandbox = await startSandboxProcess({ port: Number(values['sandbox-port']), rateLimits: LIMITS });
  try {
    const bench = await keptBench(sandbox.url, 'UTC');
    const today = dateIn('UTC', new Date());
    const day = shiftDate(today, -back);
    // Another filter as far back, inside the days the cold walk passed (it stopped inside `day`).
    const second = shiftDate(day, 1);
    console.info(`date filter ${day} (${back} days back) on the bench store (1,371 transactions a day), page size ${DEFAULT_TRANSACTION_LIMIT}, provider pages of ${SCAN_PAGE_SIZE}; ${limitsNote(LIMITS)}`);
    // (a) Cold: nothing kept, so from the top; the walk keeps the settled days it passes.
    report('(a) cold, from the top:', await firstPage(bench, day, bench.kept));
    const learned = await bench.kept.read(keptDaysKey(bench.connection, 'UTC'), day, today);
    console.info(`      it kept ${learned.length} of the ${daysInRange(day, lastKeepableDay(today))} settled days from ${day} to ${lastKeepableDay(today)} (a request's last day, left open, is finished by the next request at its cursor)`);
    if (LIMITS) await drainBucket();
    // (b) Another date filter, nothing from a flows view: it starts where the cold walk's days say.
    report(`(b) ${second}, from what (a) kept:`, await firstPage(bench, second, bench.kept));
    const wholeSecond = await wholeRange(bench, second, bench.kept);
    console.info(
      `      the whole day, pages of ${SCAN_PAGE_SIZE}: ${wholeSecond.pages} provider pages for ${wholeSecond.rows} rows (target: the range's ${Math.ceil(wholeSecond.rows / SCAN_PAGE_SIZE)} + 1; floor ≥ ${limitFloorSeconds(wholeSecond.pages).toFixed(1)} s); ${load()}`,
    );
    const totals = await totalsOf(bench, sandbox.url, second, bench.kept);
    console.info(
      `      its totals card: ${totals.calls} provider calls, ${(totals.ms / 1000).toFixed(2)} s for ${totals.count} rows (floor under the limit ≥ ${limitFloorSeconds(totals.calls).toFixed(1)} s); ${load()}`,
    );
    if (LIMITS) await drainBucket();
    // (c) What a flows view of the year up to today keeps (366 days at most), then the first filter again.
    const learnFrom = shiftDate(today, -Math.min(back + 5, 365));
    const started = performance.now();
    const flows = await aggregateFlows(
      { organizationId: bench.connection.organizationId, timeZone: 'UTC' },
      [bench.connection],
      { range: { from: learnFrom, to: today }, account: bench.connection.id },
      { cache: null, kept: bench.kept },
    );
    console.info(`  a flows view ${learnFrom} to ${today} kept its settled days: ${flows.providerPages} provider pages, ${((performance.now() - started) / 1000).toFixed(1)} s (floor ≥ ${limitFloorSeconds(flows.providerPages).toFixed(1)} s); ${load()}`);
    if (LIMITS) await drainBucket();
    report(`(c) ${day}, after the flows view:`, await firstPage(bench, day, bench.kept));
    const whole = await wholeRange(bench, day, bench.kept);
    console.info(
      `      the whole day, pages of ${SCAN_PAGE_SIZE}: ${whole.pages} provider pages for ${whole.rows} rows (target: the range's ${Math.ceil(whole.rows / SCAN_PAGE_SIZE)} + 1; floor ≥ ${limitFloorSeconds(whole.pages).toFixed(1)} s); ${load()}`,
    );
    await bench.db.close();
  } finally {
    sandbox.stop();
  }
}

(values['date-filter'] ? dateFilter() : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
